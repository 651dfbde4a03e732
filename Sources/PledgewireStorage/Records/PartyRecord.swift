import Foundation
import GRDB
import PledgewireWire

/// A row of `party`: one actor in one role of a pledge, in the pledge's order.
package struct PartyRecord: FetchableRecord, PersistableRecord, ColumnRecord, Equatable {
  package static let databaseTableName = "party"

  package var pledgeID: Int64
  package var actorID: Int64
  package var role: Int32
  package var position: Int64
  package var optedOut: Bool
  package var optOutEvidenceID: Int64?
  package var extra: Data?

  package init(row: Row) throws {
    pledgeID = row["pledge_id"]
    actorID = row["actor_id"]
    role = row["role"]
    position = row["position"]
    optedOut = row["opted_out"]
    optOutEvidenceID = row["opt_out_evidence_id"]
    extra = row["extra"]
  }

  /// The columns in the order of ``values``.
  package static let columns = ["pledge_id", "actor_id", "role", "position", "opted_out", "opt_out_evidence_id", "extra"]
  package static let insertSQL = insertStatement()

  package var values: [(any DatabaseValueConvertible)?] {
    [pledgeID, actorID, role, position, optedOut, optOutEvidenceID, extra]
  }

  package init(_ party: PledgeParty, pledgeID: Int64, position: Int) {
    self.pledgeID = pledgeID
    actorID = party.actorID
    role = party.role.rawValue
    self.position = Int64(position)
    optedOut = party.optedOut
    optOutEvidenceID = party.optOutEvidenceID > 0 ? party.optOutEvidenceID : nil
    var rest = PledgeParty()
    rest.unknownFields = party.unknownFields
    extra = StoredMessage.encode(rest)
  }

  package var party: PledgeParty {
    get throws {
      var party = try StoredMessage.decode(PledgeParty.self, extra, empty: PledgeParty())
      party.actorID = actorID
      party.role = PartyRole(rawValue: role)
      party.optedOut = optedOut
      party.optOutEvidenceID = optOutEvidenceID ?? 0
      return party
    }
  }
}
