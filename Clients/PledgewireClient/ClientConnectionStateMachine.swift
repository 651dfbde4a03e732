import PledgewireTransport
import PledgewireWire

/// The client's side of one connection, as a value with no I/O: the framing core shared with the server plus the
/// calls — stream ids, the server's stream limit (calls beyond it wait here), deadlines, responses buffered for
/// their callers, GOAWAY. `ClientConnection` drives it on an I/O loop; tests drive it event by event.
struct ClientConnectionStateMachine: ConnectionStateMachine {
  struct Configuration {
    var core: ConnectionCore.Configuration
    /// Server-streamed messages buffered for a slow caller past which reading pauses.
    var maxBufferedResponses: Int
    /// "host:port", for error messages.
    var target: String
  }

  var core: ConnectionCore
  let configuration: Configuration
  private(set) var calls: [CallID: ClientStream] = [:]
  private var byStream: [UInt32: CallID] = [:]
  private var waiting: [CallID] = []
  private var deadlines = DeadlineHeap(tolerance: 1_000_000)
  private var effects: [ClientEffect] = []
  private var nextStreamID: UInt32 = 1
  private var maxConcurrentStreams = WireProtocol.defaultMaxConcurrentStreams
  /// Whether new calls may start here: false once the connection drains or closes.
  private(set) var isAccepting = true

  init(configuration: Configuration) {
    self.configuration = configuration
    self.core = ConnectionCore(configuration.core)
  }

  var phase: ConnectionCore.Phase { core.phase }
  var openStreamCount: Int { byStream.count }

  mutating func takeEffects(into buffer: inout [ClientEffect]) {
    buffer.removeAll(keepingCapacity: true)
    swap(&buffer, &effects)
  }

  // MARK: Connection events

  mutating func start(now: UInt64) {
    core.start(now: now)
  }

  mutating func receive(_ bytes: UnsafeRawBufferPointer, now: UInt64) {
    core.receive(bytes, now: now)
  }

  /// Handles every frame received so far (and never stops early: returns false).
  mutating func processInput(now: UInt64) -> Bool {
    while let inbound = core.nextInbound(now: now) {
      switch inbound {
      case .stream(let frame):
        do {
          try handle(frame, now: now)
        } catch {
          let error = error as? RPCError ?? RPCError(.internal, "\(error)", connectionError: .internalError)
          core.fail(error, now: now)
          failAll(RPCError(error.code, "protocol error from \(configuration.target): \(error.message)"))
        }
      case .settings(let settings):
        if settings.maxConcurrentStreams != 0 {
          maxConcurrentStreams = Int(settings.maxConcurrentStreams)
          startWaiting(now: now)
        }
      case .goAway(let goAway):
        receiveGoAway(goAway, now: now)
      case .failed(let error):
        failAll(RPCError(error.code, "protocol error from \(configuration.target): \(error.message)"))
      }
    }
    return false
  }

  /// The server closed the connection.
  mutating func endOfInput(now: UInt64) {
    core.endOfInput(now: now)
    core.close(now: now)
    failAll(RPCError(.unavailable, "the connection to \(configuration.target) closed"))
  }

  /// The socket failed.
  mutating func transportFailed(errno code: Int32, now: UInt64) {
    core.transportFailed()
    failAll(RPCError(.unavailable, "the connection to \(configuration.target) broke: errno \(code)"))
  }

  mutating func sent(_ count: Int, now: UInt64) -> Bool {
    let outcome = core.sent(count, now: now)
    if outcome.drained {
      effects.append(.outputDrained)
    }
    return outcome.shutdownWrite
  }

  /// Time passed: call deadlines (a started call is cancelled on the server too), and the core's timeouts.
  mutating func timerFired(now: UInt64) {
    while let expired = deadlines.popExpired(now: now) {
      guard let call = calls[expired.id], call.result == nil, call.deadline == expired.deadline else { continue }
      if call.streamID == 0 {
        waiting.removeAll { $0 == expired.id }
        finish(expired.id, .failure(RPCError(.deadlineExceeded, "the deadline passed while the call waited for a free stream")), now: now)
      } else {
        cancel(expired.id, RPCError(.deadlineExceeded, "the deadline passed before the server answered"), now: now)
      }
    }
    if case .failed(let error) = core.timerFired(now: now) {
      failAll(RPCError(.unavailable, "the connection to \(configuration.target) failed: \(error.message)"))
    }
  }

  var nextWake: UInt64? {
    switch (core.nextWake, deadlines.earliest) {
    case (let a?, let b?): min(a, b)
    case (let a?, nil): a
    case (nil, let b?): b
    case (nil, nil): nil
    }
  }

  /// The client goes away: GOAWAY, calls in flight end with `CANCELLED`, the connection closes.
  mutating func shutdown(now: UInt64) {
    isAccepting = false
    core.goAway(.noError, "client closing")
    failAll(RPCError(.cancelled, "the client closed the connection"))
    core.close(now: now)
  }

