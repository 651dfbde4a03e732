import Logging
import PledgewireClient
import PledgewireDomain
import PledgewireServer
import PledgewireStorage
import PledgewireWire

/// Runs `body` against a real server on an ephemeral port, backed by a fresh in-memory SQLite store (with the
/// sample data when asked), through the real client.
func withDomainServer<R: Sendable>(
  sample: Bool = false,
  path: String = ":memory:",
  now: @escaping @Sendable () -> Int64 = WallClock.now,
  clientConfiguration: ClientConfiguration = ClientConfiguration(),
  configuration: ServerConfiguration = ServerConfiguration(port: 0),
  _ body: (PledgewireClient, PledgewireServices) async throws -> R
) async throws -> R {
  let store = try SQLiteStore(path: path)
  let services = PledgewireServices(store: store, now: now)
  if sample {
    _ = try await SampleDataLoader.loadIfEmpty(store: store, hub: services.hub, now: now)
  }
  var router = Router()
  router.register(services)
  var logger = Logger(label: "pledgewire.domain-test")
  logger.logLevel = .error
  let server = RPCServer(configuration: configuration, router: router, logger: logger)
  server.onShutdown { services.hub.finishAll() }
  try server.start()
  let client = try await PledgewireClient.connect(to: "127.0.0.1:\(server.port!)", configuration: clientConfiguration)
  do {
    let result = try await body(client, services)
    client.close()
    await server.shutdown(grace: .seconds(1))
    return result
  } catch {
    client.close()
    await server.shutdown(grace: .seconds(1))
    throw error
  }
}

/// The error `body` throws, which must be an RPCError.
func rpcError(_ body: () async throws -> Void) async -> RPCError? {
  do {
    try await body()
    return nil
  } catch {
    return error as? RPCError
  }
}

/// An article that passes validation.
func validArticle(_ suffix: String = "1", publishedAt: Int64 = 1_740_000_000_000, body: String = "Leaders pledged to send troops to keep the peace.", outlet: String = "Test Wire") -> Article {
  Article(
    canonicalURL: "https://news.example/\(suffix)", title: "Article \(suffix)", outlet: outlet, language: "en",
    publishedAtMs: publishedAt, body: body
  )
}

/// An actor that passes validation.
func validActor(_ name: String, kind: ActorKind = .country, aliases: [String] = []) -> Actor {
  Actor(kind: kind, canonicalName: name, aliases: aliases)
}

/// A clock a test moves by hand.
final class TestClock: Sendable {
  private let milliseconds: Locked<Int64>

  init(_ start: Int64) {
    milliseconds = Locked(start)
  }

  var now: @Sendable () -> Int64 {
    { self.milliseconds.withLock { $0 } }
  }

  func advance(_ delta: Int64) {
    milliseconds.withLock { $0 += delta }
  }
}
