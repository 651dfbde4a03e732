import Logging
import PledgewireTransport
import PledgewireWire

/// One client connection: the thin driver of a ``ServerConnectionStateMachine`` on its I/O loop. It reads the
/// socket into the machine, sends the machine's output, asks the loop to wake it at the machine's next wake time,
/// and does the machine's effects — start handlers, wake them, stop them, record statistics.
///
/// An actor whose executor is its loop: the loop's callbacks run isolated to it (`assumeIsolated`), and so do the
/// calls its handlers make, which prefer the loop as their task executor and so run without a hop.
actor ServerConnection: LoopHandler {
  nonisolated let id: UInt64
  nonisolated let loop: IOLoop
  nonisolated let peer: String
  /// Turned away at once for being over the connection limit.
  nonisolated let wasRejected: Bool

  nonisolated var unownedExecutor: UnownedSerialExecutor { loop.asUnownedSerialExecutor() }

  private let server: ServerCore
  private let statistics: ServerStatistics.Shard
  private let logger: Logger
  private var socket: ConnectionSocket
  private var machine: ServerConnectionStateMachine
  private var effects: [ServerEffect] = []
  private var ended: [CallEnd] = []
  private var requestWaiters: [UInt32: CheckedContinuation<[UInt8]?, any Error>] = [:]
  private var drainWaiters: [UInt32: CheckedContinuation<Void, any Error>] = [:]
  private var isClosed = false

  init(id: UInt64, fd: Int32, peer: String, loop: IOLoop, server: ServerCore, rejected: Bool) {
    self.id = id
    self.loop = loop
    self.peer = peer
    self.wasRejected = rejected
    self.server = server
    self.statistics = server.statistics.shards[loop.index]
    var logger = server.logger
    logger[metadataKey: "peer"] = "\(peer)"
    logger[metadataKey: "connection"] = "\(id)"
    self.logger = logger
    self.socket = ConnectionSocket(fd: fd, loop: loop)
    self.machine = ServerConnectionStateMachine(
      configuration: server.connectionConfiguration, methods: server.methods, requestBytes: server.requestBytes
    )
  }

  // MARK: Entry points (any thread)

  /// Starts serving on the loop. With `rejection`, only tells the client why it is turned away (GOAWAY) and closes.
  nonisolated func start(rejection: RPCError? = nil) {
    loop.execute { self.assumeIsolated { $0.started(rejection: rejection) } }
  }

  /// Begins a graceful shutdown: GOAWAY with the last stream accepted; open calls finish, new ones are refused.
  /// Returns once the GOAWAY is in the connection's output, so that whatever the server says next on it (a health
  /// watcher's NOT_SERVING) follows the GOAWAY.
  nonisolated func beginShutdown() async {
    await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
      loop.execute {
        self.assumeIsolated { $0.run { $0.beginShutdown(now: $1) } }
        done.resume()
      }
    }
  }

  /// The grace period is over: open calls end with `UNAVAILABLE`, the connection closes.
  nonisolated func forceClose() {
    loop.execute { self.assumeIsolated { $0.run { $0.forceClose(now: $1) } } }
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

  private func started(rejection: RPCError?) {
    socket.register(self)
    machine.start(now: loop.clock.now(), rejection: rejection)
    machine.takeEffects(into: &effects)  // a rejection is not a failure to log
    if rejection == nil {
      logger.debug("connection opened")
    }
    afterEvent()
  }

  private func handle(_ events: SocketEvents) {
    if events.contains(.writable) {
      socket.becameWritable()
      flushOutput()
    }
    if (events.contains(.readable) || events.contains(.hangUp)) && !isClosed {
      let now = loop.clock.now()
      let count = socket.receive(into: &machine, now: now)
      if count > 0 {
        statistics.received(count)
      }
      while machine.processInput(now: now) {
        performEffects()
      }
    }
    afterEvent()
  }

  /// Feeds the machine one event with the loop clock's time, then does what follows.
  private func run(_ event: (inout ServerConnectionStateMachine, UInt64) -> Void) {
    guard !isClosed else { return }
    event(&machine, loop.clock.now())
    afterEvent()
  }

  private func flushOutput() {
    guard !isClosed else { return }
    let count = socket.flush(&machine, now: loop.clock.now())
    if count > 0 {
      statistics.sent(count)
    }
    afterEvent()
  }

  /// Does the effects of the events so far, then brings the socket and the loop up to date.
  private func afterEvent() {
    guard !isClosed else { return }
    performEffects()
    if !ended.isEmpty || machine.openedCount > 0 {
      statistics.record(opened: machine.takeOpenedCount(), ended: ended)
      ended.removeAll(keepingCapacity: true)
    }
    if machine.phase == .closed {
      close()
      return
    }
    socket.update(for: machine, wake: machine.nextWake)
  }

  private func performEffects() {
    while true {
      machine.takeEffects(into: &effects)
      guard !effects.isEmpty else { return }
      for effect in effects {
        perform(effect)
      }
    }
  }

  private func perform(_ effect: ServerEffect) {
    switch effect {
    case .startCall(let streamID):
      startCall(streamID)
    case .requestsAvailable(let streamID):
      if let waiter = requestWaiters.removeValue(forKey: streamID) {
        switch machine.takeRequest(streamID, now: loop.clock.now()) {
        case .message(let payload): waiter.resume(returning: payload)
        case .end: waiter.resume(returning: nil)
        case .cancelled: waiter.resume(throwing: ServerConnectionStateMachine.callOver)
        case .wait: requestWaiters[streamID] = waiter
        }
      }
    case .ended(let end):
      ended.append(end)
      if end.stopHandler {
        end.task?.cancel()
      }
      requestWaiters.removeValue(forKey: end.streamID)?.resume(throwing: ServerConnectionStateMachine.callOver)
      drainWaiters.removeValue(forKey: end.streamID)?.resume(throwing: ServerConnectionStateMachine.callOver)
    case .connectionFailed(let error):
      logger.info("closing connection: \(error.message)", metadata: ["error_code": "\(error.connectionError?.name ?? "")"])
      if let code = error.connectionError, code != .noError {
        statistics.protocolError()
      }
    case .outputDrained:
      let waiters = drainWaiters
      drainWaiters.removeAll()
      for waiter in waiters.values {
        waiter.resume()
      }
    }
  }

  private func startCall(_ streamID: UInt32) {
    guard let stream = machine.streams[streamID] else { return }
    let handler = machine.methods[stream.method]
    let request = machine.takeRequestPayload(streamID)
    var context = ServerContext(
      method: handler.descriptor,
      metadata: stream.metadata,
      deadline: stream.deadline.map { ContinuousClock.now.advanced(by: .nanoseconds(Int64(clamping: $0 &- loop.clock.now()))) },
      peer: peer,
      logger: logger
    )
    let authorizer = server.authorizer
    switch authorizer?.decide(context) ?? .allowed(principal: context.principal) {
    case .allowed(let principal):
      context.principal = principal
    case .refused(let error):
      machine.complete(streamID, trailers: error.trailers, now: loop.clock.now())
      return
    case .undecided:
      // Only the authorizer's full check can tell: it runs first in the handler's task, and no fast path answers.
      guard let authorizer else { return }
      let run = handler.run
      spawn(streamID, context, expensive: handler.isExpensive) { call in
        do {
          var authorized = call
          authorized.context.principal = try await authorizer.authorize(call.context)
          await run(authorized, request)
        } catch {
          call.finish(throwing: error)
        }
      }
      return
    }
    if let fastPath = handler.fastPath {
      let clock = loop.clock
      let answered = machine.answer(streamID, now: { clock.now() }) { encoder in
        try fastPath(request, context, streamID, &encoder)
      }
      if answered { return }
    }
    let run = handler.run
    spawn(streamID, context, expensive: handler.isExpensive) { await run($0, request) }
  }

  /// Starts the task that runs a call's handler. Cheap handlers prefer the loop; an expensive one takes a slot of
  /// the server's ``WorkLimiter`` — or ends at once with `RESOURCE_EXHAUSTED` when none is free — and runs on the
  /// global concurrent executor, so that its computing neither stalls the loop's other connections nor its timers.
  private func spawn(_ streamID: UInt32, _ context: ServerContext, expensive: Bool, _ body: @escaping @Sendable (ServerCall) async -> Void) {
    let call = ServerCall(connection: self, streamID: streamID, context: context)
    guard expensive else {
      machine.attach(Task(executorPreference: loop) { await body(call) }, to: streamID)
      return
    }
    let work = server.work
    let connectionID = id
    do {
      try work.acquire(connection: connectionID)
    } catch {
      machine.complete(streamID, trailers: error.trailers, now: loop.clock.now())
      return
    }
    machine.attach(Task(executorPreference: globalConcurrentExecutor) {
      defer { work.release(connection: connectionID) }
      await body(call)
    }, to: streamID)
  }

  private func close() {
    guard !isClosed else { return }
    isClosed = true
    for waiter in requestWaiters.values { waiter.resume(throwing: ServerConnectionStateMachine.callOver) }
    for waiter in drainWaiters.values { waiter.resume(throwing: ServerConnectionStateMachine.callOver) }
    requestWaiters.removeAll()
    drainWaiters.removeAll()
    socket.close()
    if !wasRejected {
      logger.debug("connection closed")
    }
    server.connectionClosed(self)
  }

  // MARK: Handler side

  // A handler's task prefers the connection's loop, so these run there almost always: synchronously, with no hop
  // and no suspension (an `await` on an actor whose executor is the loop would cost a job to come back from).
  // From elsewhere they take the loop's next turn.

  /// The handler of a unary or client-streaming call returned its response.
  nonisolated func complete<M: ProtobufMessage>(_ streamID: UInt32, response: M) {
    if loop.isCurrent {
      assumeIsolated { $0.completed(streamID, response: response) }
    } else {
      loop.execute { self.assumeIsolated { $0.completed(streamID, response: response) } }
    }
  }

  /// The handler ended its call.
  nonisolated func complete(_ streamID: UInt32, trailers: Trailers) {
    if loop.isCurrent {
      assumeIsolated { $0.run { $0.complete(streamID, trailers: trailers, now: $1) } }
    } else {
      loop.execute { self.assumeIsolated { $0.run { $0.complete(streamID, trailers: trailers, now: $1) } } }
    }
  }

  /// A server-streaming handler sends a message; suspends only while the connection's unsent output is over its
  /// bound. Throws `CANCELLED` once the call is over.
  nonisolated func send<M: ProtobufMessage>(_ streamID: UInt32, _ message: M) async throws {
    var mustWait = try writeOnLoop(streamID, message)
    if mustWait == nil {
      mustWait = try await write(streamID, message)
    }
    guard mustWait == true else { return }
    try await withTaskCancellationHandler {
      try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
        loop.execute { self.assumeIsolated { $0.waitForOutput(streamID, continuation) } }
      }
    } onCancel: {
      loop.execute { self.assumeIsolated { $0.drainWaiters.removeValue(forKey: streamID)?.resume(throwing: ServerConnectionStateMachine.callOver) } }
    }
  }

  /// A client-streaming handler's next request; nil once the client half-closed.
  nonisolated func nextRequest(_ streamID: UInt32) async throws -> [UInt8]? {
    if let take = takeRequestOnLoop(streamID) {
      return try Self.request(from: take)
    }
    return try await withTaskCancellationHandler {
      try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<[UInt8]?, any Error>) in
        loop.execute { self.assumeIsolated { $0.takeRequest(streamID, orWait: continuation) } }
      }
    } onCancel: {
      loop.execute { self.assumeIsolated { $0.requestWaiters.removeValue(forKey: streamID)?.resume(throwing: ServerConnectionStateMachine.callOver) } }
    }
  }

  /// ``write(_:_:)`` when called on the loop (`assumeIsolated` is for synchronous code); nil elsewhere.
  private nonisolated func writeOnLoop<M: ProtobufMessage>(_ streamID: UInt32, _ message: M) throws -> Bool? {
    guard loop.isCurrent else { return nil }
    return try assumeIsolated { try $0.write(streamID, message) }
  }

  /// ``takeRequest(_:)`` when called on the loop; nil elsewhere, or when the handler must wait.
  private nonisolated func takeRequestOnLoop(_ streamID: UInt32) -> RequestTake? {
    guard loop.isCurrent else { return nil }
    return assumeIsolated { $0.takeRequest(streamID) }
  }

  private func completed<M: ProtobufMessage>(_ streamID: UInt32, response: M) {
    run { machine, now in
      machine.complete(streamID, now: now, committedID: { (response as? any CommittedRecord)?.committedID ?? 0 }) {
        try $0.writeMessage(response, streamID: streamID)
      }
    }
  }

  private func write<M: ProtobufMessage>(_ streamID: UInt32, _ message: M) throws -> Bool {
    guard !isClosed else { throw ServerConnectionStateMachine.callOver }
    let mustWait = try machine.send(streamID) { try $0.writeMessage(message, streamID: streamID) }
    afterEvent()
    return mustWait
  }

  private func waitForOutput(_ streamID: UInt32, _ continuation: CheckedContinuation<Void, any Error>) {
    if (try? machine.mayWrite(streamID)) == true {
      continuation.resume()
    } else if isClosed || machine.streams[streamID] == nil {
      continuation.resume(throwing: ServerConnectionStateMachine.callOver)
    } else {
      drainWaiters[streamID] = continuation
    }
  }

  /// A request the handler can have now; nil when it must wait.
  private func takeRequest(_ streamID: UInt32) -> RequestTake? {
    guard !isClosed else { return .cancelled }
    let take = machine.takeRequest(streamID, now: loop.clock.now())
    if case .message = take {
      afterEvent()  // reading may resume
    }
    return take == .wait ? nil : take
  }

  private func takeRequest(_ streamID: UInt32, orWait continuation: CheckedContinuation<[UInt8]?, any Error>) {
    if let take = takeRequest(streamID) {
      continuation.resume(with: Result { try Self.request(from: take) })
    } else {
      requestWaiters[streamID] = continuation
    }
  }

  private static func request(from take: RequestTake) throws -> [UInt8]? {
    switch take {
    case .message(let payload): payload
    case .end: nil
    case .cancelled, .wait: throw ServerConnectionStateMachine.callOver
    }
  }
}
