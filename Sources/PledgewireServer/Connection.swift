import Dispatch
import Logging
import PledgewireTransport
import PledgewireWire

/// One client connection: a ``FramedSocket`` on its loop's serial queue, the frame codec, the calls open on it, and
/// one timer for every deadline it has (calls, handshake, partial frames, idleness, keepalive).
///
/// All mutable state belongs to the loop's queue.
final class Connection: @unchecked Sendable {
  enum State {
    /// Waiting for the client's preface and SETTINGS.
    case handshaking
    case open
    /// GOAWAY sent for a graceful shutdown: open calls finish, new ones are refused.
    case draining
    /// Sending what is left (a GOAWAY at least), then closing; input is read and dropped.
    case closing
    case closed
  }

  let id: UInt64
  let loop: IOLoop
  let peer: String
  /// Turned away at once for being over the connection limit.
  private(set) var wasRejected = false
  private let socket: FramedSocket
  private let statistics: ServerStatistics.Shard
  private let server: ServerCore
  private let configuration: ServerConfiguration
  private let logger: Logger

  private var timer: (any DispatchSourceTimer)?

  private var decoder = FrameDecoder(role: .server)
  private var encoder = FrameEncoder()
  private(set) var state = State.handshaking
  private var calls: [UInt32: ServerCall] = [:]
  private var lastStreamID: UInt32 = 0
  private var flushScheduled = false
  private var goAwaySent = false
  private var shutdownSent = false

  private var deadlines = DeadlineHeap()
  private var timerArmedAt: UInt64?
  private let openedAt: UInt64
  private var lastReadAt: UInt64
  private var idleSince: UInt64?
  private var partialFrameSince: UInt64?
  private var keepalivePingSentAt: UInt64?
  private var lingerUntil: UInt64?

  private var outputOverLimit = false
  private var inboundOverLimit = false
  private var drainWaiters: [ServerCall] = []
  private var pingTokens = Connection.pingBurst
  private var pingTokensRefilledAt: UInt64

  /// PINGs a client may send in a burst, and per second after it; more end the connection.
  private static let pingBurst = 50
  /// How long a closing connection waits for the client to close after our last bytes.
  private static let lingerNanoseconds: UInt64 = 1_000_000_000
  /// How long a closing connection may take in all, its last bytes unsent or not.
  private static let closingNanoseconds: UInt64 = 3_000_000_000

  init(id: UInt64, fd: Int32, peer: String, loop: IOLoop, server: ServerCore) {
    self.id = id
    self.socket = FramedSocket(fd: fd, loop: loop)
    self.statistics = server.statistics.shards[loop.index]
    self.peer = peer
    self.loop = loop
    self.server = server
    self.configuration = server.configuration
    var logger = server.logger
    logger[metadataKey: "peer"] = "\(peer)"
    logger[metadataKey: "connection"] = "\(id)"
    self.logger = logger
    let now = MonotonicTime.now()
    self.openedAt = now
    self.lastReadAt = now
    self.idleSince = now
    self.pingTokensRefilledAt = now
    decoder.maxFrameSize = configuration.maxFrameSize
  }

  // MARK: Lifecycle

  /// Starts serving. With `rejection`, only tells the client why it is turned away (GOAWAY) and closes.
  func start(rejection: RPCError? = nil) {
    loop.execute { [self] in
      let timer = DispatchSource.makeTimerSource(flags: [], queue: loop.queue)
      timer.setEventHandler { [weak self] in self?.timerFired() }
      self.timer = timer
      timer.activate()
      socket.start(FramedSocket.Handlers(
        read: { [unowned self] bytes in received(bytes) },
        end: { [unowned self] _ in closeNow() },
        writable: { [unowned self] in flush() },
        closed: { [self] in socketClosed() }
      ))

      encoder.writePreface()
      try? encoder.write(.settings(configuration.settings))
      if let rejection {
        wasRejected = true
        fail(rejection, log: false)
      } else {
        scheduleWake(at: openedAt + configuration.handshakeTimeout.nanoseconds)
        logger.debug("connection opened")
      }
      flush()
    }
  }

