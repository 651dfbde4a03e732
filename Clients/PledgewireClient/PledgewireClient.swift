import PledgewireTransport
import PledgewireWire
import Synchronization

/// A client of a Pledgewire server: typed async calls over one or a few multiplexed TCP connections.
///
/// ```swift
/// let client = try await PledgewireClient.connect(to: "127.0.0.1:7979")
/// let actor = try await client.actor.getActor(GetActorRequest(id: 42))
/// for try await event in client.pledge.watchPledges(WatchPledgesRequest()) { print(event) }
/// client.close()
/// ```
///
/// Any number of tasks may call at once; calls share the connections. A connection that breaks fails its calls in
/// flight with `UNAVAILABLE`; the next call reconnects, waiting out an exponential backoff after failed attempts.
/// Cancelling a calling task cancels the call on the server. Every error is an ``RPCError``.
public final class PledgewireClient: Sendable {
  /// The server.
  public let target: Target
  /// How the client connects and behaves.
  public let configuration: ClientConfiguration
  private let pool: ConnectionPool
  /// Set on a pinned view: every call uses this connection.
  private let pinnedSlot: Int?

  /// A client that connects on its first call.
  public init(target: Target, configuration: ClientConfiguration = ClientConfiguration()) {
    self.target = target
    self.configuration = configuration
    self.pool = ConnectionPool(connections: configuration.connections, clock: configuration.clock)
    self.pinnedSlot = nil
  }

  private init(sharing client: PledgewireClient, pinnedSlot: Int) {
    self.target = client.target
    self.configuration = client.configuration
    self.pool = client.pool
    self.pinnedSlot = pinnedSlot % client.pool.slots.count
  }

  /// The loops the connections live on; a task preferring one of them resumes without a thread hop when its
  /// response arrives (the load-testing harness uses this).
  package var loops: [IOLoop] { pool.loops }

  /// A view of this client whose calls all go over connection `slot`, on loop ``loop(forSlot:)``.
  package func pinned(to slot: Int) -> PledgewireClient {
    PledgewireClient(sharing: self, pinnedSlot: slot)
  }

  /// The loop connection `slot` lives on.
  package func loop(forSlot slot: Int) -> IOLoop {
    pool.loops[(slot % pool.slots.count) % pool.loops.count]
  }

  /// Connects to `target` ("host:port"): every connection of the pool is open when this returns. Throws
  /// `UNAVAILABLE` when the server cannot be reached, `INVALID_ARGUMENT` for a malformed target.
  public static func connect(to target: String, configuration: ClientConfiguration = ClientConfiguration()) async throws -> PledgewireClient {
    guard let parsed = Target(target) else {
      throw RPCError(.invalidArgument, "target \"\(target)\" is not host:port")
    }
    let client = PledgewireClient(target: parsed, configuration: configuration)
    do {
      for slot in client.pool.slots {
        _ = try await client.connection(in: slot)
      }
    } catch {
      client.close()
      throw error
    }
    return client
  }

  /// Closes every connection; calls in flight fail with `CANCELLED`, later calls with `UNAVAILABLE`.
  public func close() {
    pool.closed.store(true, ordering: .relaxed)
    for slot in pool.slots {
      slot.state.withLock { state in
        state.connection?.shutdown()
        state.connection = nil
      }
    }
  }

  // MARK: Calls

  /// Calls a unary method.
  public func unary<M: RPCMethod>(_ method: M.Type, _ request: M.Input, options: CallOptions = CallOptions()) async throws -> M.Output {
    try await unary(M.descriptor, request, returning: M.Output.self, options: options)
  }

  /// Calls the unary method `method` names, for callers that pick the method at run time (a generic `call`); the
  /// message types must be the method's.
  public func unary<Input: ProtobufMessage, Output: ProtobufMessage>(
    _ method: MethodDescriptor, _ request: Input, returning: Output.Type, options: CallOptions = CallOptions()
  ) async throws -> Output {
    let payload = request.serializedBytes()
    let response = try await perform(method, options: options, retries: true) { connection, headers, deadline in
      try await connection.unary(method, headers: headers, request: payload, deadline: deadline)
    }
    return try Output(serializedBytes: response)
  }

