import Dispatch
import PledgewireTransport
import PledgewireWire
import Synchronization

/// One TCP connection to the server, multiplexing any number of calls: streams beyond the server's
/// `max_concurrent_streams` wait here for a free slot. All mutable state belongs to the loop's queue.
final class ClientConnection: @unchecked Sendable {
  let loop: IOLoop
  let target: String
  private let socket: FramedSocket
  private let configuration: ClientConfiguration
  /// Whether new calls may start here: false once the connection drains or closes. Read from any thread.
  private let accepting = Atomic<Bool>(true)
  private let onClosed: @Sendable (ClientConnection) -> Void

  private var decoder = FrameDecoder(role: .client)
  private var encoder: FrameEncoder
  private var calls: [UInt32: ClientCall] = [:]
  private var waiting: [ClientCall] = []
  private var nextStreamID: UInt32 = 1
  private var maxConcurrentStreams = WireProtocol.defaultMaxConcurrentStreams
  private var closed = false
  private var flushScheduled = false
  private var deadlines = DeadlineHeap()
  private var timer: (any DispatchSourceTimer)?
  private var timerArmedAt: UInt64?
  private var outputOverLimit = false
  private var inboundOverLimit = false
  private var drainWaiters: [ClientCall] = []

  private init(fd: Int32, target: String, loop: IOLoop, configuration: ClientConfiguration, onClosed: @escaping @Sendable (ClientConnection) -> Void) {
    self.socket = FramedSocket(fd: fd, loop: loop)
    self.target = target
    self.loop = loop
    self.configuration = configuration
    self.onClosed = onClosed
    self.encoder = FrameEncoder()
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
    await withCheckedContinuation { continuation in
      loop.execute {
        connection.start()
        continuation.resume()
      }
    }
    return connection
  }

  /// Whether new calls may start on this connection.
  var isAccepting: Bool { accepting.load(ordering: .relaxed) }

  private func start() {
    let timer = DispatchSource.makeTimerSource(flags: [], queue: loop.queue)
    timer.setEventHandler { [weak self] in self?.timerFired() }
    self.timer = timer
    timer.activate()
    socket.start(FramedSocket.Handlers(
      read: { [unowned self] bytes in received(bytes) },
      end: { [unowned self] code in
        fail(RPCError(.unavailable, "the connection to \(target) closed\(code == 0 ? "" : ": errno \(code)")"))
      },
      writable: { [unowned self] in flush() },
      closed: { [self] in
        timer.cancel()
        onClosed(self)
      }
    ))
    encoder.writePreface()
    try? encoder.write(.settings(Settings(
      maxFrameSize: UInt32(configuration.maxFrameSize),
      maxMetadataSize: UInt32(WireProtocol.defaultMaxMetadataSize),
      agent: configuration.agent
    )))
    decoder.maxFrameSize = configuration.maxFrameSize
    flush()
  }

  // MARK: Calls (on the loop)

  /// Opens the call's stream, or queues it until a stream slot frees up.
  func open(_ call: ClientCall) {
    guard !call.isFinished else { return }
    guard !closed && isAccepting else {
      call.finish(.failure(RPCError(.unavailable, "the connection to \(target) is closing", details: ErrorDetails(reason: "NOT_SENT"))))
      return
    }
    if calls.count >= maxConcurrentStreams {
      waiting.append(call)
      if let deadline = call.deadline {
        scheduleWake(at: deadline)
      }
      return
    }
    guard nextStreamID <= WireProtocol.maxStreamID else {
      accepting.store(false, ordering: .relaxed)
      call.finish(.failure(RPCError(.unavailable, "stream ids are used up on this connection", details: ErrorDetails(reason: "NOT_SENT"))))
      return
    }
    let streamID = nextStreamID
    nextStreamID += 2
    call.streamID = streamID
    calls[streamID] = call
    var headers = call.headers
    if let deadline = call.deadline {
      let now = MonotonicTime.now()
      guard deadline > now else {
        calls[streamID] = nil
        call.finish(.failure(RPCError(.deadlineExceeded, "the deadline passed before the call started")))
        return
      }
      headers.timeoutUs = max(1, (deadline - now) / 1_000)
      deadlines.push(deadline, streamID: streamID)
      scheduleWake(at: deadline)
    }
    do {
      if let request = call.request {
        try encoder.write(.requestHeaders(streamID: streamID, headers, endStream: false))
        try encoder.write(.message(streamID: streamID, request, endStream: true))
        call.request = nil
      } else {
        try encoder.write(.requestHeaders(streamID: streamID, headers, endStream: false))
      }
    } catch let error as RPCError {
      calls[streamID] = nil
      call.finish(.failure(error))
      return
    } catch {
      return
    }
    scheduleFlush()
  }

