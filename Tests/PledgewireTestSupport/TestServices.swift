import Logging
import PledgewireServer
import PledgewireWire

#if canImport(Glibc)
import Glibc
#endif

/// Methods the tests serve, built from messages of Protos/.
public enum Echo {
  public static let service = "test.v1.Echo"

  /// Answers Actor{id: request.id} after the delay in metadata "delay-ms", or once the probe's gate opens when the
  /// metadata has "wait-for-gate".
  public enum Unary: RPCMethod {
    public typealias Input = GetActorRequest
    public typealias Output = Actor
    public static let descriptor = MethodDescriptor(service: service, name: "Unary", kind: .unary, inputType: "pledgewire.v1.GetActorRequest", outputType: "pledgewire.v1.Actor")
  }

  /// Streams request.id actors, ids 1...n.
  public enum Expand: RPCMethod {
    public typealias Input = GetActorRequest
    public typealias Output = Actor
    public static let descriptor = MethodDescriptor(service: service, name: "Expand", kind: .serverStreaming, inputType: "pledgewire.v1.GetActorRequest", outputType: "pledgewire.v1.Actor")
  }

  /// Counts the streamed requests and sums their ids into ImportResponse{received, created: sum % 2^32}.
  public enum Collect: RPCMethod {
    public typealias Input = GetActorRequest
    public typealias Output = ImportResponse
    public static let descriptor = MethodDescriptor(service: service, name: "Collect", kind: .clientStreaming, inputType: "pledgewire.v1.GetActorRequest", outputType: "pledgewire.v1.ImportResponse")
  }

  /// Reads nothing, waits for the probe's gate, then fails with FAILED_PRECONDITION.
  public enum Hold: RPCMethod {
    public typealias Input = GetActorRequest
    public typealias Output = ImportResponse
    public static let descriptor = MethodDescriptor(service: service, name: "Hold", kind: .clientStreaming, inputType: "pledgewire.v1.GetActorRequest", outputType: "pledgewire.v1.ImportResponse")
  }

  /// Has a fast path: answers Actor{id, name "fast"} on the I/O queue for even ids, declines odd ids (the handler
  /// then answers with name "slow"), and fails negative ids with INVALID_ARGUMENT before any handler runs.
  public enum Lookup: RPCMethod {
    public typealias Input = GetActorRequest
    public typealias Output = Actor
    public static let descriptor = MethodDescriptor(service: service, name: "Lookup", kind: .unary, inputType: "pledgewire.v1.GetActorRequest", outputType: "pledgewire.v1.Actor")
  }

  /// Counts the call in the probe and fails with UNAVAILABLE. Idempotent: a client may retry it.
  public enum Unavailable: RPCMethod {
    public typealias Input = GetActorRequest
    public typealias Output = Actor
    public static let descriptor = MethodDescriptor(service: service, name: "Unavailable", kind: .unary, isIdempotent: true, inputType: "pledgewire.v1.GetActorRequest", outputType: "pledgewire.v1.Actor")
  }

  /// Counts the call in the probe and fails with UNAVAILABLE. Not idempotent: a client must not retry it.
  public enum UnavailableWrite: RPCMethod {
    public typealias Input = GetActorRequest
    public typealias Output = Actor
    public static let descriptor = MethodDescriptor(service: service, name: "UnavailableWrite", kind: .unary, inputType: "pledgewire.v1.GetActorRequest", outputType: "pledgewire.v1.Actor")
  }

  /// Sleeps for a minute, recording in the probe whether it saw cancellation.
  public enum Sleep: RPCMethod {
    public typealias Input = GetActorRequest
    public typealias Output = Actor
    public static let descriptor = MethodDescriptor(service: service, name: "Sleep", kind: .unary, inputType: "pledgewire.v1.GetActorRequest", outputType: "pledgewire.v1.Actor")
  }
}

/// What handlers observed, for tests to check, and a gate handlers can wait on.
public final class Probe: Sendable {
  public init() {}

  private let state = Locked<(started: Int, cancelled: [Int64])>((0, []))
  private let gate = Locked<(open: Bool, waiters: [CheckedContinuation<Void, Never>])>((false, []))

  /// Returns once ``openGate()`` has been called.
  public func waitForGate() async {
    await withCheckedContinuation { continuation in
      let open = gate.withLock { gate in
        if !gate.open { gate.waiters.append(continuation) }
        return gate.open
      }
      if open { continuation.resume() }
    }
  }

  public func openGate() {
    let waiters = gate.withLock { gate in
      gate.open = true
      defer { gate.waiters.removeAll() }
      return gate.waiters
    }
    for waiter in waiters { waiter.resume() }
  }

