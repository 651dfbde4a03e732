import PledgewireTransport
import PledgewireWire

/// The server's side of one connection, as a value with no I/O: the framing core (handshake, PING, GOAWAY, output,
/// connection timeouts) plus the streams — which calls are open, what their frames mean, their deadlines, the
/// stream limit, idleness, draining. Events go in (bytes, a timer, a handler's answer, a shutdown); the output
/// to send is in ``core``, and what the driver must do besides is in ``takeEffects(into:)``.
///
/// `ServerConnection` drives it on an I/O loop; the tests drive it directly, event by event, on made-up times.
struct ServerConnectionStateMachine: ConnectionStateMachine {
  struct Configuration {
    var core: ConnectionCore.Configuration
    var maxConcurrentStreams: Int
    var maxMetadataSize: Int
    var maxBufferedRequestMessages: Int
    /// Request bytes a connection's calls may hold: a unary or server-streaming request that would take them past
    /// this ends its call with `RESOURCE_EXHAUSTED`; client-streamed messages past it stop the reading.
    var maxBufferedRequestBytes: Int = 16 << 20
    /// Nanoseconds a call may wait for its client's next request frame; past that it ends `DEADLINE_EXCEEDED`,
    /// whatever its deadline. Nil: never.
    var requestStallTimeout: UInt64? = 30_000_000_000
    /// Unsent output past which a unary response is not queued: its call ends `RESOURCE_EXHAUSTED` (a response
    /// into empty output always goes).
    var maxQueuedOutputBytes: Int = 8 << 20
    /// Nanoseconds without calls after which the connection is closed; nil: never.
    var idleTimeout: UInt64?
  }

  var core: ConnectionCore
  let configuration: Configuration
  let methods: MethodTable
  var streams: [UInt32: ServerStream] = [:]
  private var deadlines = DeadlineHeap(tolerance: 1_000_000)
  var effects: [ServerEffect] = []
  private var idleSince: UInt64?
  /// GOAWAY went out for a graceful close: open calls finish, new ones are refused, then the connection closes.
  private(set) var isDraining = false
  /// Streams accepted since ``takeOpenedCount()``, for the statistics.
  private(set) var openedCount = 0
  /// The highest stream id the client used; the next must be above it.
  private var highestStreamID: UInt32 = 0
  /// Request bytes the open calls hold (see ``ServerStream/heldBytes``); every change counts in ``requestBytes``.
  var heldRequestBytes = 0 {
    didSet { requestBytes.add(heldRequestBytes - oldValue) }
  }
  /// The request bytes of the whole server, which this connection's count is part of.
  let requestBytes: RequestBytePool
  /// When to look for calls whose client stalled; nil while no call waits for its client.
  var nextStallCheck: UInt64?

  /// A connection's machine; `requestBytes` is the server-wide pool its held request bytes count in.
  init(configuration: Configuration, methods: MethodTable, requestBytes: RequestBytePool = RequestBytePool(limit: .max)) {
    self.configuration = configuration
    self.core = ConnectionCore(configuration.core)
    self.methods = methods
    self.requestBytes = requestBytes
  }

  var phase: ConnectionCore.Phase { core.phase }

  /// Streams accepted since the last call, for the statistics.
  mutating func takeOpenedCount() -> Int {
    defer { openedCount = 0 }
    return openedCount
  }

  /// The request of a call about to start, taken out of the stream (the handler owns it now).
  mutating func takeRequestPayload(_ streamID: UInt32) -> [UInt8] {
    guard streams[streamID]?.request != nil, let request = streams[streamID]!.takeRequest() else { return [] }
    heldRequestBytes -= request.count
    return request
  }

  /// Moves the effects of the events so far into `buffer`, which is emptied first.
  mutating func takeEffects(into buffer: inout [ServerEffect]) {
    buffer.removeAll(keepingCapacity: true)
    swap(&buffer, &effects)
  }

  // MARK: Connection events

  /// The socket is accepted: preface and SETTINGS go out at once. With `rejection`, they are followed by GOAWAY
  /// and the connection closes.
  mutating func start(now: UInt64, rejection: RPCError? = nil) {
    core.start(now: now)
    idleSince = now
    if let rejection {
      core.fail(rejection, now: now)
    }
  }

  mutating func receive(_ bytes: UnsafeRawBufferPointer, now: UInt64) {
    core.receive(bytes, now: now)
  }