  /// Begins a graceful shutdown: GOAWAY with the last stream accepted; open calls finish, new ones are refused.
  func beginGracefulShutdown() {
    loop.execute { [self] in
      guard state == .handshaking || state == .open else { return }
      state = .draining
      goAwaySent = true
      try? encoder.write(.goAway(GoAway(lastStreamID: lastStreamID, errorCode: .noError, message: "server shutting down")))
      if calls.isEmpty {
        startClosing()
      }
      scheduleFlush()
    }
  }

  /// Ends every open call with `UNAVAILABLE` and closes: the shutdown grace period is over.
  func forceClose() {
    loop.execute { [self] in
      guard state != .closing && state != .closed else { return }
      for call in calls.values.sorted(by: { $0.streamID < $1.streamID }) {
        call.cancel()
        end(call, Trailers(code: .unavailable, message: "the server shut down before the call finished"))
      }
      if !goAwaySent {
        goAwaySent = true
        try? encoder.write(.goAway(GoAway(lastStreamID: lastStreamID, errorCode: .noError, message: "server shut down")))
      }
      startClosing()
      flush()
    }
  }

  /// Ends the connection for a protocol violation or a limit: cancels its calls, sends GOAWAY, closes.
  private func fail(_ error: RPCError, log: Bool = true) {
    guard state != .closing && state != .closed else { return }
    if log {
      logger.info("closing connection: \(error.message)", metadata: ["error_code": "\(error.connectionError?.name ?? "")"])
    }
    if let code = error.connectionError, code != .noError {
      statistics.protocolError()
    }
    cancelAllCalls()
    goAwaySent = true
    try? encoder.write(.goAway(GoAway(
      lastStreamID: lastStreamID,
      errorCode: error.connectionError ?? .internalError,
      message: String(error.message.prefix(1024))
    )))
    startClosing()
  }

  private func startClosing() {
    guard state != .closing && state != .closed else { return }
    state = .closing
    decoder = FrameDecoder(role: .server)
    // A client that reads nothing must not keep a closing connection forever.
    lingerUntil = MonotonicTime.now() + Self.closingNanoseconds
    scheduleWake(at: lingerUntil!)
    setReading()
    scheduleFlush()
  }

  /// Closes the socket now, after the peer closed it or reset it, or after lingering.
  private func closeNow() {
    guard state != .closed else { return }
    state = .closed
    cancelAllCalls()
    for call in drainWaiters { call.failWaiters() }
    drainWaiters.removeAll()
    deadlines.removeAll()
    timer?.cancel()
    socket.close()
  }

  private func socketClosed() {
    timer = nil
    logger.debug("connection closed")
    server.connectionClosed(self)
  }

  private func cancelAllCalls() {
    for call in calls.values {
      call.isFinished = true
      call.cancel()
      statistics.record(method: call.handler.descriptor.fullName, code: .cancelled, nanoseconds: MonotonicTime.now() - call.startedAt)
    }
    if !calls.isEmpty {
      statistics.streamsClosed(calls.count)
    }
    calls.removeAll()
  }

  // MARK: Reading

  private func received(_ bytes: UnsafeRawBufferPointer) {
    statistics.received(bytes.count)
    lastReadAt = MonotonicTime.now()
    guard state != .closing else { return }
    decoder.append(bytes)
    decodeFrames()
  }

  private func decodeFrames() {
    var completedFrame = false
    do {
      while state != .closing && state != .closed, let frame = try decoder.next() {
        completedFrame = true
        try handle(frame)
      }
    } catch let error as RPCError {
      fail(error)
    } catch {
      fail(RPCError(.internal, "\(error)", connectionError: .internalError))
    }
    if completedFrame {
      // What is buffered now is a new frame: its time starts with this read.
      partialFrameSince = nil
    }
    timePartialFrame(since: lastReadAt)
    // Answers the fast paths produced, and acknowledgements, leave with this read's batch, not a queue hop later.
    flush()
  }

