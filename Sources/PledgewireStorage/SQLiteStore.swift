import Foundation
import GRDB
import PledgewireWire

/// The embedded store: one SQLite file in WAL mode (readers never wait for the writer), foreign keys on, versioned
/// migrations applied when it opens. `":memory:"` gives a private in-memory database, for tests.
public final class SQLiteStore: PledgewireStore {
  /// How hard a commit waits for the disk.
  public enum Synchronous: String, Sendable, CaseIterable {
    /// fsync on every commit: an acknowledged write survives a power cut.
    case full
    /// fsync at checkpoints: an acknowledged write survives a crash of the process, not of the machine.
    case normal
  }

  let writer: any DatabaseWriter
  let actorCache = ActorCache()
  /// Where the database lives.
  public let path: String

  /// Opens (creating if needed) and migrates the database at `path`.
  public init(path: String, synchronous: Synchronous = .full) throws {
    var configuration = Configuration()
    configuration.foreignKeysEnabled = true
    configuration.busyMode = .timeout(10)
    configuration.prepareDatabase { db in
      // Temporary storage in memory: the savepoint of every item of a batch keeps copies of the pages it changes, which
      // would otherwise be written to a temporary file.
      try db.execute(sql: "PRAGMA synchronous = \(synchronous.rawValue.uppercased()); PRAGMA cache_size = -32768; PRAGMA mmap_size = 268435456; PRAGMA temp_store = MEMORY")
    }
    self.path = path
    do {
      if path == ":memory:" {
        writer = try DatabaseQueue(configuration: configuration)
      } else {
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent()
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        writer = try DatabasePool(path: path, configuration: configuration)
      }
      try Schema.migrator.migrate(writer)
    } catch {
      throw RPCError(.unavailable, "cannot open the database at \(path): \(error)")
    }
  }

  // MARK: Access

