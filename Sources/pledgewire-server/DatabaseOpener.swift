import ArgumentParser
import Logging
import PledgewirePostgres
import PledgewireStorage

/// Opens the store `--db` names: a PostgreSQL database for a `postgres://` or `postgresql://` URL, a SQLite file
/// otherwise.
enum DatabaseOpener {
  /// Whether `db` names a PostgreSQL database rather than a SQLite file.
  static func isPostgres(_ db: String) -> Bool {
    db.hasPrefix("postgres://") || db.hasPrefix("postgresql://")
  }

  /// The URL without its password, for the log.
  static func redacted(_ db: String) -> String {
    isPostgres(db) ? db.replacing(/:[^:@\/]*@/, with: ":***@") : db
  }

  /// The pool size from `--db-pool-size` or PLEDGEWIRE_DB_POOL_SIZE, checked.
  static func poolSize(_ option: Int?, _ environment: Environment) throws -> Int {
    let size = try option ?? environment.int("PLEDGEWIRE_DB_POOL_SIZE") ?? 16
    guard (1...1_000).contains(size) else {
      throw ValidationError("--db-pool-size must be 1...1000, not \(size)")
    }
    return size
  }

  static func open(
    _ db: String, poolSize: Int = 4, synchronous: SQLiteStore.Synchronous = .full, logLevel: Logger.Level = .warning
  ) async throws -> any PledgewireStore {
    guard isPostgres(db) else {
      return try SQLiteStore(path: db, synchronous: synchronous)
    }
    var logger = Logger(label: "pledgewire.postgres")
    logger.logLevel = max(logLevel, .warning)
    return try await PostgresStore(PostgresStore.Options(url: db, poolSize: poolSize), logger: logger)
  }
}
