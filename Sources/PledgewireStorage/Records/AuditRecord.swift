import GRDB
import PledgewireWire

/// A row of `audit_entry`: one write to one record. Rows are only ever appended.
struct AuditRecord: FetchableRecord, MutablePersistableRecord, ColumnRecord, Equatable {
  static let databaseTableName = "audit_entry"

  var sequence: Int64?
  var at: Int64
  var principal: String
  var method: String
  var recordType: Int32
  var recordID: Int64
  var versionBefore: Int64
  var versionAfter: Int64
  var summary: String
  var peer: String

  init(row: Row) throws {
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

  init(_ context: WriteContext, _ type: RecordType, _ id: Int64, before: Int64, after: Int64, _ summary: String) {
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
  static let columns = ["sequence", "at", "principal", "method", "record_type", "record_id", "version_before", "version_after", "summary", "peer"]
  static let insertSQL = insertStatement()

  var values: [(any DatabaseValueConvertible)?] {
    [sequence, at, principal, method, recordType, recordID, versionBefore, versionAfter, summary, peer]
  }

  mutating func didInsert(_ inserted: InsertionSuccess) {
    sequence = inserted.rowID
  }

  var entry: AuditEntry {
    AuditEntry(
      sequence: sequence ?? 0, atMs: at, principal: principal, method: method, recordType: RecordType(rawValue: recordType),
      recordID: recordID, versionBefore: versionBefore, versionAfter: versionAfter, summary: summary, peer: peer
    )
  }

  /// Appends an entry.
  static func append(_ context: WriteContext, _ type: RecordType, _ id: Int64, before: Int64, after: Int64, _ summary: String, _ db: Database) throws {
    try AuditRecord(context, type, id, before: before, after: after, String(summary.prefix(1_000))).insertRow(db)
  }
}