  /// Calls a server-streaming method; the call starts when iteration starts.
  public func serverStreaming<M: RPCMethod>(_ method: M.Type, _ request: M.Input, options: CallOptions = CallOptions()) -> ResponseStream<M.Output> {
    serverStreaming(M.descriptor, request, returning: M.Output.self, options: options)
  }

  /// Calls the server-streaming method `method` names (see ``unary(_:_:returning:options:)``).
  public func serverStreaming<Input: ProtobufMessage, Output: ProtobufMessage>(
    _ method: MethodDescriptor, _ request: Input, returning: Output.Type, options: CallOptions = CallOptions()
  ) -> ResponseStream<Output> {
    let payload = request.serializedBytes()
    return ResponseStream { [self] in
      try await perform(method, options: options, retries: false) { connection, headers, deadline in
        let call = ClientCall(connection: connection, id: connection.open(method, headers: headers, request: payload, deadline: deadline), method: method)
        let handle = CallHandle(call: call)
        return (handle, try await call.nextResponse())
      }
    }
  }

  /// Calls a client-streaming method: `body` sends the requests through the writer; returns the response.
  /// When `body` throws, the call is cancelled and the error rethrown.
  public func clientStreaming<M: RPCMethod>(
    _ method: M.Type,
    options: CallOptions = CallOptions(),
    _ body: @Sendable (RequestWriter<M.Input>) async throws -> Void
  ) async throws -> M.Output {
    try await clientStreaming(M.descriptor, returning: M.Output.self, options: options, body)
  }

  /// Calls the client-streaming method `method` names (see ``unary(_:_:returning:options:)``).
  public func clientStreaming<Input: ProtobufMessage, Output: ProtobufMessage>(
    _ method: MethodDescriptor,
    returning: Output.Type,
    options: CallOptions = CallOptions(),
    _ body: @Sendable (RequestWriter<Input>) async throws -> Void
  ) async throws -> Output {
    let response = try await perform(method, options: options, retries: false) { connection, headers, deadline in
      let call = ClientCall(connection: connection, id: connection.open(method, headers: headers, request: nil, deadline: deadline), method: method)
      do {
        try await body(RequestWriter(call: call))
      } catch {
        // When the server ended the call, its status is the answer; otherwise the call is cancelled.
        if let ended = await connection.failure(of: call.id), ended == error as? RPCError {
          throw error
        }
        call.cancel(RPCError(.cancelled, "the request stream failed: \(error)"))
        throw error
      }
      call.halfClose()
      return try await call.singleResponse()
    }
    return try Output(serializedBytes: response)
  }

  /// Calls a client-streaming method with every request of `requests`.
  public func clientStreaming<M: RPCMethod>(
    _ method: M.Type,
    requests: some Sequence<M.Input> & Sendable,
    options: CallOptions = CallOptions()
  ) async throws -> M.Output {
    try await clientStreaming(method, options: options) { writer in
      for request in requests {
        try await writer.send(request)
      }
    }
  }

  /// Runs one call attempt after another: transparently again when the server never saw the call, and, for
  /// idempotent methods whose options ask for it, again after `UNAVAILABLE`, waiting a backoff, within the deadline.
  private func perform<T: Sendable>(
    _ method: MethodDescriptor,
    options: CallOptions,
    retries: Bool,
    _ attempt: (ClientConnection, RequestHeaders, UInt64?) async throws -> T
  ) async throws -> T {
    let timeout = options.timeout ?? configuration.defaultTimeout
    let deadline = timeout.map { configuration.clock.now() + $0.nanoseconds }
    var metadata = options.metadata.entries
    if let token = configuration.token, options.metadata["authorization"] == nil {
      metadata.append(MetadataEntry(key: "authorization", value: Array("Bearer \(token)".utf8)))
    }
    let headers = RequestHeaders(method: method.fullName, metadata: metadata)
    var attempts = 0
    var transparentRetries = 0
    while true {
      do {
        try Task.checkCancellation()
        let connection = try await self.connection(in: pickSlot())
        return try await attempt(connection, headers, deadline)
      } catch let error as RPCError {
        if error.details?.reason == "NOT_SENT" && transparentRetries < 3 {
          transparentRetries += 1
          continue
        }
        attempts += 1
        guard retries, error.code == .unavailable, method.isIdempotent, let policy = options.retry, attempts < policy.maxAttempts else {
          throw error
        }
        let delay = policy.backoff.delay(attempt: attempts - 1)
        if let deadline, configuration.clock.now() + delay.nanoseconds >= deadline {
          throw error
        }
        do {
          try await Task.sleep(for: delay)
        } catch {
          throw RPCError(.cancelled, "the call was cancelled")
        }
      } catch is CancellationError {
        throw RPCError(.cancelled, "the call was cancelled")
      }
    }
  }

