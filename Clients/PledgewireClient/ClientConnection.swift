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
  private var earlyCancels: Set<CallID> = []
  /// The next call's id: taken before the call reaches the loop, so that a cancel can name it.
  private nonisolated let callIDs = Atomic<UInt64>(1)

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
    if (events.contains(.readable) || events.contains(.hangUp)) && !isClosed {
      let now = loop.clock.now()
      _ = socket.receive(into: &machine, now: now)
      _ = machine.processInput(now: now)
    }
    afterEvent()
  }

  private func run(_ event: (inout ClientConnectionStateMachine, UInt64) -> Void) {
    guard !isClosed else { return }
    event(&machine, loop.clock.now())
    afterEvent()
  }

  private func flushOutput() {
    guard !isClosed else { return }
    _ = socket.flush(&machine, now: loop.clock.now())
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
          take(id, orWait: waiter)
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
    socket.update(for: machine, wake: machine.nextWake)
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

  // Callers usually run on the connection's loop (the harness's workers prefer it; a caller elsewhere hops to it
  // once): these entry points run there synchronously, with no `await` on the actor, whose return would cost a job.

  /// Makes a unary call and waits for its response. Cancelling the waiting task cancels the call.
  nonisolated func unary(_ method: MethodDescriptor, headers: RequestHeaders, request: [UInt8], deadline: UInt64?) async throws -> [UInt8] {
    let id = callIDs.wrappingAdd(1, ordering: .relaxed).oldValue
    let response = try await withTaskCancellationHandler {
      try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<[UInt8]?, any Error>) in
        onLoop { $0.open(id, method, headers: headers, request: request, deadline: deadline, waiter: continuation) }
      }
    } onCancel: {
      cancel(id, RPCError(.cancelled, "the call was cancelled"))
    }
    guard let response else {
      throw RPCError(.internal, "\(method.fullName) ended OK without a response message")
    }
    return response
  }

  /// Makes a streaming call; its responses come from ``next(_:)``.
  nonisolated func open(_ method: MethodDescriptor, headers: RequestHeaders, request: [UInt8]?, deadline: UInt64?) -> CallID {
    let id = callIDs.wrappingAdd(1, ordering: .relaxed).oldValue
    onLoop { $0.open(id, method, headers: headers, request: request, deadline: deadline, waiter: nil) }
    return id
  }

  /// The call's next response message; nil after OK trailers. Throws the call's error. Cancelling the waiting task
  /// cancels the call.
  nonisolated func next(_ id: CallID) async throws -> [UInt8]? {
    if let take = takeOnLoop(id) {
      return try Self.response(from: take)
    }
    return try await withTaskCancellationHandler {
      try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<[UInt8]?, any Error>) in
        onLoop { $0.take(id, orWait: continuation) }
      }
    } onCancel: {
      cancel(id, RPCError(.cancelled, "the call was cancelled"))
    }
  }

  /// Sends one client-streamed message; waits while the stream is not open yet or the output is over its bound.
  nonisolated func send(_ id: CallID, _ payload: [UInt8]) async throws {
    if try sendOnLoop(id, payload) {
      return
    }
    try await withTaskCancellationHandler {
      try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
        onLoop { $0.resumeWriter(id, continuation) }
      }
    } onCancel: {
      cancel(id, RPCError(.cancelled, "the call was cancelled"))
    }
    try await sendNow(id, payload)
  }

  /// The caller sends no more messages.
  nonisolated func halfClose(_ id: CallID) {
    onLoop { $0.run { machine, _ in machine.halfClose(id) } }
  }

  /// The error the call ended with, if it ended with one.
  func failure(of id: CallID) -> RPCError? {
    if case .failure(let error)? = machine.calls[id]?.result { return error }
    return nil
  }

  /// Abandons a call from any thread: CANCEL to the server if it started, and the call ends with `error`.
  nonisolated func cancel(_ id: CallID, _ error: RPCError) {
    onLoop { connection in
      if connection.machine.calls[id] == nil {
        connection.cancelledEarly(id)
      }
      connection.run { $0.cancel(id, error, now: $1) }
    }
  }

  /// Forgets a call whose caller stopped listening, cancelling it first if it has not ended.
  nonisolated func abandon(_ id: CallID) {
    onLoop { $0.run { $0.abandon(id, now: $1) } }
  }

  /// Sends GOAWAY and closes: the client is going away. Calls in flight fail with `CANCELLED`.
  nonisolated func shutdown() {
    onLoop { $0.run { $0.shutdown(now: $1) } }
  }

  /// ``take(_:)`` when called on the loop (`assumeIsolated` is for synchronous code); nil elsewhere, or when the
  /// caller must wait.
  private nonisolated func takeOnLoop(_ id: CallID) -> ResponseTake? {
    guard loop.isCurrent else { return nil }
    return assumeIsolated { $0.take(id) }
  }

  /// Sends when called on the loop and the call may write now; false otherwise.
  private nonisolated func sendOnLoop(_ id: CallID, _ payload: [UInt8]) throws -> Bool {
    guard loop.isCurrent else { return false }
    return try assumeIsolated { try $0.sendIfPossible(id, payload) }
  }

  /// Runs `body` isolated to the connection: at once on its loop, otherwise on the loop's next turn.
  private nonisolated func onLoop(_ body: @escaping @Sendable (isolated ClientConnection) -> Void) {
    if loop.isCurrent {
      assumeIsolated(body)
    } else {
      loop.execute { self.assumeIsolated(body) }
    }
  }

  private func open(
    _ id: CallID, _ method: MethodDescriptor, headers: RequestHeaders, request: [UInt8]?, deadline: UInt64?,
    waiter: CheckedContinuation<[UInt8]?, any Error>?
  ) {
    let now = loop.clock.now()
    machine.open(id, method: method, headers: headers, request: request, deadline: deadline, now: now)
    if earlyCancels.remove(id) != nil {
      machine.cancel(id, RPCError(.cancelled, "the call was cancelled"), now: now)
    }
    if let waiter {
      take(id, orWait: waiter)
    }
    afterEvent()
  }

  /// A response the caller can have now; nil when it must wait.
  private func take(_ id: CallID) -> ResponseTake? {
    let take = machine.take(id, now: loop.clock.now())
    if case .message = take {
      afterEvent()  // reading may resume
    }
    return take == .wait ? nil : take
  }

  private func take(_ id: CallID, orWait waiter: CheckedContinuation<[UInt8]?, any Error>) {
    if let take = take(id) {
      waiter.resume(with: Result { try Self.response(from: take) })
    } else if isClosed {
      waiter.resume(throwing: RPCError(.unavailable, "the connection to \(target) closed"))
    } else {
      responseWaiters[id] = waiter
    }
  }

  private static func response(from take: ResponseTake) throws -> [UInt8]? {
    switch take {
    case .message(let payload): payload
    case .end: nil
    case .failed(let error): throw error
    case .wait: throw RPCError(.internal, "no response yet")
    }
  }

  private func sendIfPossible(_ id: CallID, _ payload: [UInt8]) throws -> Bool {
    guard try machine.mayWrite(id) else { return false }
    try machine.send(id, payload)
    afterEvent()
    return true
  }

  private func sendNow(_ id: CallID, _ payload: [UInt8]) throws {
    try machine.send(id, payload)
    afterEvent()
  }

  /// A cancel that came before its call was opened (it raced the open from another thread): the open cancels it.
  private func cancelledEarly(_ id: CallID) {
    if earlyCancels.count > 1_024 {
      earlyCancels.removeAll()  // cancels of calls that had ended long ago
    }
    earlyCancels.insert(id)
  }
}
