import Foundation
import GRDB
import Logging
import PledgewireStorage
import PledgewireWire
import PostgresNIO

/// One leased connection inside one transaction: runs statements written with `?` placeholders (as the SQLite store
/// writes them) with bound parameters, and hands rows back as GRDB `Row`s so that the record types shared with the
/// SQLite store (`Sources/PledgewireStorage/Records`) read them unchanged. Values cross as SQLite's storage classes:
/// integers (booleans included) as BIGINT, reals as DOUBLE PRECISION, text, and blobs as BYTEA.
final class PostgresSession {
  /// Bound parameters: integers, reals, text, blobs (`Data`) or nil.
  typealias Arguments = [(any DatabaseValueConvertible & Sendable)?]

  let connection: PostgresConnection
  let logger: Logger
  /// Called whenever the database has answered a statement (the lease's answer timeout restarts).
  private let answered: @Sendable () -> Void
  /// Whether this transaction holds the event-log lock (``PostgresStore/appendEvent``).
  var holdsEventLock = false
  /// Whether it appended events: the commit then notifies the other instances.
  var appendedEvents = false
  private var savepoints = 0

  init(_ connection: PostgresConnection, _ logger: Logger, answered: @escaping @Sendable () -> Void = {}) {
    self.connection = connection
    self.logger = logger
    self.answered = answered
  }

  /// The rows `sql` returns.
  func rows(_ sql: String, _ arguments: Arguments = []) async throws -> [Row] {
    try await rawRows(sql, arguments.map { $0 as (any DatabaseValueConvertible)? })
  }

  private func rawRows(_ sql: String, _ arguments: [(any DatabaseValueConvertible)?]) async throws -> [Row] {
    let query = try Self.query(sql, arguments)
    var rows: [Row] = []
    for try await row in try await connection.query(query, logger: logger) {
      var values: [String: (any DatabaseValueConvertible)?] = [:]
      for cell in row {
        values[cell.columnName] = try Self.value(cell)
      }
      rows.append(Row(values))
    }
    answered()
    return rows
  }

  func execute(_ sql: String, _ arguments: Arguments = []) async throws {
    _ = try await rows(sql, arguments)
  }

  /// The first column of every row, as integers.
  func int64s(_ sql: String, _ arguments: Arguments = []) async throws -> [Int64] {
    try await rows(sql, arguments).map { row in row[row.columnNames.first!] }
  }

  /// The first column of the first row; nil without a row or for NULL.
  func value<T: DatabaseValueConvertible>(_ type: T.Type, _ sql: String, _ arguments: Arguments = []) async throws -> T? {
    guard let row = try await rows(sql, arguments).first, let column = row.columnNames.first else { return nil }
    return row[column]
  }

  /// Inserts a record; returns the value of `returning` (its generated id) when named. Columns whose value is nil
  /// are left out: the database gives them their default, NULL or, for an id, the next identity value.
  @discardableResult
  func insert<R: ColumnRecord>(_ record: R, returning: String? = nil) async throws -> Int64? {
    var columns: [String] = []
    var values: [(any DatabaseValueConvertible)?] = []
    for (column, value) in zip(R.columns, record.values) where value != nil {
      columns.append(column)
      values.append(value)
    }
    let sql = "INSERT INTO \(R.databaseTableName) (\(columns.joined(separator: ", "))) VALUES (\(Array(repeating: "?", count: columns.count).joined(separator: ", ")))"
      + (returning.map { " RETURNING \($0)" } ?? "")
    let rows = try await rawRows(sql, values)
    guard let returning else { return nil }
    return rows.first?[returning]
  }

  /// Writes the columns of `record` that differ from `old`, in the row whose `key` column is `id`.
  func updateChanges<R: ColumnRecord>(_ record: R, from old: R, key: String = "id", id: Int64) async throws {
    var assignments: [String] = []
    var values: [(any DatabaseValueConvertible)?] = []
    for ((column, new), before) in zip(zip(R.columns, record.values), old.values) where column != key {
      if (new?.databaseValue ?? .null) != (before?.databaseValue ?? .null) {
        assignments.append("\(column) = ?")
        values.append(new)
      }
    }
    guard !assignments.isEmpty else { return }
    _ = try await rawRows("UPDATE \(R.databaseTableName) SET \(assignments.joined(separator: ", ")) WHERE \(key) = ?", values + [id])
  }

  /// Runs `body` in a savepoint of its own: its failure undoes only its own changes.
  func each<T>(_ body: () async throws -> T) async -> Result<T, RPCError> {
    savepoints += 1
    let name = "item\(savepoints)"
    do {
      try await execute("SAVEPOINT \(name)")
    } catch {
      return .failure(PostgresStore.translate(error))
    }
    do {
      let value = try await body()
      try await execute("RELEASE SAVEPOINT \(name)")
      return .success(value)
    } catch {
      let failure = PostgresStore.translate(error)
      do {
        try await execute("ROLLBACK TO SAVEPOINT \(name)")
      } catch {
        return .failure(PostgresStore.translate(error))
      }
      return .failure(failure)
    }
  }

  // MARK: Values

  /// A query for `sql` with its `?` placeholders (outside quotes) numbered as PostgreSQL's `$1`, `$2`, …
  static func query(_ sql: String, _ arguments: [(any DatabaseValueConvertible)?]) throws -> PostgresQuery {
    var text = ""
    text.reserveCapacity(sql.utf8.count + 16)
    var number = 0
    var quoted = false
    for character in sql {
      if character == "'" {
        quoted.toggle()
      }
      if character == "?" && !quoted {
        number += 1
        text += "$\(number)"
      } else {
        text.append(character)
      }
    }
    var bindings = PostgresBindings(capacity: arguments.count)
    for argument in arguments {
      switch argument?.databaseValue.storage ?? .null {
      case .null:
        bindings.appendNull()
      case .int64(let value):
        bindings.append(value)
      case .double(let value):
        bindings.append(value)
      case .string(let value):
        bindings.append(value)
      case .blob(let value):
        try bindings.append(value)
      }
    }
    return PostgresQuery(unsafeSQL: text, binds: bindings)
  }

  /// A cell as the value SQLite would hold.
  static func value(_ cell: PostgresCell) throws -> (any DatabaseValueConvertible)? {
    guard cell.bytes != nil else { return nil }
    switch cell.dataType {
    case .int2, .int4, .int8, .oid:
      return try cell.decode(Int64.self)
    case .bool:
      return try cell.decode(Bool.self) ? Int64(1) : Int64(0)
    case .float4, .float8:
      return try cell.decode(Double.self)
    case .bytea:
      return try cell.decode(Data.self)
    default:
      return try cell.decode(String.self)
    }
  }
}
