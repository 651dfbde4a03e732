import Foundation
import GRDB
import PledgewireWire

/// A row of `pledge`: a pledge's terms and state in columns, and in `extra` what nothing queries (amounts,
/// quantities, targets, stage amounts, extraction) with the fields this build does not know. Parties, evidence,
/// history and labels live in their own tables. `snapshot` is the whole pledge as those rows make it, rewritten
/// from them after every write, so that a read is one row; it is used only when `snapshot_format` is this build's
/// (``PledgeRows/snapshotFormat``).
package struct PledgeRecord: FetchableRecord, MutablePersistableRecord, ColumnRecord, Equatable {
  package static let databaseTableName = "pledge"

  package var id: Int64?
  package var version: Int64
  package var createdAt: Int64
  package var updatedAt: Int64
  package var status: Int32
  package var category: Int32
  package var modality: Int32
  package var action: String
  package var note: String
  package var madeAt: Int64
  package var madePrecision: Int32
  package var dueAt: Int64
  package var duePrecision: Int32
  /// The first instant after the deadline's period; nil without a deadline.
  package var dueBy: Int64?
  /// nil: unconditional.
  package var conditionText: String?
  package var conditionState: Int32
  package var conditionEvidenceID: Int64?
  package var conditionChangedAt: Int64
  package var makersIncomplete: Bool
  package var partOfID: Int64?
  package var supersedesID: Int64?
  package var mergedIntoID: Int64?
  package var extra: Data?
  package var snapshot: Data?
  package var snapshotFormat: Int64

  package init(row: Row) throws {
    id = row["id"]
    version = row["version"]
    createdAt = row["created_at"]
    updatedAt = row["updated_at"]
    status = row["status"]
    category = row["category"]
    modality = row["modality"]
    action = row["action"]
    note = row["note"]
    madeAt = row["made_at"]
    madePrecision = row["made_precision"]
    dueAt = row["due_at"]
    duePrecision = row["due_precision"]
    dueBy = row["due_by"]
    conditionText = row["condition_text"]
    conditionState = row["condition_state"]
    conditionEvidenceID = row["condition_evidence_id"]
    conditionChangedAt = row["condition_changed_at"]
    makersIncomplete = row["makers_incomplete"]
    partOfID = row["part_of_id"]
    supersedesID = row["supersedes_id"]
    mergedIntoID = row["merged_into_id"]
    extra = row["extra"]
    snapshot = row["snapshot"]
    snapshotFormat = row["snapshot_format"]
  }

  /// The columns in the order of ``values``.
  package static let columns = ["id", "version", "created_at", "updated_at", "status", "category", "modality", "action", "note", "made_at", "made_precision", "due_at", "due_precision", "due_by", "condition_text", "condition_state", "condition_evidence_id", "condition_changed_at", "makers_incomplete", "part_of_id", "supersedes_id", "merged_into_id", "extra", "snapshot", "snapshot_format"]
  package static let insertSQL = insertStatement()

  package var values: [(any DatabaseValueConvertible)?] {
    [id, version, createdAt, updatedAt, status, category, modality, action, note, madeAt, madePrecision, dueAt, duePrecision, dueBy, conditionText, conditionState, conditionEvidenceID, conditionChangedAt, makersIncomplete, partOfID, supersedesID, mergedIntoID, extra, snapshot, snapshotFormat]
  }

  package mutating func didInsert(_ inserted: InsertionSuccess) {
    id = inserted.rowID
  }

  /// The row of `pledge` (its id when it has one).
  package init(_ pledge: Pledge) {
    id = pledge.id > 0 ? pledge.id : nil
    version = pledge.version
    createdAt = pledge.createdAtMs
    updatedAt = pledge.updatedAtMs
    status = pledge.status.rawValue
    category = pledge.category.rawValue
    modality = pledge.modality.rawValue
    action = pledge.action
    note = pledge.note
    madeAt = pledge.madeAtMs
    madePrecision = pledge.madePrecision.rawValue
    dueAt = pledge.dueAtMs
    duePrecision = pledge.duePrecision.rawValue
    dueBy = pledge.dueAtMs == 0 ? nil : DatePeriod.end(of: pledge.dueAtMs, pledge.duePrecision)
    conditionText = pledge.condition?.text
    conditionState = pledge.condition?.state.rawValue ?? 0
    conditionEvidenceID = (pledge.condition?.evidenceID).flatMap { $0 > 0 ? $0 : nil }
    conditionChangedAt = pledge.condition?.changedAtMs ?? 0
    makersIncomplete = pledge.makersIncomplete
    partOfID = pledge.partOfID > 0 ? pledge.partOfID : nil
    supersedesID = pledge.supersedesID > 0 ? pledge.supersedesID : nil
    mergedIntoID = pledge.mergedIntoID > 0 ? pledge.mergedIntoID : nil
    var rest = Pledge(
      amount: pledge.amount, stageAmounts: pledge.stageAmounts, extraction: pledge.extraction, quantity: pledge.quantity,
      target: pledge.target
    )
    rest.unknownFields = pledge.unknownFields
    if let condition = pledge.condition, !condition.unknownFields.isEmpty {
      var kept = Condition()
      kept.unknownFields = condition.unknownFields
      rest.condition = kept
    }
    extra = StoredMessage.encode(rest)
    snapshot = nil
    snapshotFormat = 0
  }

  /// The pledge, with its rows from the other tables.
  package func pledge(parties: [PledgeParty], evidence: [Evidence], history: [StatusChange], labels: [String], mergedIDs: [Int64]) throws -> Pledge {
    var pledge = try StoredMessage.decode(Pledge.self, extra, empty: Pledge())
    let conditionUnknown = pledge.condition?.unknownFields
    pledge.id = id ?? 0
    pledge.version = version
    pledge.createdAtMs = createdAt
    pledge.updatedAtMs = updatedAt
    pledge.status = PledgeStatus(rawValue: status)
    pledge.category = PledgeCategory(rawValue: category)
    pledge.modality = Modality(rawValue: modality)
    pledge.action = action
    pledge.note = note
    pledge.madeAtMs = madeAt
    pledge.madePrecision = DatePrecision(rawValue: madePrecision)
    pledge.dueAtMs = dueAt
    pledge.duePrecision = DatePrecision(rawValue: duePrecision)
    pledge.condition = conditionText.map { text in
      var condition = Condition(
        text: text, state: ConditionState(rawValue: conditionState), evidenceID: conditionEvidenceID ?? 0,
        changedAtMs: conditionChangedAt
      )
      condition.unknownFields = conditionUnknown ?? UnknownFields()
      return condition
    }
    pledge.makersIncomplete = makersIncomplete
    pledge.partOfID = partOfID ?? 0
    pledge.supersedesID = supersedesID ?? 0
    pledge.mergedIntoID = mergedIntoID ?? 0
    pledge.parties = parties
    pledge.evidence = evidence
    pledge.history = history
    pledge.labels = labels
    pledge.mergedIDs = mergedIDs
    return pledge
  }
}