  private func handle(_ frame: Frame) throws {
    switch frame {
    case .settings(let settings):
      try apply(settings)
    case .settingsAck, .pingAck:
      keepalivePingSentAt = nil
    case .ping(let value):
      try checkPingRate()
      try encoder.write(.pingAck(value))
    case .goAway:
      // The client is leaving: let its calls finish, then close.
      if state == .open || state == .handshaking {
        state = .draining
      }
      if calls.isEmpty {
        startClosing()
      }
    case .requestHeaders(let streamID, let headers, let endStream):
      try open(streamID, headers, endStream: endStream)
    case .message(let streamID, let payload, let endStream):
      guard let call = try activeCall(streamID, frame: "MESSAGE") else { return }
      receive(call, payload, endStream: endStream)
    case .halfClose(let streamID):
      guard let call = try activeCall(streamID, frame: "HALF_CLOSE") else { return }
      receiveHalfClose(call)
    case .cancel(let streamID, let cancel):
      guard let call = try activeCall(streamID, frame: "CANCEL") else { return }
      let code: StatusCode = cancel.errorCode == .deadlineExceeded ? .deadlineExceeded : .cancelled
      call.isFinished = true
      call.cancel()
      removeCall(call, code: code)
    case .responseHeaders, .trailers:
      throw RPCError.protocolError("a client must not send \(frame.type.name)")
    }
  }

  private func apply(_ settings: Settings) throws {
    if settings.maxFrameSize != 0 {
      let size = Int(settings.maxFrameSize)
      guard size >= WireProtocol.minFrameSizeLimit && size <= WireProtocol.maxFrameSizeLimit else {
        throw RPCError.protocolError("SETTINGS max_frame_size \(size) is outside 16 KiB...16 MiB")
      }
      encoder.maxFrameSize = size
    }
    if state == .handshaking {
      state = .open
      if let idle = configuration.idleTimeout {
        scheduleWake(at: (idleSince ?? lastReadAt) + idle.nanoseconds)
      }
      if let interval = configuration.keepaliveInterval {
        scheduleWake(at: lastReadAt + interval.nanoseconds)
      }
    }
    try encoder.write(.settingsAck)
  }

  private func checkPingRate() throws {
    let now = MonotonicTime.now()
    let refill = Int((now - pingTokensRefilledAt) / 1_000_000_000)
    if refill > 0 {
      pingTokens = min(Self.pingBurst, pingTokens + refill * Self.pingBurst)
      pingTokensRefilledAt = now
    }
    guard pingTokens > 0 else {
      throw RPCError(.resourceExhausted, "too many pings", connectionError: .resourceExhausted)
    }
    pingTokens -= 1
  }

  /// The call a stream frame belongs to; nil when the call already ended (the frame raced its trailers).
  private func activeCall(_ streamID: UInt32, frame: String) throws -> ServerCall? {
    if let call = calls[streamID] {
      return call
    }
    guard streamID <= lastStreamID else {
      throw RPCError.protocolError("\(frame) on stream \(streamID), which was never opened")
    }
    return nil
  }

  // MARK: Calls

