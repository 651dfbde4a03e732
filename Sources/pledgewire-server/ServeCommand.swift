import ArgumentParser
import Dispatch
import Logging
import PledgewireDomain
import PledgewireServer
import PledgewireStorage
import PledgewireWire
import ServiceLifecycle
import UnixSignals

#if canImport(Glibc)
import Glibc
#endif

/// `pledgewire-server [serve]`: runs the Pledgewire RPC server until SIGTERM or SIGINT, then drains and exits 0.
struct ServeCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "serve",
    abstract: "Serve the Pledgewire RPC protocol on TCP (the default command).",
    discussion: """
      Every option can also be set by the environment variable named beside it; the command line wins.
      SIGTERM or SIGINT starts a graceful shutdown: GOAWAY to every client, in-flight calls finish within the
      grace period, then the server exits 0. A second signal exits at once.

      With --auth required (the default) every call but health checks and reflection needs a token: create the
      first one with `pledgewire-server token create --db FILE --name NAME --role admin`. --auth off lets anyone
      who reaches the port do anything, as "anonymous": for a server on 127.0.0.1 only.

      Example:
        pledgewire-server --db data/pledgewire.sqlite --sample-data --port 7979 --auth off
      """
  )

  @Option(help: "Address to listen on. [PLEDGEWIRE_HOST, default 127.0.0.1]")
  var host: String?

  @Option(help: "Port to listen on; 0 picks a free one. [PLEDGEWIRE_PORT, default 7979]")
  var port: Int?

  @Option(help: "SQLite database file, created when missing; \":memory:\" for a throwaway one; or a PostgreSQL database, postgres://user:password@host:port/database. [PLEDGEWIRE_DB, default pledgewire.sqlite]")
  var db: String?

  @Option(help: "Connections to PostgreSQL the server may open (1...1000). [PLEDGEWIRE_DB_POOL_SIZE, default 16]")
  var dbPoolSize: Int?

  @Flag(help: "Load the London summit sample data into an empty database (a database with data is left alone).")
  var sampleData = false

  @Option(help: "full: fsync every commit, an acknowledged write survives a power cut; normal: survives a crash of the process. [PLEDGEWIRE_SYNC, default full]")
  var sync: String?

  @Option(help: "Connections beyond this are refused with GOAWAY RESOURCE_EXHAUSTED. [PLEDGEWIRE_MAX_CONNECTIONS, default 16384]")
  var maxConnections: Int?

  @Option(help: "Calls a connection may have open at once. [PLEDGEWIRE_MAX_CONCURRENT_STREAMS, default 100]")
  var maxConcurrentStreams: Int?

  @Option(help: "Request bytes one connection's calls may hold (requests sent without their end, client-streamed messages not yet taken); a request held past it ends RESOURCE_EXHAUSTED. [PLEDGEWIRE_MAX_BUFFERED_REQUEST_BYTES, default 16777216]")
  var maxBufferedRequestBytes: Int?

  @Option(help: "Request bytes all connections together may hold; a request held open past it ends RESOURCE_EXHAUSTED. [PLEDGEWIRE_MAX_TOTAL_BUFFERED_REQUEST_BYTES, default 268435456]")
  var maxTotalBufferedRequestBytes: Int?

  @Option(help: "Seconds a call may wait for its client's next request frame before it ends DEADLINE_EXCEEDED; 0: never. [PLEDGEWIRE_REQUEST_STALL_TIMEOUT, default 30]")
  var requestStallTimeout: Double?

  @Option(help: "Unsent bytes past which a client that does not read gets no more responses queued (those calls end RESOURCE_EXHAUSTED). [PLEDGEWIRE_MAX_QUEUED_OUTPUT_BYTES, default 8388608]")
  var maxQueuedOutputBytes: Int?

  @Option(help: "Expensive calls (quote search, resolve, search, similarity, extraction, imports) the server runs at once; more end RESOURCE_EXHAUSTED. [PLEDGEWIRE_MAX_CONCURRENT_WORK, default 64]")
  var maxConcurrentWork: Int?

  @Option(help: "Expensive calls one connection may have running at once; more end RESOURCE_EXHAUSTED. [PLEDGEWIRE_MAX_CONCURRENT_WORK_PER_CONNECTION, default 32]")
  var maxConcurrentWorkPerConnection: Int?

  @Option(help: "Largest frame payload accepted, in bytes (16384...16777216). [PLEDGEWIRE_MAX_FRAME_SIZE, default 4194304]")
  var maxFrameSize: Int?

  @Option(help: "Seconds a connection may stay without calls before it is closed; 0: never. [PLEDGEWIRE_IDLE_TIMEOUT, default 300]")
  var idleTimeout: Double?

  @Option(help: "Seconds in-flight calls may run after a shutdown begins. [PLEDGEWIRE_SHUTDOWN_GRACE, default 10]")
  var shutdownGrace: Double?

  @Option(help: "Seconds of silence before the server pings a client; 0: never. [PLEDGEWIRE_KEEPALIVE, default 0]")
  var keepalive: Double?

  @Option(help: "required: every call but health and reflection needs a token (see `token create`); off: anyone who reaches the port may do anything. [PLEDGEWIRE_AUTH, default required]")
  var auth: String?

  @Option(help: "trace, debug, info, notice, warning, error or critical. [PLEDGEWIRE_LOG_LEVEL, default info]")
  var logLevel: String?

  @Option(help: "text or json. [PLEDGEWIRE_LOG_FORMAT, default text]")
  var logFormat: String?

  func validate() throws {
    _ = try settings()
    _ = try synchronous(Environment())
    _ = try authRequired(Environment())
    _ = try DatabaseOpener.poolSize(dbPoolSize, Environment())
  }

  func run() async throws {
    let (configuration, level, format) = try settings()
    LoggingSystem.bootstrap { label in LineLogHandler(label: label, format: format, logLevel: level) }
    var logger = Logger(label: "pledgewire.server")
    logger.logLevel = level
    signal(SIGPIPE, SIG_IGN)

    let environment = Environment()
    let path = db ?? environment["PLEDGEWIRE_DB"] ?? "pledgewire.sqlite"
    let services: PledgewireServices
    var authorizer: TokenAuthorizer?
    do {
      let store = try await DatabaseOpener.open(
        path, poolSize: try DatabaseOpener.poolSize(dbPoolSize, environment), synchronous: try synchronous(environment), logLevel: level
      )
      services = PledgewireServices(store: store)
      logger.info("database \(DatabaseOpener.redacted(path)) open")
      if try authRequired(environment) {
        authorizer = TokenAuthorizer(store: store, logger: logger)
        if try await store.tokens().allSatisfy({ !$0.isValid(at: WallClock.now()) }) {
          logger.warning("authentication is required but no valid token exists: create one with `pledgewire-server token create --db \(DatabaseOpener.redacted(path)) --name NAME --role admin`")
        }
      } else if !Self.isLoopback(configuration.host) {
        logger.warning("authentication is off while listening on \(configuration.host): anyone who can reach the port can change and delete data")
      }
      if sampleData {
        if let summary = try await SampleDataLoader.loadIfEmpty(store: store, hub: services.hub) {
          logger.info("loaded the sample data: \(summary.actors) actors, \(summary.articles) articles, \(summary.pledges) pledges")
        } else {
          logger.info("the database holds data already; sample data not loaded")
        }
      }
    } catch {
      logger.critical("cannot open the database: \(error)")
      throw ExitCode(1)
    }

    var router = Router()
    router.register(services)
    let server = RPCServer(configuration: configuration, router: router, authorizer: authorizer, logger: logger)
    server.onShutdown { services.hub.finishAll() }

    // The group drains the server on the first SIGTERM or SIGINT; this says which came, and exits at a second.
    let signals = await UnixSignalsSequence(trapping: .sigterm, .sigint)
    Task { [logger] in
      var count = 0
      for await signal in signals {
        count += 1
        if count > 1 {
          logger.warning("second signal: exiting without waiting for calls")
          Glibc.exit(1)
        }
        logger.info("received \(signal); shutting down")
      }
    }
    var groupLogger = logger
    groupLogger.logLevel = max(level, .warning)
    let group = ServiceGroup(services: [server], gracefulShutdownSignals: [.sigterm, .sigint], logger: groupLogger)
    do {
      try await group.run()
    } catch {
      logger.critical("cannot start: \(error)")
      throw ExitCode(1)
    }
  }

  func synchronous(_ environment: Environment) throws -> SQLiteStore.Synchronous {
    let name = sync ?? environment["PLEDGEWIRE_SYNC"] ?? "full"
    guard let value = SQLiteStore.Synchronous(rawValue: name.lowercased()) else {
      throw ValidationError("--sync must be full or normal, not \(name)")
    }
    return value
  }

  func authRequired(_ environment: Environment) throws -> Bool {
    switch (auth ?? environment["PLEDGEWIRE_AUTH"] ?? "required").lowercased() {
    case "required": return true
    case "off": return false
    case let other: throw ValidationError("--auth must be required or off, not \(other)")
    }
  }

  /// Whether `host` reaches this machine only.
  static func isLoopback(_ host: String) -> Bool {
    host == "localhost" || host == "::1" || host.hasPrefix("127.")
  }

  /// The configuration from the options, the environment and the defaults, validated.
  func settings() throws -> (ServerConfiguration, Logger.Level, LineLogHandler.Format) {
    let environment = Environment()
    var configuration = ServerConfiguration()
    configuration.host = host ?? environment["PLEDGEWIRE_HOST"] ?? configuration.host
    configuration.port = try port ?? environment.int("PLEDGEWIRE_PORT") ?? configuration.port
    configuration.maxConnections = try maxConnections ?? environment.int("PLEDGEWIRE_MAX_CONNECTIONS") ?? configuration.maxConnections
    configuration.maxConcurrentStreams = try maxConcurrentStreams ?? environment.int("PLEDGEWIRE_MAX_CONCURRENT_STREAMS") ?? configuration.maxConcurrentStreams
    configuration.maxBufferedRequestBytes = try maxBufferedRequestBytes
      ?? environment.int("PLEDGEWIRE_MAX_BUFFERED_REQUEST_BYTES") ?? configuration.maxBufferedRequestBytes
    configuration.maxTotalBufferedRequestBytes = try maxTotalBufferedRequestBytes
      ?? environment.int("PLEDGEWIRE_MAX_TOTAL_BUFFERED_REQUEST_BYTES") ?? configuration.maxTotalBufferedRequestBytes
    configuration.maxQueuedOutputBytes = try maxQueuedOutputBytes ?? environment.int("PLEDGEWIRE_MAX_QUEUED_OUTPUT_BYTES") ?? configuration.maxQueuedOutputBytes
    if let seconds = try requestStallTimeout ?? environment.double("PLEDGEWIRE_REQUEST_STALL_TIMEOUT") {
      configuration.requestStallTimeout = seconds > 0 ? .milliseconds(Int64(seconds * 1_000)) : nil
    }
    configuration.maxConcurrentWork = try maxConcurrentWork ?? environment.int("PLEDGEWIRE_MAX_CONCURRENT_WORK") ?? configuration.maxConcurrentWork
    configuration.maxConcurrentWorkPerConnection = try maxConcurrentWorkPerConnection
      ?? environment.int("PLEDGEWIRE_MAX_CONCURRENT_WORK_PER_CONNECTION") ?? configuration.maxConcurrentWorkPerConnection
    configuration.maxFrameSize = try maxFrameSize ?? environment.int("PLEDGEWIRE_MAX_FRAME_SIZE") ?? configuration.maxFrameSize
    if let seconds = try idleTimeout ?? environment.double("PLEDGEWIRE_IDLE_TIMEOUT") {
      configuration.idleTimeout = seconds > 0 ? .milliseconds(Int64(seconds * 1_000)) : nil
    }
    if let seconds = try shutdownGrace ?? environment.double("PLEDGEWIRE_SHUTDOWN_GRACE") {
      configuration.shutdownGrace = .milliseconds(Int64(max(0, seconds) * 1_000))
    }
    if let seconds = try keepalive ?? environment.double("PLEDGEWIRE_KEEPALIVE"), seconds > 0 {
      configuration.keepaliveInterval = .milliseconds(Int64(seconds * 1_000))
    }

    guard (0...65_535).contains(configuration.port) else {
      throw ValidationError("--port must be 0...65535, not \(configuration.port)")
    }
    guard configuration.maxConnections > 0 else {
      throw ValidationError("--max-connections must be positive")
    }
    guard (1...100_000).contains(configuration.maxConcurrentStreams) else {
      throw ValidationError("--max-concurrent-streams must be 1...100000")
    }
    guard configuration.maxBufferedRequestBytes >= configuration.maxFrameSize else {
      throw ValidationError("--max-buffered-request-bytes must be at least --max-frame-size (\(configuration.maxFrameSize))")
    }
    guard configuration.maxTotalBufferedRequestBytes >= configuration.maxBufferedRequestBytes else {
      throw ValidationError("--max-total-buffered-request-bytes must be at least --max-buffered-request-bytes (\(configuration.maxBufferedRequestBytes))")
    }
    guard configuration.maxQueuedOutputBytes >= 1 << 20 else {
      throw ValidationError("--max-queued-output-bytes must be at least 1048576")
    }
    guard (1...10_000).contains(configuration.maxConcurrentWork) else {
      throw ValidationError("--max-concurrent-work must be 1...10000")
    }
    guard (1...10_000).contains(configuration.maxConcurrentWorkPerConnection) else {
      throw ValidationError("--max-concurrent-work-per-connection must be 1...10000")
    }
    guard (WireProtocol.minFrameSizeLimit...WireProtocol.maxFrameSizeLimit).contains(configuration.maxFrameSize) else {
      throw ValidationError("--max-frame-size must be \(WireProtocol.minFrameSizeLimit)...\(WireProtocol.maxFrameSizeLimit)")
    }
    let levelName = logLevel ?? environment["PLEDGEWIRE_LOG_LEVEL"] ?? "info"
    guard let level = Logger.Level(rawValue: levelName.lowercased()) else {
      throw ValidationError("--log-level must be one of \(Logger.Level.allCases.map(\.rawValue).joined(separator: ", "))")
    }
    let formatName = logFormat ?? environment["PLEDGEWIRE_LOG_FORMAT"] ?? "text"
    guard let format = LineLogHandler.Format(rawValue: formatName.lowercased()) else {
      throw ValidationError("--log-format must be text or json")
    }
    return (configuration, level, format)
  }
}