  public func started() { state.withLock { $0.started += 1 } }
  public func cancelled(_ id: Int64) { state.withLock { $0.cancelled.append(id) } }
  public var startedCount: Int { state.withLock { $0.started } }
  public var cancelledIDs: [Int64] { state.withLock { $0.cancelled } }

  /// Waits up to `timeout` seconds for `condition`.
  public func wait(timeout: Double = 5, until condition: (Probe) -> Bool) async -> Bool {
    let deadline = ContinuousClock.now + .milliseconds(Int64(timeout * 1_000))
    while ContinuousClock.now < deadline {
      if condition(self) { return true }
      try? await Task.sleep(for: .milliseconds(5))
    }
    return condition(self)
  }
}

public struct EchoService: RPCService {
  public let probe: Probe

  public init(probe: Probe) {
    self.probe = probe
  }

  public func register(in router: inout Router) {
    router.unary(Echo.Unary.self) { [probe] request, context in
      if let delay = context.metadata["delay-ms"].flatMap(Int.init) {
        try await Task.sleep(for: .milliseconds(delay))
      }
      if context.metadata["wait-for-gate"] != nil {
        probe.started()
        await probe.waitForGate()
      }
      return Actor(id: request.id, canonicalName: "actor \(request.id)")
    }
    router.serverStreaming(Echo.Expand.self) { request, writer, _ in
      for id in 1...max(1, request.id) {
        try await writer.send(Actor(id: id))
      }
    }
    router.clientStreaming(Echo.Collect.self) { requests, _ in
      var count: UInt32 = 0
      var sum: Int64 = 0
      for try await request in requests {
        count += 1
        sum += request.id
      }
      return ImportResponse(received: count, created: UInt32(truncatingIfNeeded: sum))
    }
    router.clientStreaming(Echo.Hold.self) { [probe] _, _ in
      probe.started()
      await probe.waitForGate()
      throw RPCError(.failedPrecondition, "held")
    }
    router.unary(Echo.Lookup.self, fastPath: { request, _ in
      guard request.id >= 0 else { throw RPCError.invalidArgument(field: "id", "must not be negative") }
      return request.id % 2 == 0 ? Actor(id: request.id, canonicalName: "fast") : nil
    }) { [probe] request, _ in
      probe.started()
      return Actor(id: request.id, canonicalName: "slow")
    }
    router.unary(Echo.Unavailable.self) { [probe] _, _ in
      probe.started()
      throw RPCError(.unavailable, "try again")
    }
    router.unary(Echo.UnavailableWrite.self) { [probe] _, _ in
      probe.started()
      throw RPCError(.unavailable, "try again")
    }
    router.unary(Echo.Sleep.self) { [probe] request, _ in
      probe.started()
      do {
        try await Task.sleep(for: .seconds(60))
      } catch {
        probe.cancelled(request.id)
        throw error
      }
      return Actor(id: request.id)
    }
  }
}

/// A started server on an ephemeral loopback port, serving ``EchoService``; the caller shuts it down.
public func startTestServer(_ configuration: ServerConfiguration = ServerConfiguration(), probe: Probe = Probe(), port: Int = 0) throws -> RPCServer {
  var configuration = configuration
  configuration.host = "127.0.0.1"
  configuration.port = port
  // The suites run in parallel on two cores, beside tests that block threads while they wait for processes: a test's
  // client can be held up for seconds between connecting and sending. Tests that are about these timeouts set
  // their own (on a manual clock); the others must not fail because the machine is busy.
  let defaults = ServerConfiguration()
  if configuration.handshakeTimeout == defaults.handshakeTimeout {
    configuration.handshakeTimeout = .seconds(120)
  }
  if configuration.frameTimeout == defaults.frameTimeout {
    configuration.frameTimeout = .seconds(120)
  }
  var router = Router()
  router.register(EchoService(probe: probe))
  var logger = Logger(label: "pledgewire.test-server")
  logger.logLevel = getenv("PLEDGEWIRE_TEST_LOG").flatMap { Logger.Level(rawValue: String(cString: $0)) } ?? .error
  let server = RPCServer(configuration: configuration, router: router, logger: logger)
  try server.start()
  return server
}

/// Runs `body` against a server on an ephemeral loopback port, then shuts it down.
public func withTestServer<R>(
  _ configuration: ServerConfiguration = ServerConfiguration(),
  probe: Probe = Probe(),
  _ body: (RPCServer, Int) async throws -> R
) async throws -> R {
  let server = try startTestServer(configuration, probe: probe)
  do {
    let result = try await body(server, server.port!)
    await server.shutdown(grace: .seconds(1))
    return result
  } catch {
    await server.shutdown(grace: .seconds(1))
    throw error
  }
}
