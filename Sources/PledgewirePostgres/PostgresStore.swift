import Foundation
import GRDB
import Logging
import PledgewireStorage
import PledgewireWire
import PostgresNIO

/// The store on PostgreSQL, for several server instances on one database: a connection pool (postgres-nio's
/// `PostgresClient`), the same tables and records as the SQLite store, migrations applied at start-up under an
/// advisory lock, and an event log whose appends commit in sequence order, with LISTEN/NOTIFY to wake the other
/// instances (``sharedEvents()``).
///
/// Transactions run at READ COMMITTED; a write that reads what it changes locks those rows first (`FOR UPDATE`),
/// so that two instances changing one record serialize, and the event log and pledge links have advisory locks of
/// their own (see README, "Storage on PostgreSQL").
public final class PostgresStore: PledgewireStore {
  /// Where the database is and how to reach it.
  public struct Options: Sendable {
    /// `postgres://user:password@host:port/database`; `?sslmode=disable|prefer|require`, and `?schema=NAME` to
    /// keep the tables in a schema of their own (as ``schema``).
    public var url: String
    /// Connections the pool may open.
    public var poolSize: Int
    /// A schema of its own (created when missing); nil: the user's default (`public`).
    public var schema: String?
    /// How long a call waits for a connection before it fails with `UNAVAILABLE`.
    public var connectTimeout: Duration
    /// How long a call waits for the database to answer one statement once it has a connection, before
    /// `UNAVAILABLE` (a long batch of quick statements is not cut short).
    public var answerTimeout: Duration
    /// How often the event log is polled for events whose notification was lost.
    public var catchUpInterval: Duration

    public init(url: String, poolSize: Int = 16, schema: String? = nil, connectTimeout: Duration = .seconds(5), answerTimeout: Duration = .seconds(10), catchUpInterval: Duration = .seconds(1)) {
      self.url = url
      self.poolSize = poolSize
      self.schema = schema
      self.connectTimeout = connectTimeout
      self.answerTimeout = answerTimeout
      self.catchUpInterval = catchUpInterval
    }
  }

  let client: PostgresClient
  let logger: Logger
  let options: Options
  let actorCache = ActorCache()
  let channel: String
  private let runTask: Task<Void, Never>
  let relay: EventRelay

  /// Connects, and applies the migrations this build knows that the database lacks. `UNAVAILABLE` when the
  /// database cannot be reached.
  public init(_ options: Options, logger: Logger = Logger(label: "pledgewire.postgres")) async throws {
    var options = options
    if options.schema == nil {
      options.schema = URLComponents(string: options.url)?.queryItems?.first { $0.name == "schema" }?.value
    }
    var configuration = try Self.configuration(options)
    configuration.options.maximumConnections = max(1, options.poolSize)
    configuration.options.minimumConnections = 0
    configuration.options.connectTimeout = options.connectTimeout
    if let schema = options.schema {
      guard schema.range(of: "^[a-z_][a-z0-9_]{0,62}$", options: .regularExpression) != nil else {
        throw RPCError.invalidArgument(field: "schema", "must be a lowercase SQL identifier, not \(schema)")
      }
      configuration.options.additionalStartupParameters = [("search_path", "\(schema), public")]
    }
    let client = PostgresClient(configuration: configuration, backgroundLogger: logger)
    self.client = client
    self.logger = logger
    self.options = options
    channel = "pledgewire_events_\(options.schema ?? "public")"
    runTask = Task { await client.run() }
    relay = EventRelay()
    do {
      try await migrate()
    } catch {
      runTask.cancel()
      throw Self.translate(error)
    }
  }

  public func sharedEvents() -> AsyncStream<[PledgeEvent]>? {
    relay.subscribe(store: self)
  }

  deinit {
    relay.stop()
    runTask.cancel()
  }

  static func configuration(_ options: Options) throws -> PostgresClient.Configuration {
    guard let url = URLComponents(string: options.url), ["postgres", "postgresql"].contains(url.scheme ?? ""),
      let host = url.host, !host.isEmpty
    else {
      throw RPCError.invalidArgument(field: "db", "is not a PostgreSQL URL (postgres://user:password@host:port/database): \(options.url)")
    }
    let database = url.path.hasPrefix("/") ? String(url.path.dropFirst()) : url.path
    let mode = url.queryItems?.first { $0.name == "sslmode" }?.value ?? "prefer"
    let tls: PostgresClient.Configuration.TLS
    switch mode {
    case "disable": tls = .disable
    case "prefer": tls = .prefer(.makeClientConfiguration())
    case "require": tls = .require(.makeClientConfiguration())
    default: throw RPCError.invalidArgument(field: "db", "sslmode must be disable, prefer or require, not \(mode)")
    }
    return PostgresClient.Configuration(
      host: host, port: url.port ?? 5432, username: url.user?.removingPercentEncoding ?? "postgres",
      password: url.password?.removingPercentEncoding, database: database.isEmpty ? nil : database, tls: tls
    )
  }