  // MARK: Calls

  /// Makes call `id` (unique on the connection): opens its stream, or queues it until a stream slot frees up (a call over the stream limit is
  /// not refused). A call that cannot start ends at once; its caller finds out from ``take(_:)``.
  mutating func open(_ id: CallID, method: MethodDescriptor, headers: RequestHeaders, request: [UInt8]?, deadline: UInt64?, now: UInt64) {
    calls[id] = ClientStream(method: method, headers: headers, deadline: deadline, request: request)
    guard isAccepting && (core.phase == .open || core.phase == .handshaking) else {
      finish(id, .failure(Self.notSent("the connection to \(configuration.target) is closing")), now: now)
      return
    }
    if let deadline {
      deadlines.push(deadline, id: id)
    }
    if byStream.count >= maxConcurrentStreams {
      waiting.append(id)
    } else {
      startStream(id, now: now)
    }
  }

  /// Whether a request writer may write now: its stream is open and the output under its bound. Throws the
  /// call's error when it ended.
  func mayWrite(_ id: CallID) throws -> Bool {
    guard let call = calls[id] else { throw RPCError(.cancelled, "the call was cancelled") }
    if case .failure(let error) = call.result { throw error }
    guard call.result == nil else {
      throw RPCError(.internal, "the server ended the call before the client finished sending")
    }
    return call.streamID != 0 && !core.isOutputOverLimit
  }

  /// Sends a client-streamed message; the caller checked ``mayWrite(_:)``.
  mutating func send(_ id: CallID, _ payload: [UInt8]) throws {
    guard let call = calls[id], call.streamID != 0 else { return }
    try core.writeChecked(.message(streamID: call.streamID, payload, endStream: false))
  }

  /// The caller sends no more messages.
  mutating func halfClose(_ id: CallID) {
    guard let call = calls[id], call.result == nil, call.streamID != 0 else { return }
    core.write(.halfClose(streamID: call.streamID))
  }

  /// The caller gave up: CANCEL to the server if the call started, and the call ends with `error`.
  mutating func cancel(_ id: CallID, _ error: RPCError, now: UInt64) {
    guard let call = calls[id], call.result == nil else { return }
    if call.streamID == 0 {
      waiting.removeAll { $0 == id }
    } else {
      core.write(.cancel(streamID: call.streamID, Cancel(errorCode: error.code == .deadlineExceeded ? .deadlineExceeded : .cancel)))
    }
    finish(id, .failure(error), now: now)
  }

  /// The caller's next response: for a unary or client-streaming call, its one response once the call ended OK.
  mutating func take(_ id: CallID, now: UInt64) -> ResponseTake {
    // No copy of the call may be alive while its buffer shrinks in place.
    guard let method = calls[id]?.method else { return .failed(RPCError(.cancelled, "the call was cancelled")) }
    if !method.isServerStreaming {
      switch calls[id]!.result {
      case nil:
        return .wait
      case .failure(let error)?:
        calls[id] = nil
        return .failed(error)
      case .success?:
        let response = calls[id]!.takeResponse()
        calls[id] = nil
        guard let response else {
          return .failed(RPCError(.internal, "\(method.fullName) ended OK without a response message"))
        }
        return .message(response)
      }
    }
    if let payload = calls[id]!.takeResponse() {
      if core.isInboundOverLimit && calls[id]!.bufferedResponseCount < configuration.maxBufferedResponses / 2 {
        updateInboundLimit(now: now)
      }
      return .message(payload)
    }
    switch calls[id]!.result {
    case nil:
      return .wait
    case .failure(let error)?:
      calls[id] = nil
      return .failed(error)
    case .success?:
      calls[id] = nil
      return .end
    }
  }

  /// The caller will not ask again (it stopped iterating, or its task ended): the call is forgotten, and cancelled
  /// first if it has not ended.
  mutating func abandon(_ id: CallID, now: UInt64) {
    cancel(id, RPCError(.cancelled, "the call was cancelled"), now: now)
    calls[id] = nil
  }

  // MARK: Internals

  private mutating func startStream(_ id: CallID, now: UInt64) {
    guard nextStreamID <= WireProtocol.maxStreamID else {
      isAccepting = false
      finish(id, .failure(Self.notSent("stream ids are used up on this connection")), now: now)
      return
    }
    guard var call = calls[id] else { return }
    var headers = call.headers
    if let deadline = call.deadline {
      guard deadline > now else {
        finish(id, .failure(RPCError(.deadlineExceeded, "the deadline passed before the call started")), now: now)
        return
      }
      headers.timeoutUs = max(1, (deadline - now) / 1_000)
    }
    let streamID = nextStreamID
    do {
      if let request = call.request {
        try core.writeChecked(.requestHeaders(streamID: streamID, headers, endStream: false))
        try core.writeChecked(.message(streamID: streamID, request, endStream: true))
      } else {
        try core.writeChecked(.requestHeaders(streamID: streamID, headers, endStream: false))
      }
    } catch {
      finish(id, .failure(error as? RPCError ?? RPCError(.internal, "\(error)")), now: now)
      return
    }
    nextStreamID += 2
    call.streamID = streamID
    call.request = nil
    calls[id] = call
    byStream[streamID] = id
    if call.method.isClientStreaming {
      // Writers that waited for the stream may go now.
      effects.append(.outputDrained)
    }
  }

