import Foundation
import GRDB
import PledgewireWire

/// A row of `status_change`: one entry of a pledge's history. Its evidence is a row of `evidence`, by id.
struct StatusChangeRecord: FetchableRecord, MutablePersistableRecord, ColumnRecord, Equatable {
  static let databaseTableName = "status_change"

  var id: Int64?
  var pledgeID: Int64
  var fromStatus: Int32
  var toStatus: Int32
  var at: Int64
  var evidenceID: Int64?
  var note: String
  var reopened: Bool
  var changedBy: String
  var recordedAt: Int64
  var extra: Data?

  init(row: Row) throws {
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
  static let columns = ["id", "pledge_id", "from_status", "to_status", "at", "evidence_id", "note", "reopened", "changed_by", "recorded_at", "extra"]
  static let insertSQL = insertStatement()

  var values: [(any DatabaseValueConvertible)?] {
    [id, pledgeID, fromStatus, toStatus, at, evidenceID, note, reopened, changedBy, recordedAt, extra]
  }

  mutating func didInsert(_ inserted: InsertionSuccess) {
    id = inserted.rowID
  }

  init(_ change: StatusChange, pledgeID: Int64) {
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
  func change(evidence: [Int64: Evidence]) throws -> StatusChange {
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