  /// Sends a client-streamed message. Returns whether the writer must wait for the output to drain.
  func send(_ call: ClientCall, _ payload: [UInt8]) throws -> Bool {
    if let failure = call.failure {
      throw failure
    }
    guard !call.isFinished, call.streamID != 0 else {
      throw RPCError(.internal, "the server ended the call before the client finished sending")
    }
    try encoder.write(.message(streamID: call.streamID, payload, endStream: false))
    scheduleFlush()
    checkOutputLimit()
    return outputOverLimit
  }

  func waitForDrain(_ call: ClientCall, _ continuation: CheckedContinuation<Void, any Error>) {
    if let failure = call.failure {
      continuation.resume(throwing: failure)
    } else if !outputOverLimit || call.isFinished {
      continuation.resume()
    } else {
      call.drainWaiter = continuation
      drainWaiters.append(call)
    }
  }

  /// The client sends no more messages on the call.
  func halfClose(_ call: ClientCall) {
    guard !call.isFinished, call.streamID != 0 else { return }
    try? encoder.write(.halfClose(streamID: call.streamID))
    scheduleFlush()
  }

  /// The caller gave up: tell the server (CANCEL) and end the call with `error`.
  func cancel(_ call: ClientCall, _ error: RPCError) {
    guard !call.isFinished else { return }
    if call.streamID == 0 {
      waiting.removeAll { $0 === call }
      call.finish(.failure(error))
      return
    }
    try? encoder.write(.cancel(streamID: call.streamID, Cancel(errorCode: error.code == .deadlineExceeded ? .deadlineExceeded : .cancel)))
    scheduleFlush()
    end(call, .failure(error))
  }

  /// The caller took a server-streamed message; reading resumes when buffers fall low.
  func responseTaken(by call: ClientCall) {
    guard inboundOverLimit, call.bufferedResponseCount < configuration.maxBufferedResponses / 2 else { return }
    updateInboundLimit()
  }

  /// Pauses reading while any open call buffers too many unread responses, and resumes it otherwise.
  private func updateInboundLimit() {
    inboundOverLimit = calls.values.contains { $0.bufferedResponseCount >= configuration.maxBufferedResponses }
    socket.setReadingPaused(inboundOverLimit)
  }

  private func end(_ call: ClientCall, _ result: Result<Void, RPCError>) {
    calls[call.streamID] = nil
    call.finish(result)
    if inboundOverLimit {
      // A call abandoned with its buffer full must not keep the connection from being read.
      updateInboundLimit()
    }
    startWaitingCalls()
    if !isAccepting && calls.isEmpty {
      close()
    }
  }

  private func startWaitingCalls() {
    while !waiting.isEmpty && calls.count < maxConcurrentStreams && !closed {
      open(waiting.removeFirst())
    }
  }

  // MARK: Frames

  private func received(_ bytes: UnsafeRawBufferPointer) {
    decoder.append(bytes)
    do {
      while !closed, let frame = try decoder.next() {
        try handle(frame)
      }
    } catch let error as RPCError {
      try? encoder.write(.goAway(GoAway(lastStreamID: 0, errorCode: error.connectionError ?? .protocolError, message: error.message)))
      flush()
      fail(RPCError(error.code, "protocol error from \(target): \(error.message)"))
    } catch {
      fail(RPCError(.internal, "\(error)"))
    }
    scheduleFlush()
  }

  private func handle(_ frame: Frame) throws {
    switch frame {
    case .settings(let settings):
      if settings.maxFrameSize != 0 {
        encoder.maxFrameSize = Int(settings.maxFrameSize)
      }
      if settings.maxConcurrentStreams != 0 {
        maxConcurrentStreams = Int(settings.maxConcurrentStreams)
        startWaitingCalls()
      }
      try encoder.write(.settingsAck)
    case .settingsAck, .pingAck, .responseHeaders:
      break
    case .ping(let value):
      try encoder.write(.pingAck(value))
    case .goAway(let goAway):
      receiveGoAway(goAway)
    case .message(let streamID, let payload, _):
      guard let call = calls[streamID] else { return }
      if !call.method.isServerStreaming && call.bufferedResponseCount > 0 {
        cancel(call, RPCError(.internal, "the server sent more than one response to \(call.method.fullName)"))
        return
      }
      call.deliver(payload)
      if call.bufferedResponseCount >= configuration.maxBufferedResponses && !inboundOverLimit {
        inboundOverLimit = true
        socket.setReadingPaused(true)
      }
    case .trailers(let streamID, let trailers):
      guard let call = calls[streamID] else { return }
      if let error = RPCError(trailers: trailers) {
        end(call, .failure(error))
      } else {
        end(call, .success(()))
      }
    case .requestHeaders, .halfClose, .cancel:
      throw RPCError.protocolError("a server must not send \(frame.type.name)")
    }
  }