  // MARK: Connections

  private func pickSlot() -> ConnectionSlot {
    if let pinnedSlot {
      return pool.slots[pinnedSlot]
    }
    let slots = pool.slots
    return slots.count == 1 ? slots[0] : slots[pool.nextSlot.wrappingAdd(1, ordering: .relaxed).oldValue % slots.count]
  }

  /// The slot's connection: the open one, or a new one. While a failed attempt's backoff runs, fails fast with
  /// `UNAVAILABLE`.
  private func connection(in slot: ConnectionSlot) async throws -> ClientConnection {
    guard !pool.closed.load(ordering: .relaxed) else {
      throw RPCError(.unavailable, "the client is closed")
    }
    enum Step {
      case ready(ClientConnection)
      case wait(Task<ClientConnection, any Error>)
      case backingOff(RPCError)
    }
    let now = configuration.clock.now()
    let step = slot.state.withLock { state -> Step in
      if let connection = state.connection, connection.isAccepting {
        return .ready(connection)
      }
      state.connection = nil
      if let connecting = state.connecting {
        return .wait(connecting)
      }
      if let retryAt = state.retryAt, now < retryAt, let last = state.lastError {
        return .backingOff(RPCError(.unavailable, "\(last.message); reconnecting in \((retryAt - now) / 1_000_000) ms"))
      }
      let task = Task { try await self.openConnection(in: slot) }
      state.connecting = task
      return .wait(task)
    }
    switch step {
    case .ready(let connection):
      return connection
    case .backingOff(let error):
      throw error
    case .wait(let task):
      return try await task.value
    }
  }

  private func openConnection(in slot: ConnectionSlot) async throws -> ClientConnection {
    do {
      let connection = try await ClientConnection.connect(
        host: target.host, port: target.port, loop: pool.loops[slot.index % pool.loops.count], configuration: configuration
      ) { closed in
        slot.state.withLock { state in
          if state.connection === closed {
            state.connection = nil
          }
        }
      }
      slot.state.withLock { state in
        state.connecting = nil
        state.connection = connection
        state.failures = 0
        state.retryAt = nil
      }
      if pool.closed.load(ordering: .relaxed) {
        connection.shutdown()
      }
      return connection
    } catch {
      let failure = error as? RPCError ?? RPCError(.unavailable, "\(error)")
      slot.state.withLock { state in
        state.connecting = nil
        state.lastError = failure
        state.retryAt = configuration.clock.now() + configuration.reconnectBackoff.delay(attempt: state.failures).nanoseconds
        state.failures += 1
      }
      throw failure
    }
  }
}

/// The connections of a client and the loops they live on, shared by the client and its pinned views.
final class ConnectionPool: Sendable {
  let loops: [IOLoop]
  let slots: [ConnectionSlot]
  let nextSlot = Atomic<Int>(0)
  let closed = Atomic<Bool>(false)

  init(connections: Int, clock: LoopClock) {
    loops = IOLoop.makeLoops(count: min(connections, IOLoop.processorCount), label: "pledgewire.client.io", clock: clock)
    slots = (0..<connections).map { ConnectionSlot(index: $0) }
  }
}

/// One connection of the pool, and its reconnection state.
final class ConnectionSlot: Sendable {
  struct State {
    var connection: ClientConnection?
    var connecting: Task<ClientConnection, any Error>?
    var failures = 0
    var retryAt: UInt64?
    var lastError: RPCError?
  }

  let index: Int
  let state = Locked(State())

  init(index: Int) {
    self.index = index
  }
}

/// Connects to `target`, runs `body` with the client, and closes the client afterwards, also when `body` throws.
public func withPledgewireClient<R: Sendable>(
  _ target: String,
  configuration: ClientConfiguration = ClientConfiguration(),
  _ body: (PledgewireClient) async throws -> R
) async throws -> R {
  let client = try await PledgewireClient.connect(to: target, configuration: configuration)
  do {
    let result = try await body(client)
    client.close()
    return result
  } catch {
    client.close()
    throw error
  }
}
