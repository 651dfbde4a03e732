import Logging
import PledgewireTransport
import PledgewireWire

/// What every connection of a server shares: configuration, routes, loops, statistics, health, the registry.
final class ServerCore: Sendable {
  let configuration: ServerConfiguration
  let router: Router
  /// Checks every call before its handler starts; nil: every call runs as "anonymous".
  let authorizer: (any CallAuthorizer)?
  let logger: Logger
  let loops: [IOLoop]
  let statistics: ServerStatistics
  let health: HealthMonitor
  let registry: ConnectionRegistry
  /// The router's methods, numbered.
  let methods: MethodTable
  /// What every connection's state machine runs with.
  let connectionConfiguration: ServerConnectionStateMachine.Configuration
  /// The bound on expensive calls, server-wide and per connection.
  let work: WorkLimiter
  /// The request bytes all connections hold, against the server-wide limit.
  let requestBytes: RequestBytePool

  init(
    configuration: ServerConfiguration, router: Router, authorizer: (any CallAuthorizer)?, logger: Logger, loops: [IOLoop],
    statistics: ServerStatistics, health: HealthMonitor, registry: ConnectionRegistry
  ) {
    self.configuration = configuration
    self.router = router
    self.authorizer = authorizer
    self.logger = logger
    self.loops = loops
    self.statistics = statistics
    self.health = health
    self.registry = registry
    self.methods = router.table
    self.connectionConfiguration = configuration.connectionConfiguration
    self.work = WorkLimiter(global: configuration.maxConcurrentWork, perConnection: configuration.maxConcurrentWorkPerConnection)
    self.requestBytes = RequestBytePool(limit: configuration.maxTotalBufferedRequestBytes)
    statistics.name(methods: methods.names)
  }

  /// Takes over an accepted socket. On any thread.
  func accept(fd: Int32, peer: String) {
    switch registry.admit() {
    case .serve(let id):
      let connection = ServerConnection(id: id, fd: fd, peer: peer, loop: loops[Int(id) % loops.count], server: self, rejected: false)
      registry.add(connection)
      connection.start()
    case .reject(let id):
      let connection = ServerConnection(id: id, fd: fd, peer: peer, loop: loops[Int(id) % loops.count], server: self, rejected: true)
      registry.add(connection)
      logger.warning("rejecting connection: limit of \(configuration.maxConnections) reached", metadata: ["peer": "\(peer)"])
      connection.start(rejection: RPCError(
        .resourceExhausted,
        "too many connections (limit \(configuration.maxConnections))",
        connectionError: .resourceExhausted
      ))
    case .refuse:
      Socket.closeDescriptor(fd)
    }
  }

  func connectionClosed(_ connection: ServerConnection) {
    registry.remove(connection, wasServing: !connection.wasRejected)
  }
}