  // MARK: Migrations

  /// Advisory lock keys: one per purpose, the same in every instance.
  enum LockKey: Int64 {
    case migrate = 0x504c_4547_0001
    case events = 0x504c_4547_0002
    case links = 0x504c_4547_0003
  }

  /// Creates the extensions and the schema under the database-wide migration lock (they are per database, and
  /// `IF NOT EXISTS` races), then applies the migrations under a lock of the schema's own, so that instances of
  /// one schema apply each migration once while stores in other schemas (a test each) migrate side by side.
  private func migrate() async throws {
    try await lease { session in
      try await Self.holding(session, key: "?", [LockKey.migrate.rawValue]) {
        try await session.execute(PostgresSchema.extensions)
        if let schema = self.options.schema {
          try await session.execute("CREATE SCHEMA IF NOT EXISTS \(schema)")
        }
      }
      // The schema's key: its name hashed with the database-wide key as seed.
      try await Self.holding(session, key: "hashtextextended(?, ?)", [self.options.schema ?? "public", LockKey.migrate.rawValue]) {
        try await self.applyMigrations(session)
      }
    }
  }

  /// Runs `body` holding the session-level advisory lock whose key the SQL expression `key` computes from `arguments`.
  private static func holding(_ session: PostgresSession, key: String, _ arguments: PostgresSession.Arguments, _ body: () async throws -> Void) async throws {
    try await session.execute("SELECT pg_advisory_lock(\(key))", arguments)
    do {
      try await body()
      try await session.execute("SELECT pg_advisory_unlock(\(key))", arguments)
    } catch {
      try? await session.execute("SELECT pg_advisory_unlock(\(key))", arguments)
      throw error
    }
  }

