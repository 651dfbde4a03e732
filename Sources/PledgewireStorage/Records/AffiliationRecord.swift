import Foundation
import GRDB
import PledgewireWire

/// A row of `affiliation`: how one actor relates to another, in the actor's order.
struct AffiliationRecord: FetchableRecord, PersistableRecord, Equatable {
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

  func encode(to container: inout PersistenceContainer) {
    container["actor_id"] = actorID
    container["related_id"] = relatedID
    container["kind"] = kind
    container["position"] = position
    container["extra"] = extra
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