  func read<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
    do {
      return try await writer.read(body)
    } catch {
      throw Self.translate(error)
    }
  }

  func write<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
    do {
      return try await writer.write(body)
    } catch {
      throw Self.translate(error)
    }
  }

  /// Runs `body` in a savepoint of its own: its failure undoes only its own changes.
  static func each<T>(_ db: Database, _ body: () throws -> T) -> Result<T, RPCError> {
    var result: Result<T, RPCError> = .failure(RPCError(.internal, "not run"))
    do {
      try db.inSavepoint {
        result = .success(try body())
        return .commit
      }
    } catch {
      result = .failure(translate(error))
    }
    return result
  }

  static func translate(_ error: any Error) -> RPCError {
    switch error {
    case let error as RPCError:
      return error
    case is CancellationError:
      return RPCError(.cancelled, "the call was cancelled")
    case let error as DatabaseError:
      switch error.extendedResultCode {
      case .SQLITE_CONSTRAINT_FOREIGNKEY:
        return RPCError(.notFound, "a referenced record does not exist (it may have just been deleted)")
      case .SQLITE_CONSTRAINT_UNIQUE, .SQLITE_CONSTRAINT_PRIMARYKEY:
        return RPCError(.alreadyExists, "the record exists already")
      default:
        break
      }
      switch error.resultCode {
      case .SQLITE_BUSY, .SQLITE_LOCKED:
        return RPCError(.unavailable, "the database is busy; retry")
      case .SQLITE_FULL:
        return RPCError(.resourceExhausted, "the disk is full")
      case .SQLITE_CORRUPT:
        return RPCError(.dataLoss, "the database is corrupt: \(error.message ?? "")")
      default:
        return RPCError(.internal, "database error: \(error.message ?? "\(error.resultCode)")")
      }
    default:
      return RPCError(.internal, "database error: \(error)")
    }
  }

  /// "(?, ?, ?, ?)" and its arguments for an `IN` list of `ids`, padded to a power of two with repeats of the first
  /// id, so that a handful of cached statements serve every list length.
  static func inList(_ ids: [Int64]) -> (String, StatementArguments) {
    var size = 1
    while size < ids.count { size *= 2 }
    let padded = ids + Array(repeating: ids.first ?? 0, count: size - ids.count)
    return ("(" + Array(repeating: "?", count: size).joined(separator: ", ") + ")", StatementArguments(padded))
  }

  static func placeholders(_ count: Int) -> String {
    Array(repeating: "?", count: count).joined(separator: ", ")
  }

  /// `ABORTED` with reason STALE_VERSION: the record changed since the caller read it.
  package static func stale(_ kind: String, _ id: Int64, at version: Int64, expected: Int64) -> RPCError {
    RPCError(
      .aborted,
      "\(kind) \(id) is at version \(version), not \(expected): read it again and reapply the change",
      details: ErrorDetails(reason: "STALE_VERSION")
    )
  }

  /// `FAILED_PRECONDITION` with reason MERGED: a tombstone cannot change.
  package static func tombstone(_ kind: String, _ id: Int64, mergedInto survivor: Int64) -> RPCError {
    RPCError(
      .failedPrecondition,
      "\(kind) \(id) was merged into \(kind) \(survivor); change that one instead",
      details: ErrorDetails(reason: "MERGED", existingID: survivor)
    )
  }

  // MARK: Audit

  public func listAuditEntries(_ query: AuditQuery) async throws -> [AuditEntry] {
    var conditions: [String] = []
    var arguments: [any DatabaseValueConvertible] = []
    if let type = query.recordType {
      conditions.append("record_type = ?")
      arguments.append(type.rawValue)
    }
    if let id = query.recordID {
      conditions.append("record_id = ?")
      arguments.append(id)
    }
    if let principal = query.principal {
      conditions.append("principal = ?")
      arguments.append(principal)
    }
    if let after = query.after {
      conditions.append("at >= ?")
      arguments.append(after)
    }
    if let before = query.before {
      conditions.append("at < ?")
      arguments.append(before)
    }
    if let sequence = query.afterSequence {
      conditions.append("sequence > ?")
      arguments.append(sequence)
    }
    arguments.append(query.limit)
    let sql = """
      SELECT * FROM audit_entry \(conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")) ORDER BY sequence LIMIT ?
      """
    let argumentList = StatementArguments(arguments.map(\.databaseValue))
    return try await read { db in
      try AuditRecord.fetchAll(try db.cachedStatement(sql: sql), arguments: argumentList).map(\.entry)
    }
  }

  // MARK: Maintenance

  /// `EXPLAIN QUERY PLAN` of a statement, one line per step, indented by depth.
  func explain(_ sql: String, _ arguments: [DatabaseValue]) async throws -> [String] {
    try await read { db in
      var depth: [Int: Int] = [:]
      return try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + sql, arguments: StatementArguments(arguments)).map { row in
        let id: Int = row["id"]
        let parent: Int = row["parent"]
        let level = (depth[parent] ?? -1) + 1
        depth[id] = level
        return String(repeating: "  ", count: level) + (row["detail"] as String)
      }
    }
  }

  public func isEmpty() async throws -> Bool {
    try await read { db in
      try Bool.fetchOne(db, sql: """
        SELECT NOT (EXISTS (SELECT 1 FROM actor) OR EXISTS (SELECT 1 FROM article) OR EXISTS (SELECT 1 FROM pledge))
        """) ?? true
    }
  }

  public func integrityCheck() async throws -> [String] {
    try await read { db in
      var results = try String.fetchAll(db, sql: "PRAGMA integrity_check")
      let violations = try Row.fetchAll(db, sql: "PRAGMA foreign_key_check")
      for row in violations {
        results.append("foreign key violation in \(row[0] as String? ?? "?") row \(row[1] as Int64? ?? 0)")
      }
      for id in try PledgeRows.staleSnapshots(db) {
        results.append("the snapshot of pledge \(id) differs from its rows")
      }
      if results != ["ok"] {
        results.removeAll { $0 == "ok" }
      }
      return results
    }
  }
}