  private func applyMigrations(_ session: PostgresSession) async throws {
    try await session.execute("CREATE TABLE IF NOT EXISTS schema_migration (version TEXT PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())")
    let applied = Set(try await session.rows("SELECT version FROM schema_migration").map { $0["version"] as String })
    for (version, sql) in PostgresSchema.migrations where !applied.contains(version) {
      try await session.execute("BEGIN")
      do {
        for statement in sql.components(separatedBy: ";\n") where !statement.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
          try await session.execute(statement)
        }
        try await session.execute("INSERT INTO schema_migration (version) VALUES (?)", [version])
        try await session.execute("COMMIT")
        logger.info("applied migration \(version)")
      } catch {
        try? await session.execute("ROLLBACK")
        throw error
      }
    }
  }

  // MARK: Access

  /// Runs `body` in a session on a leased connection; `UNAVAILABLE` when no connection comes within the connect
  /// timeout, or when a statement is not answered within ``Options/answerTimeout`` (a connection that died under a
  /// query is not always noticed at once). The work runs in a task of its own, so that a driver call that does not
  /// end on cancellation cannot hold the caller.
  func lease<T: Sendable>(_ body: @escaping @Sendable (PostgresSession) async throws -> T) async throws -> T {
    let outcome = Outcome<T>()
    let client = self.client
    let logger = self.logger
    let work = Task {
      do {
        outcome.finish(.success(try await client.withConnection { connection in
          outcome.markAnswered()
          return try await body(PostgresSession(connection, logger, answered: outcome.markAnswered))
        }))
      } catch {
        outcome.finish(.failure(error))
      }
    }
    let connectTimeout = options.connectTimeout
    let answerTimeout = options.answerTimeout
    let timer = Task {
      try? await Task.sleep(for: connectTimeout)
      guard !Task.isCancelled else { return }
      guard var answered = outcome.lastAnswer else {
        outcome.finish(.failure(RPCError(.unavailable, "the database did not give a connection within \(connectTimeout); is it running?")))
        work.cancel()
        return
      }
      // Wakes when the last answer is `answerTimeout` old; fails unless another came meanwhile.
      while !Task.isCancelled {
        try? await Task.sleep(until: answered + answerTimeout)
        guard !Task.isCancelled, let last = outcome.lastAnswer else { return }
        if last == answered {
          outcome.finish(.failure(RPCError(.unavailable, "the database did not answer a statement within \(answerTimeout)")))
          work.cancel()
          return
        }
        answered = last
      }
    }
    defer { timer.cancel() }
    return try await withTaskCancellationHandler {
      try await outcome.value()
    } onCancel: {
      work.cancel()
    }
  }

  /// A read: statements after the first see the same snapshot (REPEATABLE READ, READ ONLY) when `consistent`.
  func read<T: Sendable>(consistent: Bool = true, _ body: @escaping @Sendable (PostgresSession) async throws -> T) async throws -> T {
    do {
      return try await lease { session in
        guard consistent else { return try await body(session) }
        try await session.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
        do {
          let value = try await body(session)
          try await session.execute("COMMIT")
          return value
        } catch {
          try? await session.execute("ROLLBACK")
          throw error
        }
      }
    } catch {
      throw Self.translate(error)
    }
  }

  /// A write transaction at READ COMMITTED; when it appended events, the other instances are notified as it commits.
  func write<T: Sendable>(_ body: @escaping @Sendable (PostgresSession) async throws -> T) async throws -> T {
    do {
      return try await lease { session in
        try await session.execute("BEGIN ISOLATION LEVEL READ COMMITTED")
        do {
          let value = try await body(session)
          if session.appendedEvents {
            try await session.execute("SELECT pg_notify(?, '')", [self.channel])
          }
          try await session.execute("COMMIT")
          return value
        } catch {
          try? await session.execute("ROLLBACK")
          throw error
        }
      }
    } catch {
      throw Self.translate(error)
    }
  }

  static func translate(_ error: any Error) -> RPCError {
    switch error {
    case let error as RPCError:
      return error
    case is CancellationError:
      return RPCError(.cancelled, "the call was cancelled")
    case let error as PSQLError:
      switch error.code {
      case .server:
        let state = error.serverInfo?[.sqlState] ?? ""
        let message = error.serverInfo?[.message] ?? "\(error)"
        switch state {
        case "23503":
          return RPCError(.notFound, "a referenced record does not exist (it may have just been deleted)")
        case "23505":
          return RPCError(.alreadyExists, "the record exists already")
        case "40001", "40P01", "55P03":
          return RPCError(.unavailable, "the database could not serialize this write with another; retry")
        case "57014":
          return RPCError(.cancelled, "the statement was cancelled")
        case _ where state.hasPrefix("08") || state.hasPrefix("57P"):
          return RPCError(.unavailable, "the database is unavailable: \(message)")
        case _ where state.hasPrefix("53"):
          return RPCError(.resourceExhausted, "the database is out of resources: \(message)")
        case "XX001", "XX002":
          return RPCError(.dataLoss, "the database is corrupt: \(message)")
        default:
          return RPCError(.internal, "database error \(state): \(message)")
        }
      case .connectionError, .serverClosedConnection, .clientClosedConnection, .uncleanShutdown, .poolClosed,
        .sslUnsupported, .failedToAddSSLHandler:
        return RPCError(.unavailable, "the database connection failed: \(error.underlying.map { "\($0)" } ?? "\(error.code)")")
      case .queryCancelled:
        return RPCError(.cancelled, "the call was cancelled")
      default:
        return RPCError(.internal, "database error: \(error.code)")
      }
    default:
      let text = String(describing: error)
      if text.contains("connect") || text.contains("Connection") {
        return RPCError(.unavailable, "the database is unreachable: \(text)")
      }
      return RPCError(.internal, "database error: \(text)")
    }
  }

  /// "(?, ?, ?)" for `count` values.
  static func placeholders(_ count: Int) -> String {
    Array(repeating: "?", count: count).joined(separator: ", ")
  }

  /// `= ANY(?)` takes one array; the statements here bind each id instead, so one helper serves SQLite's spelling.
  static func inList(_ ids: [Int64]) -> (String, PostgresSession.Arguments) {
    ("(" + placeholders(max(1, ids.count)) + ")", ids.isEmpty ? [Int64(0)] : ids)
  }

  // MARK: Audit

  public func listAuditEntries(_ query: AuditQuery) async throws -> [AuditEntry] {
    var conditions: [String] = []
    var arguments: PostgresSession.Arguments = []
    if let type = query.recordType {
      conditions.append("record_type = ?")
      arguments.append(Int64(type.rawValue))
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
    arguments.append(Int64(query.limit))
    let sql = "SELECT * FROM audit_entry \(conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")) ORDER BY sequence LIMIT ?"
    return try await read(consistent: false) { [arguments] session in
      try await session.rows(sql, arguments).map { try AuditRecord(row: $0).entry }
    }
  }

  static func audit(_ context: WriteContext, _ type: RecordType, _ id: Int64, before: Int64, after: Int64, _ summary: String, _ session: PostgresSession) async throws {
    try await session.insert(AuditRecord(context, type, id, before: before, after: after, String(summary.prefix(1_000))))
  }

  // MARK: Maintenance

  public func isEmpty() async throws -> Bool {
    try await read(consistent: false) { session in
      try await session.value(Bool.self, """
        SELECT NOT (EXISTS (SELECT 1 FROM actor) OR EXISTS (SELECT 1 FROM article) OR EXISTS (SELECT 1 FROM pledge))
        """) ?? true
    }
  }

  public func integrityCheck() async throws -> [String] {
    try await read { session in
      var results: [String] = []
      for id in try await PostgresPledgeRows.staleSnapshots(session) {
        results.append("the snapshot of pledge \(id) differs from its rows")
      }
      return results.isEmpty ? ["ok"] : results
    }
  }
}
