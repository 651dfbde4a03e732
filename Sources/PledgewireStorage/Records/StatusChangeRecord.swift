import Foundation
import GRDB
import PledgewireWire

/// A row of `status_change`: one entry of a pledge's history. Its evidence is a row of `evidence`, by id.
package struct StatusChangeRecord: FetchableRecord, MutablePersistableRecord, ColumnRecord, Equatable {
  package static let databaseTableName = "status_change"

  package var id: Int64?
  package var pledgeID: Int64
  package var fromStatus: Int32
  package var toStatus: Int32
  package var at: Int64
  package var evidenceID: Int64?
  package var note: String
  package var reopened: Bool
  package var changedBy: String
  package var recordedAt: Int64
  package var extra: Data?

  package init(row: Row) throws {
    id = row["id"]
    pledgeID = row["pledge_id"]
    fromStatus = row["from_status"]
    toStatus = row["to_status"]
    at = row["at"]
    evidenceID = row["evidence_id"]
    note = row["note"]
    reopened = row["reopened"]
    changedBy = row["changed_by"]
    recordedAt = row["recorded_at"]
    extra = row["extra"]
  }

  /// The columns in the order of ``values``.
  package static let columns = ["id", "pledge_id", "from_status", "to_status", "at", "evidence_id", "note", "reopened", "changed_by", "recorded_at", "extra"]
  package static let insertSQL = insertStatement()

  package var values: [(any DatabaseValueConvertible)?] {
    [id, pledgeID, fromStatus, toStatus, at, evidenceID, note, reopened, changedBy, recordedAt, extra]
  }

  package mutating func didInsert(_ inserted: InsertionSuccess) {
    id = inserted.rowID
  }

  package init(_ change: StatusChange, pledgeID: Int64) {
    self.pledgeID = pledgeID
    fromStatus = change.fromStatus.rawValue
    toStatus = change.toStatus.rawValue
    at = change.atMs
    evidenceID = (change.evidence?.id).flatMap { $0 > 0 ? $0 : nil }
    note = change.note
    reopened = change.reopened
    changedBy = change.changedBy
    recordedAt = change.recordedAtMs
    var rest = StatusChange()
    rest.unknownFields = change.unknownFields
    extra = StoredMessage.encode(rest)
  }

  /// The entry, with its evidence looked up among the pledge's.
  package func change(evidence: [Int64: Evidence]) throws -> StatusChange {
    var change = try StoredMessage.decode(StatusChange.self, extra, empty: StatusChange())
    change.fromStatus = PledgeStatus(rawValue: fromStatus)
    change.toStatus = PledgeStatus(rawValue: toStatus)
    change.atMs = at
    change.evidence = evidenceID.flatMap { evidence[$0] }
    change.note = note
    change.reopened = reopened
    change.changedBy = changedBy
    change.recordedAtMs = recordedAt
    return change
  }
}
