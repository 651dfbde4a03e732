import Dispatch
import Logging
import PledgewireTransport
import PledgewireWire
import ServiceLifecycle
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// A Pledgewire RPC server: listens on TCP, serves the methods of a ``Router`` plus the built-in health,
/// reflection and statistics services, and shuts down gracefully.
///
/// It is a swift-service-lifecycle `Service`: in a `ServiceGroup` with SIGTERM and SIGINT as graceful shutdown
/// signals, ``run()`` serves until a signal, then drains (``shutdown(grace:)``).
///
/// ```swift
/// let server = RPCServer(configuration: ServerConfiguration(port: 0), router: router)
/// try await ServiceGroup(services: [server], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger).run()
/// ```
///
/// Or by hand:
///
/// ```swift
/// try server.start()
/// print(server.port)
/// await server.shutdown()
/// ```
public final class RPCServer: Sendable {
  /// The configuration the server runs with.
  public let configuration: ServerConfiguration
  /// Serving status, as `HealthService` reports it. The server sets everything NOT_SERVING when it shuts down.
  public let health: HealthMonitor
  private let core: ServerCore
  private let acceptor = Locked<Acceptor?>(nil)
  private let shutdownHandlers = Locked<[@Sendable () -> Void]>([])
  private let stopped = Locked<[CheckedContinuation<Void, Never>]?>([])
  private let shuttingDown = Atomic<Bool>(false)

  /// Creates a server; nothing listens until ``start()``. With an `authorizer`, every call is checked by it before
  /// its handler starts; without, every call runs as "anonymous".
  public init(
    configuration: ServerConfiguration, router: Router, authorizer: (any CallAuthorizer)? = nil,
    logger: Logger = Logger(label: "pledgewire.server")
  ) {
    self.configuration = configuration
    let loops = IOLoop.makeLoops(count: configuration.ioLoops, label: "pledgewire.server.io", clock: configuration.clock)
    let statistics = ServerStatistics(shards: loops.count, startedAtUnixMs: Self.unixMilliseconds())
    let registry = ConnectionRegistry(maxConnections: configuration.maxConnections)

    var router = router
    let served = Set(router.methods.map(\.service))
    let health = HealthMonitor(services: served.sorted())
    router.register(HealthServiceHandler(monitor: health))
    router.register(StatsServiceHandler(statistics: statistics, registry: registry))
    let methods = router.methods + ReflectionService.descriptor.methods
    router.register(ReflectionServiceHandler(methods: methods, agent: configuration.agent))

    self.health = health
    self.core = ServerCore(
      configuration: configuration, router: router, authorizer: authorizer, logger: logger, loops: loops,
      statistics: statistics, health: health, registry: registry
    )
  }

  /// Binds the listening socket and starts accepting connections.
  public func start() throws {
    let fileLimit = Socket.raiseOpenFileLimit()
    let acceptor = try Acceptor(core: core)
    acceptor.start()
    self.acceptor.withLock { $0 = acceptor }
    core.logger.info(
      "pledgewire-server listening on \(configuration.host):\(acceptor.port)",
      metadata: [
        "max_connections": "\(configuration.maxConnections)",
        "max_concurrent_streams": "\(configuration.maxConcurrentStreams)",
        "max_frame_size": "\(configuration.maxFrameSize)",
        "idle_timeout": "\(configuration.idleTimeout.map { "\($0)" } ?? "none")",
        "shutdown_grace": "\(configuration.shutdownGrace)",
        "io_loops": "\(core.loops.count)",
        "auth": "\(core.authorizer == nil ? "off" : "required")",
        "open_file_limit": "\(fileLimit)",
      ]
    )
  }

  /// The port the server listens on (the chosen one when configured with port 0); nil before ``start()``.
  public var port: Int? {
    acceptor.withLock { $0?.port }
  }

  /// Adds work to do when a shutdown begins, right after GOAWAY went out: ending long-lived streams, for instance,
  /// so that they do not hold the drain for the whole grace period.
  public func onShutdown(_ handler: @escaping @Sendable () -> Void) {
    shutdownHandlers.withLock { $0.append(handler) }
  }

