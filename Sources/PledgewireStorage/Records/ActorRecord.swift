import Foundation
import GRDB
import PledgewireWire

/// A row of `actor`. Names (canonical and aliases), affiliations and labels live in their own tables; external ids
/// and the fields this build does not know are in `extra`.
package struct ActorRecord: FetchableRecord, MutablePersistableRecord, ColumnRecord, Equatable {
  package static let databaseTableName = "actor"

  package var id: Int64?
  package var kind: Int32
  package var canonicalName: String
  /// The folded canonical name, the list order.
  package var sortName: String
  package var role: String
  package var countryCode: String
  package var description: String
  package var version: Int64
  package var createdAt: Int64
  package var updatedAt: Int64
  package var mergedIntoID: Int64?
  package var extra: Data?

  package init(row: Row) throws {
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
  package static let columns = ["id", "kind", "canonical_name", "sort_name", "role", "country_code", "description", "version", "created_at", "updated_at", "merged_into_id", "extra"]
  package static let insertSQL = insertStatement()

  package var values: [(any DatabaseValueConvertible)?] {
    [id, kind, canonicalName, sortName, role, countryCode, description, version, createdAt, updatedAt, mergedIntoID, extra]
  }

  package mutating func didInsert(_ inserted: InsertionSuccess) {
    id = inserted.rowID
  }

  package init(_ actor: Actor) {
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

  package func actor(aliases: [String], affiliations: [Affiliation], labels: [String], mergedIDs: [Int64]) throws -> Actor {
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