  /// Handles the complete frames received so far, up to the first that starts a call: returns true then, so that
  /// the driver starts it (a fast path answers at once) before the frames behind it are handled, and answers leave
  /// in the order of the requests. Returns false once every frame is handled.
  mutating func processInput(now: UInt64) -> Bool {
    while let inbound = core.nextInbound(now: now) {
      switch inbound {
      case .stream(let frame):
        do {
          try handle(frame, now: now)
        } catch {
          let error = error as? RPCError ?? RPCError(.internal, "\(error)", connectionError: .internalError)
          core.fail(error, now: now)
          failed(error, now: now)
        }
      case .settings:
        continue
      case .goAway:
        peerGoingAway(now: now)
      case .failed(let error):
        failed(error, now: now)
      }
      if case .startCall? = effects.last {
        return true
      }
    }
    return false
  }

  /// The client shut its sending side: calls it already made are still answered, then the connection closes.
  mutating func endOfInput(now: UInt64) {
    core.endOfInput(now: now)
    // Calls still waiting for their request will never get it; a client stream not half-closed will never end, and
    // its handler would wait for it forever (found by the request-path fuzz target).
    for (id, stream) in streams where stream.phase == .receiving || (stream.isClientStreaming && !stream.halfClosed) {
      end(id, Trailers(code: .cancelled, message: "the client closed its side before sending the request"), now: now)
    }
    closeIfDone(now: now)
  }

  /// The socket failed: every call ends.
  mutating func transportFailed(errno: Int32 = 0, now: UInt64) {
    core.transportFailed()
    endAll(code: .cancelled, now: now)
  }

  /// `count` bytes of output went to the socket. Returns whether to shut the sending side now.
  mutating func sent(_ count: Int, now: UInt64) -> Bool {
    let outcome = core.sent(count, now: now)
    if outcome.drained {
      effects.append(.outputDrained)
    }
    return outcome.shutdownWrite
  }

  /// Time passed: call deadlines, idleness, and the connection's own timeouts.
  mutating func timerFired(now: UInt64) {
    while let expired = deadlines.popExpired(now: now) {
      let streamID = UInt32(truncatingIfNeeded: expired.id)
      guard let deadline = streams[streamID]?.deadline, deadline == expired.deadline else { continue }
      end(streamID, Trailers(code: .deadlineExceeded, message: "the deadline passed before the call finished"), now: now)
    }
    if case .failed(let error) = core.timerFired(now: now) {
      failed(error, now: now)
    }
    if let check = nextStallCheck, now >= check {
      endStalledCalls(now: now)
    }
    if let idle = configuration.idleTimeout, let since = idleSince, now >= since &+ idle, core.phase == .open || core.phase == .handshaking {
      beginGracefulClose(message: "idle for \(Self.describe(idle)) without calls", now: now)
    }
  }

  /// The earliest time ``timerFired(now:)`` has something to do.
  var nextWake: UInt64? {
    var next = core.nextWake
    if let earliest = deadlines.earliest {
      next = min(next ?? .max, earliest)
    }
    if let idle = configuration.idleTimeout, let since = idleSince, core.phase == .open || core.phase == .handshaking {
      next = min(next ?? .max, since &+ idle)
    }
    if let check = nextStallCheck {
      next = min(next ?? .max, check)
    }
    return next
  }

  /// The server shuts down: GOAWAY with the last stream accepted; open calls finish, new ones are refused.
  mutating func beginShutdown(now: UInt64) {
    beginGracefulClose(message: "server shutting down", now: now)
  }

  /// The grace period is over: every open call ends with `UNAVAILABLE` and the connection closes.
  mutating func forceClose(now: UInt64) {
    guard core.phase == .open || core.phase == .handshaking else { return }
    for id in streams.keys.sorted() {
      end(id, Trailers(code: .unavailable, message: "the server shut down before the call finished"), now: now)
    }
    core.goAway(.noError, "server shut down")
    core.close(now: now)
  }

  private mutating func beginGracefulClose(message: String, now: UInt64) {
    guard (core.phase == .open || core.phase == .handshaking) && !isDraining else { return }
    isDraining = true
    core.goAway(.noError, message)
    closeIfDone(now: now)
  }

  /// The client sent GOAWAY: it opens no more streams. The server says which streams it took (its own GOAWAY),
  /// lets them finish, and closes.
  private mutating func peerGoingAway(now: UInt64) {
    beginGracefulClose(message: "the client is going away", now: now)
  }