  /// Connections open now, rejected ones excluded.
  public var connectionCount: Int {
    core.registry.counts.open
  }

  /// Shuts down gracefully: stops accepting, reports NOT_SERVING, sends GOAWAY on every connection, lets open calls
  /// finish for up to `grace` (the configured grace by default), then ends what is left with `UNAVAILABLE`.
  public func shutdown(grace: Duration? = nil) async {
    guard !shuttingDown.exchange(true, ordering: .relaxed) else {
      // Already shutting down: wait for that one.
      await waitUntilStopped()
      return
    }
    let grace = grace ?? configuration.shutdownGrace
    let acceptor = self.acceptor.withLock { acceptor in
      defer { acceptor = nil }
      return acceptor
    }
    await acceptor?.stop()
    // The grace period starts before any GOAWAY goes out.
    let drained = raceConnectionsToClose(within: grace)
    let connections = core.registry.beginDraining()
    core.logger.info("shutting down: draining \(connections.count) connections for up to \(grace)")
    // Every GOAWAY is out before NOT_SERVING reaches a health watcher: a client hears of the shutdown first.
    await withDiscardingTaskGroup { group in
      for connection in connections {
        group.addTask { await connection.beginShutdown() }
      }
    }
    health.setAll(.notServing)
    health.finishWatchers()
    for handler in shutdownHandlers.withLock({ $0 }) {
      handler()
    }
    if !(await drained.value) {
      let remaining = core.registry.all
      core.logger.warning("grace period over: closing \(remaining.count) connections with calls still open")
      for connection in remaining {
        connection.forceClose()
      }
      _ = await raceConnectionsToClose(within: .seconds(3)).value
    }
    core.logger.info("server stopped")
    let waiters = stopped.withLock { waiters in
      defer { waiters = nil }
      return waiters ?? []
    }
    for waiter in waiters {
      waiter.resume()
    }
  }

  /// Returns once ``shutdown(grace:)`` has finished.
  public func waitUntilStopped() async {
    await withCheckedContinuation { continuation in
      let alreadyStopped = stopped.withLock { waiters in
        guard waiters != nil else { return true }
        waiters!.append(continuation)
        return false
      }
      if alreadyStopped {
        continuation.resume()
      }
    }
  }

  /// Starts the race between every connection closing (true) and `duration` passing on the loops' clock (false).
  private func raceConnectionsToClose(within duration: Duration) -> OneAnswer {
    let registry = core.registry
    let answer = OneAnswer()
    let timer = LoopTimer.schedule(on: core.loops[0], after: duration.nanoseconds) { answer.resume(false) }
    Task {
      await registry.waitUntilEmpty()
      timer.cancel()
      answer.resume(true)
    }
    return answer
  }

  private static func unixMilliseconds() -> Int64 {
    var time = timespec()
    clock_gettime(CLOCK_REALTIME, &time)
    return Int64(time.tv_sec) * 1_000 + Int64(time.tv_nsec) / 1_000_000
  }
}

/// The answer of the first of several racing events, for one waiter.
private final class OneAnswer: Sendable {
  private let state = Locked<(value: Bool?, waiter: CheckedContinuation<Bool, Never>?)>((nil, nil))

  func resume(_ value: Bool) {
    let waiter = state.withLock { state -> CheckedContinuation<Bool, Never>? in
      guard state.value == nil else { return nil }
      state.value = value
      defer { state.waiter = nil }
      return state.waiter
    }
    waiter?.resume(returning: value)
  }

  var value: Bool {
    get async {
      await withCheckedContinuation { continuation in
        let value = state.withLock { state in
          if state.value == nil { state.waiter = continuation }
          return state.value
        }
        if let value { continuation.resume(returning: value) }
      }
    }
  }
}

extension RPCServer: Service {
  /// Starts the server and serves until a graceful shutdown or cancellation of the calling task, then shuts down
  /// gracefully (``shutdown(grace:)``) and returns once that is done.
  public func run() async throws {
    try start()
    await withTaskCancellationOrGracefulShutdownHandler {
      await self.waitUntilStopped()
    } onCancelOrGracefulShutdown: {
      Task { await self.shutdown() }
    }
  }
}
