import Foundation
import Logging
import PledgewireClient
import PledgewireDomain
import PledgewireServer
import PledgewireStorage
import PledgewireWire

/// A real server with authentication required, over a fresh store holding one token per role, for a test.
struct AuthServer: Sendable {
  let port: Int
  let store: SQLiteStore
  let services: PledgewireServices
  /// The text of each role's token, named after its role.
  let tokens: [TokenRole: String]
  /// Everything the server and the authorizer logged.
  let log: CapturedLog

  /// A client sending `token`; none when nil.
  func client(_ token: String?) async throws -> PledgewireClient {
    try await PledgewireClient.connect(to: "127.0.0.1:\(port)", configuration: ClientConfiguration(token: token))
  }

  func client(_ role: TokenRole) async throws -> PledgewireClient {
    try await client(tokens[role])
  }
}

/// Runs `body` against a server that requires tokens, on `clock`'s time, with the failure limiter given.
func withAuthServer<R: Sendable>(
  clock: TestClock = TestClock(1_750_000_000_000),
  path: String = ":memory:",
  failureBurst: Int = 10,
  _ body: (AuthServer) async throws -> R
) async throws -> R {
  let store = try SQLiteStore(path: path)
  let services = PledgewireServices(store: store, now: clock.now)
  var tokens: [TokenRole: String] = [:]
  for role in TokenRole.allCases {
    let text = TokenText.generate()
    _ = try await store.insertToken(AccessToken(name: role.rawValue + "-token", role: role, hash: TokenText.hash(text), createdAtMs: clock.now()))
    tokens[role] = text
  }
  let log = CapturedLog()
  var router = Router()
  router.register(services)
  let logger = Logger(label: "pledgewire.auth-test") { _ in log }
  let authorizer = TokenAuthorizer(store: store, now: clock.now, failureBurst: failureBurst, logger: logger)
  let server = RPCServer(configuration: ServerConfiguration(port: 0), router: router, authorizer: authorizer, logger: logger)
  server.onShutdown { services.hub.finishAll() }
  try server.start()
  let auth = AuthServer(port: server.port!, store: store, services: services, tokens: tokens, log: log)
  do {
    let result = try await body(auth)
    await server.shutdown(grace: .seconds(1))
    return result
  } catch {
    await server.shutdown(grace: .seconds(1))
    throw error
  }
}

/// A log handler that keeps every line, metadata included, at every level.
final class CapturedLog: LogHandler, Sendable {
  private let lines = Locked<[String]>([])

  var text: String { lines.withLock { $0.joined(separator: "\n") } }

  var logLevel: Logger.Level {
    get { .trace }
    set {}
  }

  var metadata: Logger.Metadata {
    get { [:] }
    set {}
  }

  subscript(metadataKey key: String) -> Logger.Metadata.Value? {
    get { nil }
    set {}
  }

  func log(event: LogEvent) {
    let line = "\(event.level) \(event.message) \(event.metadata ?? [:])"
    lines.withLock { $0.append(line) }
  }
}