  /// The last call ended: the idle clock starts, and a draining connection closes.
  mutating func becameIdle(now: UInt64) {
    idleSince = now
    closeIfDone(now: now)
  }

  private mutating func closeIfDone(now: UInt64) {
    if streams.isEmpty && (isDraining || core.inputEnded) {
      core.close(now: now)
    }
  }

  /// The connection failed: every call ends, and the driver logs why.
  private mutating func failed(_ error: RPCError, now: UInt64) {
    effects.append(.connectionFailed(error))
    endAll(code: .cancelled, now: now)
  }

  /// Ends every call, after the connection failed or closed.
  private mutating func endAll(code: StatusCode, now: UInt64) {
    for (id, stream) in streams {
      effects.append(.ended(CallEnd(
        streamID: id, method: stream.method, code: code, nanoseconds: now &- stream.startedAt,
        stopHandler: stream.phase == .running, task: stream.phase == .running ? stream.task : nil
      )))
    }
    streams.removeAll()
    deadlines.removeAll()
    heldRequestBytes = 0
    nextStallCheck = nil
  }

  // MARK: Frames

  private mutating func handle(_ frame: Frame, now: UInt64) throws {
    switch frame {
    case .requestHeaders(let streamID, let headers, let endStream):
      try open(streamID, headers, endStream: endStream, now: now)
    case .message(let streamID, let payload, let endStream):
      guard try isOpen(streamID, frame: "MESSAGE") else { return }
      receive(streamID, payload, endStream: endStream, now: now)
    case .halfClose(let streamID):
      guard try isOpen(streamID, frame: "HALF_CLOSE") else { return }
      receiveHalfClose(streamID, now: now)
    case .cancel(let streamID, let cancel):
      guard try isOpen(streamID, frame: "CANCEL") else { return }
      let code: StatusCode = cancel.errorCode == .deadlineExceeded ? .deadlineExceeded : .cancelled
      // The client has forgotten the stream: nothing more is sent on it.
      remove(streamID, code: code, stopHandler: true, now: now)
    case .responseHeaders, .trailers, .settings, .settingsAck, .ping, .pingAck, .goAway:
      throw RPCError.protocolError("a client must not send \(frame.type.name)")
    }
  }

  /// Whether a stream frame belongs to an open call. Frames for a stream that already ended (they raced its
  /// trailers) are ignored; frames for a stream never opened are a protocol error.
  private func isOpen(_ streamID: UInt32, frame: String) throws -> Bool {
    if streams[streamID] != nil {
      return true
    }
    guard streamID <= highestStreamID else {
      throw RPCError.protocolError("\(frame) on stream \(streamID), which was never opened")
    }
    return false
  }

  private mutating func open(_ streamID: UInt32, _ headers: RequestHeaders, endStream: Bool, now: UInt64) throws {
    guard streamID > highestStreamID else {
      throw RPCError.protocolError("HEADERS on stream \(streamID), not above the previous stream \(highestStreamID)")
    }
    highestStreamID = streamID
    guard !isDraining else {
      // Above the last stream id of the GOAWAY already sent: the client knows it was not processed.
      refuse(streamID, RPCError(.unavailable, "the connection is closing", details: ErrorDetails(reason: "SHUTTING_DOWN")))
      return
    }
    core.lastStreamID = streamID
    guard streams.count < configuration.maxConcurrentStreams else {
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
      try Self.refuseReservedKeys(metadata)
    } catch let error as RPCError {
      refuse(streamID, error)
      return
    }
    guard let method = methods.index(of: headers.method) else {
      refuse(streamID, RPCError(.unimplemented, "method \(headers.method) is not implemented"))
      effects.append(.ended(CallEnd(streamID: streamID, method: methods.unknown, code: .unimplemented, nanoseconds: 0, stopHandler: false, wasOpen: false)))
      return
    }
    let descriptor = methods[method].descriptor
    let deadline = headers.timeoutUs > 0 ? now &+ min(headers.timeoutUs, UInt64.max / 4_000) &* 1_000 : nil
    var stream = ServerStream(method: method, kind: descriptor.kind, metadata: metadata, startedAt: now, deadline: deadline)
    idleSince = nil
    openedCount += 1
    if let deadline {
      deadlines.push(deadline, id: UInt64(streamID))
    }
    if stream.isClientStreaming {
      stream.phase = .running
      stream.halfClosed = endStream
      streams[streamID] = stream
      effects.append(.startCall(streamID))
      if !endStream { awaitClient(now: now) }
    } else if endStream {
      streams[streamID] = stream
      end(streamID, Self.missingRequest(descriptor), now: now)
    } else {
      streams[streamID] = stream
      awaitClient(now: now)
    }
  }