  private mutating func startWaiting(now: UInt64) {
    var index = 0
    while index < waiting.count && byStream.count < maxConcurrentStreams && isAccepting {
      startStream(waiting[index], now: now)
      index += 1
    }
    waiting.removeFirst(index)
  }

  private mutating func handle(_ frame: Frame, now: UInt64) throws {
    switch frame {
    case .responseHeaders:
      break
    case .message(let streamID, let payload, _):
      // No copy of the call may be alive while its buffer grows in place.
      guard let id = byStream[streamID], let method = calls[id]?.method else { return }
      if !method.isServerStreaming && calls[id]!.bufferedResponseCount > 0 {
        cancel(id, RPCError(.internal, "the server sent more than one response to \(method.fullName)"), now: now)
        return
      }
      calls[id]!.deliver(payload)
      if method.isServerStreaming {
        effects.append(.responseAvailable(id))
        if calls[id]!.bufferedResponseCount >= configuration.maxBufferedResponses {
          core.setInboundOverLimit(true, now: now)
        }
      }
    case .trailers(let streamID, let trailers):
      guard let id = byStream[streamID] else { return }
      finish(id, RPCError(trailers: trailers).map { .failure($0) } ?? .success(()), now: now)
    case .requestHeaders, .halfClose, .cancel, .settings, .settingsAck, .ping, .pingAck, .goAway:
      throw RPCError.protocolError("a server must not send \(frame.type.name)")
    }
  }

  private mutating func receiveGoAway(_ goAway: GoAway, now: UInt64) {
    isAccepting = false
    let status = goAway.errorCode == .noError ? StatusCode.unavailable : goAway.errorCode.statusCode
    let unprocessed = RPCError(
      status == .internal ? .unavailable : status,
      "the server sent GOAWAY before processing the call: \(goAway.message)",
      details: ErrorDetails(reason: "NOT_SENT")
    )
    for (streamID, id) in byStream where streamID > goAway.lastStreamID {
      finish(id, .failure(unprocessed), now: now)
    }
    for id in waiting {
      finish(id, .failure(unprocessed), now: now)
    }
    waiting.removeAll()
    if goAway.errorCode != .noError {
      core.close(now: now)
      failAll(RPCError(status, "the server closed the connection: \(goAway.message) (\(goAway.errorCode.name))"))
    } else {
      closeIfDone(now: now)
    }
  }

  /// Ends a call with `result`, frees its stream, and starts a waiting call in its place.
  private mutating func finish(_ id: CallID, _ result: Result<Void, RPCError>, now: UInt64) {
    guard calls[id] != nil, calls[id]!.result == nil else { return }
    calls[id]!.finish(result)
    effects.append(.responseAvailable(id))
    let streamID = calls[id]!.streamID
    if streamID != 0 {
      byStream[streamID] = nil
      if core.isInboundOverLimit {
        updateInboundLimit(now: now)
      }
      startWaiting(now: now)
    }
    closeIfDone(now: now)
  }

  /// Ends every call that has not ended, after the connection failed or closed.
  private mutating func failAll(_ error: RPCError) {
    isAccepting = false
    let notSent = RPCError(error.code, error.message, details: ErrorDetails(reason: "NOT_SENT"))
    for id in waiting {
      calls[id]?.finish(.failure(notSent))
      effects.append(.responseAvailable(id))
    }
    waiting.removeAll()
    for (_, id) in byStream {
      calls[id]?.finish(.failure(error))
      effects.append(.responseAvailable(id))
    }
    byStream.removeAll()
    deadlines.removeAll()
    effects.append(.outputDrained)
  }

  private mutating func closeIfDone(now: UInt64) {
    if !isAccepting && byStream.isEmpty && waiting.isEmpty {
      core.close(now: now)
    }
  }

  private mutating func updateInboundLimit(now: UInt64) {
    let limit = configuration.maxBufferedResponses
    core.setInboundOverLimit(byStream.values.contains { (calls[$0]?.bufferedResponseCount ?? 0) >= limit }, now: now)
  }

  static func notSent(_ message: String) -> RPCError {
    RPCError(.unavailable, message, details: ErrorDetails(reason: "NOT_SENT"))
  }
}