  private func open(_ streamID: UInt32, _ headers: RequestHeaders, endStream: Bool) throws {
    guard streamID > lastStreamID else {
      throw RPCError.protocolError("HEADERS on stream \(streamID), not above the previous stream \(lastStreamID)")
    }
    lastStreamID = streamID
    let now = MonotonicTime.now()
    guard state == .open else {
      refuse(streamID, RPCError(.unavailable, "the server is shutting down", details: ErrorDetails(reason: "SHUTTING_DOWN")))
      return
    }
    guard calls.count < configuration.maxConcurrentStreams else {
      refuse(streamID, RPCError(
        .unavailable,
        "too many concurrent streams on this connection (limit \(configuration.maxConcurrentStreams))",
        details: ErrorDetails(reason: "REFUSED_STREAM")
      ))
      return
    }
    let metadata = Metadata(headers.metadata)
    do {
      try metadata.validate(maxSize: configuration.maxMetadataSize)
    } catch let error as RPCError {
      refuse(streamID, error)
      return
    }
    guard let handler = server.router.handler(for: headers.method) else {
      refuse(streamID, RPCError(.unimplemented, "method \(headers.method) is not implemented"), method: "unknown")
      return
    }

    let timeout = headers.timeoutUs > 0 ? min(headers.timeoutUs, UInt64.max / 2_000) * 1_000 : nil
    let deadline = timeout.map { now &+ $0 }
    let context = ServerContext(
      method: handler.descriptor,
      metadata: metadata,
      deadline: timeout.map { ContinuousClock.now.advanced(by: .nanoseconds(Int64(clamping: $0))) },
      peer: peer,
      logger: logger
    )
    let call = ServerCall(streamID: streamID, handler: handler, context: context, connection: self, startedAt: now, deadline: deadline)
    calls[streamID] = call
    statistics.streamOpened()
    idleSince = nil
    if let deadline {
      deadlines.push(deadline, streamID: streamID)
      scheduleWake(at: deadline)
    }
    if handler.descriptor.isClientStreaming {
      start(call, request: [])
      if endStream {
        call.receiveHalfClose()
      }
    } else if endStream {
      end(call, Trailers(code: .internal, message: "\(handler.descriptor.fullName) needs a request message; the stream ended without one"))
    }
  }

  private func receive(_ call: ServerCall, _ payload: [UInt8], endStream: Bool) {
    guard !call.halfClosed else {
      end(call, Trailers(code: .internal, message: "MESSAGE after the client half-closed stream \(call.streamID)"))
      return
    }
    if call.handler.descriptor.isClientStreaming {
      call.deliver(payload)
      if endStream {
        call.receiveHalfClose()
      }
      if call.bufferedRequestCount >= configuration.maxBufferedRequestMessages {
        inboundOverLimit = true
        setReading()
      }
      return
    }
    guard call.requestPayload == nil else {
      end(call, Trailers(code: .internal, message: "\(call.handler.descriptor.fullName) takes one request message, not more"))
      return
    }
    call.requestPayload = payload
    if endStream {
      call.halfClosed = true
      start(call, request: payload)
    }
  }

  private func receiveHalfClose(_ call: ServerCall) {
    guard !call.halfClosed else { return }
    if call.handler.descriptor.isClientStreaming {
      call.receiveHalfClose()
    } else if let payload = call.requestPayload {
      call.halfClosed = true
      start(call, request: payload)
    } else {
      end(call, Trailers(code: .internal, message: "\(call.handler.descriptor.fullName) needs a request message; the stream ended without one"))
    }
  }

  private func start(_ call: ServerCall, request: [UInt8]) {
    call.requestPayload = nil
    if let fastPath = call.handler.fastPath {
      do {
        if try fastPath(request, call.context, call.streamID, &encoder) {
          end(call, Trailers(code: .ok))
          return
        }
      } catch let error as RPCError {
        end(call, error.trailers)
        return
      } catch {
        end(call, ServerCall.trailers(for: error))
        return
      }
    }
    let run = call.handler.run
    call.task = Task(executorPreference: loop) {
      await run(call, request)
    }
  }

  /// Trailers for a stream that never became a call.
  private func refuse(_ streamID: UInt32, _ error: RPCError, method: String? = nil) {
    try? encoder.write(.trailers(streamID: streamID, error.trailers))
    if let method {
      statistics.record(method: method, code: error.code, nanoseconds: 0)
    }
  }

  /// The handler of `call` returned a response.
  func complete<M: ProtobufMessage>(_ call: ServerCall, response: M) {
    guard !call.isFinished else { return }
    do {
      try encoder.writeMessage(response, streamID: call.streamID)
      end(call, Trailers(code: .ok))
    } catch let error as RPCError {
      end(call, error.trailers)
    } catch {
      end(call, ServerCall.trailers(for: error))
    }
  }