  private mutating func receive(_ streamID: UInt32, _ payload: [UInt8], endStream: Bool, now: UInt64) {
    // No copy of the stream may be alive while its buffer grows in place, or every message copies the buffer.
    guard let (method, clientStreaming, halfClosed, hasRequest) = streams[streamID].map({ ($0.method, $0.isClientStreaming, $0.halfClosed, $0.request != nil) }) else { return }
    guard !halfClosed else {
      end(streamID, Trailers(code: .internal, message: "MESSAGE after the client half-closed stream \(streamID)"), now: now)
      return
    }
    streams[streamID]!.lastProgress = now
    if clientStreaming {
      streams[streamID]!.buffer(payload)
      heldRequestBytes += payload.count
      streams[streamID]!.halfClosed = endStream
      effects.append(.requestsAvailable(streamID))
      if streams[streamID]!.bufferedRequestCount >= configuration.maxBufferedRequestMessages
        || heldRequestBytes >= configuration.maxBufferedRequestBytes || !requestBytes.hasRoom(for: 0) {
        core.setInboundOverLimit(true, now: now)
      }
      return
    }
    guard !hasRequest else {
      end(streamID, Trailers(code: .internal, message: "\(methods[method].descriptor.fullName) takes one request message, not more"), now: now)
      return
    }
    // Held without END_STREAM: a request that only waits must not let a client pile up memory.
    guard heldRequestBytes + payload.count <= configuration.maxBufferedRequestBytes || endStream else {
      end(streamID, Trailers(
        code: .resourceExhausted,
        message: "the requests held open on this connection would pass \(configuration.maxBufferedRequestBytes) bytes; end each request's stream",
        details: ErrorDetails(reason: "TOO_MUCH_REQUEST_DATA")
      ), now: now)
      return
    }
    guard requestBytes.hasRoom(for: payload.count) || endStream else {
      end(streamID, Trailers(
        code: .resourceExhausted,
        message: "the server holds its limit of \(requestBytes.limit) bytes of requests waiting for their end; retry later",
        details: ErrorDetails(reason: "SERVER_REQUEST_DATA_FULL", retryAfterMs: 1_000)
      ), now: now)
      return
    }
    streams[streamID]!.hold(request: payload)
    heldRequestBytes += payload.count
    if endStream {
      streams[streamID]!.halfClosed = true
      streams[streamID]!.phase = .running
      effects.append(.startCall(streamID))
    }
  }

  private mutating func receiveHalfClose(_ streamID: UInt32, now: UInt64) {
    guard let stream = streams[streamID], !stream.halfClosed else { return }
    streams[streamID]!.halfClosed = true
    if stream.isClientStreaming {
      effects.append(.requestsAvailable(streamID))
    } else if stream.request != nil {
      streams[streamID]!.phase = .running
      effects.append(.startCall(streamID))
    } else {
      end(streamID, Self.missingRequest(methods[stream.method].descriptor), now: now)
    }
  }

  /// Trailers for a stream that never became a call.
  private mutating func refuse(_ streamID: UInt32, _ error: RPCError) {
    core.write(.trailers(streamID: streamID, error.trailers))
  }

  static func missingRequest(_ method: MethodDescriptor) -> Trailers {
    Trailers(
      code: .internal,
      message: "\(method.fullName) needs a request message (an empty request is an empty MESSAGE); the stream ended without one"
    )
  }

  /// Request metadata keys starting with `pw-` are reserved for the protocol, and none is defined in 1.0.
  static func refuseReservedKeys(_ metadata: Metadata) throws {
    for entry in metadata where entry.key.hasPrefix("pw-") {
      throw RPCError(.invalidArgument, "metadata key \"\(entry.key)\" is reserved for the protocol")
    }
  }

  /// "300 ms", "10 s".
  static func describe(_ nanoseconds: UInt64) -> String {
    nanoseconds % 1_000_000_000 == 0 ? "\(nanoseconds / 1_000_000_000) s" : "\(nanoseconds / 1_000_000) ms"
  }
}