  private func receiveGoAway(_ goAway: GoAway) {
    accepting.store(false, ordering: .relaxed)
    let status = goAway.errorCode == .noError ? StatusCode.unavailable : goAway.errorCode.statusCode
    let unprocessed = RPCError(
      status == .internal ? .unavailable : status,
      "the server sent GOAWAY before processing the call: \(goAway.message)",
      details: ErrorDetails(reason: "NOT_SENT")
    )
    for call in calls.values where call.streamID > goAway.lastStreamID {
      end(call, .failure(unprocessed))
    }
    for call in waiting {
      call.finish(.failure(unprocessed))
    }
    waiting.removeAll()
    if goAway.errorCode != .noError {
      fail(RPCError(status, "the server closed the connection: \(goAway.message) (\(goAway.errorCode.name))"))
    } else if calls.isEmpty {
      close()
    }
  }

  /// Ends every call with `error` and closes.
  private func fail(_ error: RPCError) {
    guard !closed else { return }
    accepting.store(false, ordering: .relaxed)
    let all = calls.values
    calls.removeAll()
    for call in all {
      call.finish(.failure(error))
    }
    for call in waiting {
      call.finish(.failure(RPCError(error.code, error.message, details: ErrorDetails(reason: "NOT_SENT"))))
    }
    waiting.removeAll()
    close()
  }

  /// Closes the connection once its output is sent (or at once when it cannot be).
  func close() {
    guard !closed else { return }
    accepting.store(false, ordering: .relaxed)
    for call in calls.values {
      call.finish(.failure(RPCError(.cancelled, "the client closed the connection")))
    }
    calls.removeAll()
    closed = true
    _ = socket.send(&encoder)
    deadlines.removeAll()
    for call in drainWaiters {
      call.finish(.failure(RPCError(.cancelled, "the client closed the connection")))
    }
    drainWaiters.removeAll()
    socket.close()
  }

  /// Sends GOAWAY and closes: the client is going away.
  func shutdown() {
    loop.execute { [self] in
      guard !closed else { return }
      try? encoder.write(.goAway(GoAway(lastStreamID: 0, errorCode: .noError, message: "client closing")))
      close()
    }
  }

  // MARK: Output

  private func scheduleFlush() {
    guard !flushScheduled else { return }
    flushScheduled = true
    loop.queue.async { [self] in
      flushScheduled = false
      flush()
    }
  }

  private func flush() {
    guard !closed else { return }
    if case .failed(let code) = socket.send(&encoder) {
      fail(RPCError(.unavailable, "the connection to \(target) broke: errno \(code)"))
      return
    }
    checkOutputLimit()
  }

  private func checkOutputLimit() {
    let pending = encoder.bytes.count
    if !outputOverLimit && pending > configuration.maxPendingOutputBytes {
      outputOverLimit = true
    } else if outputOverLimit && pending <= configuration.maxPendingOutputBytes / 2 {
      outputOverLimit = false
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

  // MARK: Deadlines

  private func scheduleWake(at time: UInt64) {
    if let armed = timerArmedAt, armed <= time { return }
    timerArmedAt = time
    timer?.schedule(deadline: DispatchTime(uptimeNanoseconds: time), leeway: .milliseconds(1))
  }

  private func timerFired() {
    timerArmedAt = nil
    guard !closed else { return }
    let now = MonotonicTime.now()
    let expired = RPCError(.deadlineExceeded, "the deadline passed before the server answered")
    while let entry = deadlines.popExpired(now: now) {
      if let call = calls[entry.streamID], call.deadline == entry.deadline {
        cancel(call, expired)
      }
    }
    var next = deadlines.earliest ?? .max
    for call in waiting {
      if let deadline = call.deadline {
        if deadline <= now {
          cancel(call, RPCError(.deadlineExceeded, "the deadline passed while the call waited for a free stream"))
        } else {
          next = min(next, deadline)
        }
      }
    }
    if next != .max {
      scheduleWake(at: next)
    }
  }
}
