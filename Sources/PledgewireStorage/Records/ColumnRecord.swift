import GRDB

/// A record whose columns are listed once, in order: GRDB's `encode(to:)` comes from them, and so does
/// ``insertRow(_:)``, an insert through one cached statement. (GRDB's generic insert builds a dictionary of the
/// columns for every row; profiled, that was most of an ingest's time.)
package protocol ColumnRecord: EncodableRecord, TableRecord {
  static var columns: [String] { get }
  /// `INSERT INTO table (columns) VALUES (?, …)`, built once per type with ``insertStatement()``.
  static var insertSQL: String { get }
  /// The values of ``columns``, in the same order.
  var values: [(any DatabaseValueConvertible)?] { get }
}

extension ColumnRecord {
  package func encode(to container: inout PersistenceContainer) {
    for (column, value) in zip(Self.columns, values) {
      container[column] = value
    }
  }

  package static func insertStatement() -> String {
    "INSERT INTO \(databaseTableName) (\(columns.joined(separator: ", "))) VALUES (\(Array(repeating: "?", count: columns.count).joined(separator: ", ")))"
  }

  /// Inserts the row; returns its rowid (the id a nil `id` column was given).
  @discardableResult
  package func insertRow(_ db: Database) throws -> Int64 {
    try db.cachedStatement(sql: Self.insertSQL).execute(arguments: StatementArguments(values))
    return db.lastInsertedRowID
  }
}
