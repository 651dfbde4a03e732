import Foundation
import GRDB
import PledgewireWire

/// A row of `affiliation`: how one actor relates to another, in the actor's order.
struct AffiliationRecord: FetchableRecord, PersistableRecord, ColumnRecord, Equatable {
  static let databaseTableName = "affiliation"

  var actorID: Int64
  var relatedID: Int64
  var kind: Int32
  var position: Int64
  var extra: Data?

  init(row: Row) throws {
    actorID = row["actor_id"]
    relatedID = row["related_id"]
    kind = row["kind"]
    position = row["position"]
    extra = row["extra"]
  }

  init(_ affiliation: Affiliation, actorID: Int64, position: Int) {
    self.actorID = actorID
    relatedID = affiliation.actorID
    kind = affiliation.kind.rawValue
    self.position = Int64(position)
    var rest = Affiliation()
    rest.unknownFields = affiliation.unknownFields
    extra = StoredMessage.encode(rest)
  }

  /// The columns in the order of ``values``.
  static let columns = ["actor_id", "related_id", "kind", "position", "extra"]
  static let insertSQL = insertStatement()

  var values: [(any DatabaseValueConvertible)?] {
    [actorID, relatedID, kind, position, extra]
  }

  var affiliation: Affiliation {
    get throws {
      var affiliation = try StoredMessage.decode(Affiliation.self, extra, empty: Affiliation())
      affiliation.actorID = relatedID
      affiliation.kind = AffiliationKind(rawValue: kind)
      return affiliation
    }
  }
}