  /// The handler of `call` ended with `trailers`.
  func complete(_ call: ServerCall, trailers: Trailers) {
    guard !call.isFinished else { return }
    end(call, trailers)
  }

  /// Sends the trailers and forgets the call.
  private func end(_ call: ServerCall, _ trailers: Trailers) {
    guard !call.isFinished else { return }
    call.isFinished = true
    call.failWaiters()
    var trailers = trailers
    if trailers.message.utf8.count > 4096 {
      trailers.message = String(trailers.message.prefix(4096))
    }
    try? encoder.write(.trailers(streamID: call.streamID, trailers))
    removeCall(call, code: trailers.code)
    checkOutputLimit()
    scheduleFlush()
  }

  private func removeCall(_ call: ServerCall, code: StatusCode) {
    guard calls.removeValue(forKey: call.streamID) != nil else { return }
    call.task = nil
    if inboundOverLimit {
      // A call that ended with its buffer full must not keep the connection from being read.
      inboundOverLimit = calls.values.contains { $0.bufferedRequestCount >= configuration.maxBufferedRequestMessages }
      setReading()
    }
    statistics.callEnded(method: call.handler.descriptor.fullName, code: code, nanoseconds: MonotonicTime.now() - call.startedAt)
    if calls.isEmpty {
      let now = MonotonicTime.now()
      idleSince = now
      if let idle = configuration.idleTimeout {
        scheduleWake(at: now + idle.nanoseconds)
      }
      if state == .draining {
        startClosing()
      }
    }
  }

  /// A server-streaming handler sends a message. Returns whether the handler must wait for the output to drain.
  func writeStreamMessage<M: ProtobufMessage>(_ call: ServerCall, _ message: M) throws -> Bool {
    guard !call.isOver else {
      throw RPCError(.cancelled, "the call was cancelled")
    }
    try encoder.writeMessage(message, streamID: call.streamID)
    scheduleFlush()
    checkOutputLimit()
    return outputOverLimit
  }

  func waitForDrain(_ call: ServerCall, _ continuation: CheckedContinuation<Void, any Error>) {
    if call.isOver {
      continuation.resume(throwing: RPCError(.cancelled, "the call was cancelled"))
    } else if !outputOverLimit {
      continuation.resume()
    } else {
      call.drainWaiter = continuation
      drainWaiters.append(call)
    }
  }

  /// A client-streaming handler took a message from its buffer.
  func requestTaken(by call: ServerCall) {
    guard inboundOverLimit, call.bufferedRequestCount < configuration.maxBufferedRequestMessages / 2 else { return }
    inboundOverLimit = calls.values.contains { $0.bufferedRequestCount >= configuration.maxBufferedRequestMessages }
    setReading()
  }

  // MARK: Writing

  private func scheduleFlush() {
    guard !flushScheduled else { return }
    flushScheduled = true
    loop.queue.async { [self] in
      flushScheduled = false
      flush()
    }
  }

  private func flush() {
    guard state != .closed else { return }
    let before = encoder.bytes.count
    let result = socket.send(&encoder)
    statistics.sent(before - encoder.bytes.count)
    if case .failed = result {
      closeNow()
      return
    }
    let pending = !encoder.isEmpty
    checkOutputLimit()
    if !pending && state == .closing && !shutdownSent {
      shutdownSent = true
      socket.shutdownWrite()
      lingerUntil = min(lingerUntil ?? .max, MonotonicTime.now() + Self.lingerNanoseconds)
      scheduleWake(at: lingerUntil!)
    }
  }

  private func checkOutputLimit() {
    let pending = encoder.bytes.count
    if !outputOverLimit && pending > configuration.maxPendingOutputBytes {
      outputOverLimit = true
      setReading()
    } else if outputOverLimit && pending <= configuration.maxPendingOutputBytes / 2 {
      outputOverLimit = false
      setReading()
      let waiters = drainWaiters
      drainWaiters.removeAll()
      for call in waiters {
        if let waiter = call.drainWaiter {
          call.drainWaiter = nil
          waiter.resume()
        }
      }
    }
  }

