import Foundation
import GRDB
import PledgewireWire

/// A row of `affiliation`: how one actor relates to another, in the actor's order.
package struct AffiliationRecord: FetchableRecord, PersistableRecord, ColumnRecord, Equatable {
  package static let databaseTableName = "affiliation"

  package var actorID: Int64
  package var relatedID: Int64
  package var kind: Int32
  package var position: Int64
  package var extra: Data?

  package init(row: Row) throws {
    actorID = row["actor_id"]
    relatedID = row["related_id"]
    kind = row["kind"]
    position = row["position"]
    extra = row["extra"]
  }

  package init(_ affiliation: Affiliation, actorID: Int64, position: Int) {
    self.actorID = actorID
    relatedID = affiliation.actorID
    kind = affiliation.kind.rawValue
    self.position = Int64(position)
    var rest = Affiliation()
    rest.unknownFields = affiliation.unknownFields
    extra = StoredMessage.encode(rest)
  }

  /// The columns in the order of ``values``.
  package static let columns = ["actor_id", "related_id", "kind", "position", "extra"]
  package static let insertSQL = insertStatement()

  package var values: [(any DatabaseValueConvertible)?] {
    [actorID, relatedID, kind, position, extra]
  }

  package var affiliation: Affiliation {
    get throws {
      var affiliation = try StoredMessage.decode(Affiliation.self, extra, empty: Affiliation())
      affiliation.actorID = relatedID
      affiliation.kind = AffiliationKind(rawValue: kind)
      return affiliation
    }
  }
}
