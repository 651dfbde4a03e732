import Dispatch
import PledgewireTransport
import PledgewireWire
import Synchronization

/// One TCP connection to the server: the thin driver of a ``ClientConnectionStateMachine`` on its I/O loop. It
/// reads the socket into the machine, sends the machine's output, asks the loop to wake it at the machine's next
/// wake time, and resumes the callers waiting on their calls.
///
/// An actor whose executor is its loop: callers that prefer the loop (the load-testing harness) make their calls
/// without a hop, and the loop's callbacks run isolated to it (`assumeIsolated`).
actor ClientConnection: LoopHandler {
  nonisolated let loop: IOLoop
  nonisolated let target: String
  nonisolated var unownedExecutor: UnownedSerialExecutor { loop.asUnownedSerialExecutor() }
  /// Whether new calls may start here: false once the connection drains or closes. Read from any thread.
  private nonisolated let accepting = Atomic<Bool>(true)
  private nonisolated let onClosed: @Sendable (ClientConnection) -> Void

  private var socket: ConnectionSocket
  private var machine: ClientConnectionStateMachine
  private var effects: [ClientEffect] = []
  private var responseWaiters: [CallID: CheckedContinuation<[UInt8]?, any Error>] = [:]
  private var writeWaiters: [CallID: CheckedContinuation<Void, any Error>] = [:]
  private var isClosed = false

  private init(fd: Int32, target: String, loop: IOLoop, configuration: ClientConfiguration, onClosed: @escaping @Sendable (ClientConnection) -> Void) {
    self.loop = loop
    self.target = target
    self.onClosed = onClosed
    self.socket = ConnectionSocket(fd: fd, loop: loop)
    self.machine = ClientConnectionStateMachine(configuration: configuration.connectionConfiguration(target: target))
  }

  /// Connects to host:port and starts the connection on `loop`: preface and SETTINGS are on their way when this
  /// returns, and calls can start at once.
  static func connect(
    host: String, port: Int, loop: IOLoop, configuration: ClientConfiguration,
    onClosed: @escaping @Sendable (ClientConnection) -> Void
  ) async throws -> ClientConnection {
    let timeout = Int32(clamping: configuration.connectTimeout.nanoseconds / 1_000_000)
    let fd: Int32 = try await withCheckedThrowingContinuation { continuation in
      DispatchQueue.global().async {
        do {
          continuation.resume(returning: try Socket.connect(host: host, port: port, timeoutMilliseconds: timeout))
        } catch {
          continuation.resume(throwing: RPCError(.unavailable, "cannot connect to \(host):\(port): \(error)"))
        }
      }
    }
    let connection = ClientConnection(fd: fd, target: "\(host):\(port)", loop: loop, configuration: configuration, onClosed: onClosed)
    await connection.start()
    return connection
  }

  /// Whether new calls may start on this connection.
  nonisolated var isAccepting: Bool { accepting.load(ordering: .relaxed) }

  private func start() {
    socket.register(self)
    machine.start(now: loop.clock.now())
    afterEvent()
  }

  // MARK: Loop callbacks

  nonisolated func socketReady(_ events: SocketEvents) {
    assumeIsolated { $0.handle(events) }
  }

  nonisolated func wake(now: UInt64) {
    assumeIsolated { $0.run { $0.timerFired(now: $1) } }
  }

  nonisolated func flush() {
    assumeIsolated { $0.flushOutput() }
  }

  private func handle(_ events: SocketEvents) {
    if events.contains(.writable) {
      socket.becameWritable()
      flushOutput()
    }
    if !events.isDisjoint(with: [.readable, .hangUp]) && !isClosed {
      let now = loop.clock.now()
      switch socket.read() {
      case .bytes(let bytes):
        machine.receive(bytes, now: now)
        machine.processInput(now: now)
      case .end:
        machine.endOfInput(now: now)
      case .wouldBlock:
        break
      case .failed(let code):
        machine.transportFailed(errno: code, now: now)
      }
    }
    afterEvent()
  }

  private func run(_ event: (inout ClientConnectionStateMachine, UInt64) -> Void) {
    guard !isClosed else { return }
    event(&machine, loop.clock.now())
    afterEvent()
  }

  private func flushOutput() {
    guard !isClosed, machine.core.hasOutput, !socket.waitsForWritable else { return }
    let now = loop.clock.now()
    switch socket.send(machine.core.output) {
    case .sent(let count, _):
      if machine.sent(count, now: now) {
        socket.shutdownWrite()
      }
    case .failed(let code):
      machine.transportFailed(errno: code, now: now)
    }
    afterEvent()
  }

  private func afterEvent() {
    guard !isClosed else { return }
    if !machine.isAccepting {
      accepting.store(false, ordering: .relaxed)
    }
    machine.takeEffects(into: &effects)
    for effect in effects {
      switch effect {
      case .responseAvailable(let id):
        if let waiter = responseWaiters.removeValue(forKey: id) {
          deliver(id, to: waiter)
        }
        if let waiter = writeWaiters.removeValue(forKey: id) {
          resumeWriter(id, waiter)
        }
      case .outputDrained:
        let waiters = writeWaiters
        writeWaiters.removeAll()
        for (id, waiter) in waiters {
          resumeWriter(id, waiter)
        }
      }
    }
    if machine.phase == .closed {
      close()
      return
    }
    socket.update(wantsRead: machine.core.wantsRead, hasOutput: machine.core.hasOutput, wake: machine.nextWake)
  }

  private func deliver(_ id: CallID, to waiter: CheckedContinuation<[UInt8]?, any Error>) {
    switch machine.take(id, now: loop.clock.now()) {
    case .message(let payload): waiter.resume(returning: payload)
    case .end: waiter.resume(returning: nil)
    case .failed(let error): waiter.resume(throwing: error)
    case .wait: responseWaiters[id] = waiter
    }
  }

  private func resumeWriter(_ id: CallID, _ waiter: CheckedContinuation<Void, any Error>) {
    do {
      if try machine.mayWrite(id) {
        waiter.resume()
      } else {
        writeWaiters[id] = waiter
      }
    } catch {
      waiter.resume(throwing: error)
    }
  }

  private func close() {
    guard !isClosed else { return }
    isClosed = true
    accepting.store(false, ordering: .relaxed)
    let closedError = RPCError(.unavailable, "the connection to \(target) closed")
    for (id, waiter) in responseWaiters {
      if case .failed(let error) = machine.take(id, now: loop.clock.now()) {
        waiter.resume(throwing: error)
      } else {
        waiter.resume(throwing: closedError)
      }
    }
    responseWaiters.removeAll()
    for waiter in writeWaiters.values {
      waiter.resume(throwing: closedError)
    }
    writeWaiters.removeAll()
    socket.close()
    onClosed(self)
  }

  // MARK: Calls

  /// Makes a unary call and waits for its response, in one hop to the loop (none for a caller on the loop).
  func unary(_ method: MethodDescriptor, headers: RequestHeaders, request: [UInt8], deadline: UInt64?) async throws -> [UInt8] {
    let id = open(method, headers: headers, request: request, deadline: deadline)
    guard let response = try await next(id) else {
      throw RPCError(.internal, "\(method.fullName) ended OK without a response message")
    }
    return response
  }

  /// Makes a streaming call; its responses come from ``next(_:)``.
  func open(_ method: MethodDescriptor, headers: RequestHeaders, request: [UInt8]?, deadline: UInt64?) -> CallID {
    let id = machine.open(method: method, headers: headers, request: request, deadline: deadline, now: loop.clock.now())
    afterEvent()
    return id
  }

  /// The call's next response message; nil after OK trailers. Throws the call's error. Cancelling the waiting task
  /// cancels the call.
  func next(_ id: CallID) async throws -> [UInt8]? {
    switch machine.take(id, now: loop.clock.now()) {
    case .message(let payload):
      afterEvent()  // reading may resume
      return payload
    case .end:
      return nil
    case .failed(let error):
      throw error
    case .wait:
      break
    }
    return try await withTaskCancellationHandler {
      try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<[UInt8]?, any Error>) in
        if isClosed {
          continuation.resume(throwing: RPCError(.unavailable, "the connection to \(target) closed"))
        } else {
          responseWaiters[id] = continuation
        }
      }
    } onCancel: {
      cancel(id, RPCError(.cancelled, "the call was cancelled"))
    }
  }

  /// Sends one client-streamed message; waits while the stream is not open yet or the output is over its bound.
  func send(_ id: CallID, _ payload: [UInt8]) async throws {
    if try !machine.mayWrite(id) {
      try await withTaskCancellationHandler {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
          resumeWriter(id, continuation)
        }
      } onCancel: {
        cancel(id, RPCError(.cancelled, "the call was cancelled"))
      }
    }
    try machine.send(id, payload)
    afterEvent()
  }

  /// The error the call ended with, if it ended with one.
  func failure(of id: CallID) -> RPCError? {
    if case .failure(let error)? = machine.calls[id]?.result { return error }
    return nil
  }

  /// The caller sends no more messages.
  func halfClose(_ id: CallID) {
    run { machine, _ in machine.halfClose(id) }
  }

  /// Abandons a call from any thread: CANCEL to the server if it started, and the call is forgotten.
  nonisolated func cancel(_ id: CallID, _ error: RPCError) {
    loop.execute { self.assumeIsolated { $0.run { $0.cancel(id, error, now: $1) } } }
  }

  /// Forgets a call whose caller stopped listening, cancelling it first if it has not ended.
  nonisolated func abandon(_ id: CallID) {
    loop.execute { self.assumeIsolated { $0.run { $0.abandon(id, now: $1) } } }
  }

  /// Sends GOAWAY and closes: the client is going away. Calls in flight fail with `CANCELLED`.
  nonisolated func shutdown() {
    loop.execute { self.assumeIsolated { $0.run { $0.shutdown(now: $1) } } }
  }
}