  /// Suspends or resumes the read source: reading stops while output or buffered requests are over their limits.
  /// A closing connection keeps reading, to drop what the client still sends rather than reset it.
  /// Reading pauses while the client's calls have more buffered than the limits allow, in or out.
  private var isReadingPaused: Bool {
    state != .closing && state != .closed && (outputOverLimit || inboundOverLimit)
  }

  private func setReading() {
    socket.setReadingPaused(isReadingPaused)
    timePartialFrame(since: MonotonicTime.now())
  }

  /// Starts or stops the clock on a partly received frame. It runs only while the connection is read: a frame whose
  /// rest waits in the socket because the server paused reading is not late.
  private func timePartialFrame(since time: UInt64) {
    guard state != .closing && state != .closed && decoder.bufferedByteCount > 0 && !isReadingPaused else {
      partialFrameSince = nil
      return
    }
    if partialFrameSince == nil {
      partialFrameSince = time
      scheduleWake(at: time + configuration.frameTimeout.nanoseconds)
    }
  }

  // MARK: Timer

  private func scheduleWake(at time: UInt64) {
    if let armed = timerArmedAt, armed <= time { return }
    timerArmedAt = time
    timer?.schedule(deadline: DispatchTime(uptimeNanoseconds: time), leeway: .milliseconds(1))
  }

  private func timerFired() {
    timerArmedAt = nil
    guard state != .closed else { return }
    let now = MonotonicTime.now()
    var next: UInt64 = .max

    if let lingerUntil {
      if now >= lingerUntil {
        closeNow()
        return
      }
      next = lingerUntil
    }
    if state == .handshaking {
      let deadline = openedAt + configuration.handshakeTimeout.nanoseconds
      if now >= deadline {
        fail(RPCError(.unavailable, "no preface and SETTINGS within \(configuration.handshakeTimeout)", connectionError: .timeout))
      } else {
        next = min(next, deadline)
      }
    }
    if let since = partialFrameSince, state != .closing {
      let deadline = since + configuration.frameTimeout.nanoseconds
      if now >= deadline {
        fail(RPCError(.unavailable, "a frame took longer than \(configuration.frameTimeout) to arrive", connectionError: .timeout))
      } else {
        next = min(next, deadline)
      }
    }
    while let expired = deadlines.popExpired(now: now) {
      guard let call = calls[expired.streamID], call.deadline == expired.deadline else { continue }
      call.cancel()
      end(call, Trailers(code: .deadlineExceeded, message: "the deadline passed before the call finished"))
    }
    if let earliest = deadlines.earliest {
      next = min(next, earliest)
    }
    if let idle = configuration.idleTimeout, let since = idleSince, state == .open {
      let deadline = since + idle.nanoseconds
      if now >= deadline {
        logger.debug("closing idle connection")
        beginGracefulShutdown()
      } else {
        next = min(next, deadline)
      }
    }
    if let interval = configuration.keepaliveInterval, state == .open || state == .draining {
      if let sentAt = keepalivePingSentAt {
        let deadline = sentAt + configuration.keepaliveTimeout.nanoseconds
        if now >= deadline {
          fail(RPCError(.unavailable, "keepalive PING unanswered for \(configuration.keepaliveTimeout)", connectionError: .timeout))
        } else {
          next = min(next, deadline)
        }
      } else if now >= lastReadAt + interval.nanoseconds {
        keepalivePingSentAt = now
        try? encoder.write(.ping(now))
        scheduleFlush()
        next = min(next, now + configuration.keepaliveTimeout.nanoseconds)
      } else {
        next = min(next, lastReadAt + interval.nanoseconds)
      }
    }
    if next != .max && state != .closed {
      scheduleWake(at: next)
    }
  }
}
