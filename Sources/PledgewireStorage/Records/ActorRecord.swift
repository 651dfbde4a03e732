import Foundation
import GRDB
import PledgewireWire

/// A row of `actor`. Names (canonical and aliases), affiliations and labels live in their own tables; external ids
/// and the fields this build does not know are in `extra`.
struct ActorRecord: FetchableRecord, MutablePersistableRecord, ColumnRecord, Equatable {
  static let databaseTableName = "actor"

  var id: Int64?
  var kind: Int32
  var canonicalName: String
  /// The folded canonical name, the list order.
  var sortName: String
  var role: String
  var countryCode: String
  var description: String
  var version: Int64
  var createdAt: Int64
  var updatedAt: Int64
  var mergedIntoID: Int64?
  var extra: Data?

  init(row: Row) throws {
    id = row["id"]
    kind = row["kind"]
    canonicalName = row["canonical_name"]
    sortName = row["sort_name"]
    role = row["role"]
    countryCode = row["country_code"]
    description = row["description"]
    version = row["version"]
    createdAt = row["created_at"]
    updatedAt = row["updated_at"]
    mergedIntoID = row["merged_into_id"]
    extra = row["extra"]
  }

  /// The columns in the order of ``values``.
  static let columns = ["id", "kind", "canonical_name", "sort_name", "role", "country_code", "description", "version", "created_at", "updated_at", "merged_into_id", "extra"]
  static let insertSQL = insertStatement()

  var values: [(any DatabaseValueConvertible)?] {
    [id, kind, canonicalName, sortName, role, countryCode, description, version, createdAt, updatedAt, mergedIntoID, extra]
  }

  mutating func didInsert(_ inserted: InsertionSuccess) {
    id = inserted.rowID
  }

  init(_ actor: Actor) {
    id = actor.id > 0 ? actor.id : nil
    kind = actor.kind.rawValue
    canonicalName = actor.canonicalName
    sortName = NameFolding.fold(actor.canonicalName)
    role = actor.role
    countryCode = actor.countryCode
    description = actor.description
    version = actor.version
    createdAt = actor.createdAtMs
    updatedAt = actor.updatedAtMs
    mergedIntoID = actor.mergedIntoID > 0 ? actor.mergedIntoID : nil
    var rest = Actor(externalIDs: actor.externalIDs)
    rest.unknownFields = actor.unknownFields
    extra = StoredMessage.encode(rest)
  }

  func actor(aliases: [String], affiliations: [Affiliation], labels: [String], mergedIDs: [Int64]) throws -> Actor {
    var actor = try StoredMessage.decode(Actor.self, extra, empty: Actor())
    actor.id = id ?? 0
    actor.kind = ActorKind(rawValue: kind)
    actor.canonicalName = canonicalName
    actor.aliases = aliases
    actor.role = role
    actor.countryCode = countryCode
    actor.affiliations = affiliations
    actor.description = description
    actor.version = version
    actor.createdAtMs = createdAt
    actor.updatedAtMs = updatedAt
    actor.mergedIntoID = mergedIntoID ?? 0
    actor.mergedIDs = mergedIDs
    actor.labels = labels
    return actor
  }
}
