import GRDB
import PledgewireWire

/// A row of `audit_entry`: one write to one record. Rows are only ever appended.
package struct AuditRecord: FetchableRecord, MutablePersistableRecord, ColumnRecord, Equatable {
  package static let databaseTableName = "audit_entry"

  package var sequence: Int64?
  package var at: Int64
  package var principal: String
  package var method: String
  package var recordType: Int32
  package var recordID: Int64
  package var versionBefore: Int64
  package var versionAfter: Int64
  package var summary: String
  package var peer: String

  package init(row: Row) throws {
    sequence = row["sequence"]
    at = row["at"]
    principal = row["principal"]
    method = row["method"]
    recordType = row["record_type"]
    recordID = row["record_id"]
    versionBefore = row["version_before"]
    versionAfter = row["version_after"]
    summary = row["summary"]
    peer = row["peer"]
  }

  package init(_ context: WriteContext, _ type: RecordType, _ id: Int64, before: Int64, after: Int64, _ summary: String) {
    at = context.now
    principal = context.principal
    method = context.method
    recordType = type.rawValue
    recordID = id
    versionBefore = before
    versionAfter = after
    self.summary = summary
    peer = context.peer
  }

  /// The columns in the order of ``values``.
  package static let columns = ["sequence", "at", "principal", "method", "record_type", "record_id", "version_before", "version_after", "summary", "peer"]
  package static let insertSQL = insertStatement()

  package var values: [(any DatabaseValueConvertible)?] {
    [sequence, at, principal, method, recordType, recordID, versionBefore, versionAfter, summary, peer]
  }

  package mutating func didInsert(_ inserted: InsertionSuccess) {
    sequence = inserted.rowID
  }

  package var entry: AuditEntry {
    AuditEntry(
      sequence: sequence ?? 0, atMs: at, principal: principal, method: method, recordType: RecordType(rawValue: recordType),
      recordID: recordID, versionBefore: versionBefore, versionAfter: versionAfter, summary: summary, peer: peer
    )
  }

  /// Appends an entry.
  package static func append(_ context: WriteContext, _ type: RecordType, _ id: Int64, before: Int64, after: Int64, _ summary: String, _ db: Database) throws {
    try AuditRecord(context, type, id, before: before, after: after, String(summary.prefix(1_000))).insertRow(db)
  }
}
