import PledgewireWire

/// The connection-level half of the protocol, shared by the server's and the client's connections: the preface and
/// SETTINGS handshake, PING and keepalive, GOAWAY, the output buffer and its bound, the read pause, and the
/// connection's timeouts (handshake, partial frame, keepalive, closing). It does no I/O and reads no clock: bytes
/// and times go in, frames and decisions come out. The owner sends ``output``, reports what went with
/// ``sent(_:now:)``, asks its loop to wake it at ``nextWake``, and closes the socket once ``phase`` is `.closed`.
///
/// The stream-level half — which streams exist and what their frames mean — is the role's: the server's and the
/// client's connection state machines each wrap one core.
package struct ConnectionCore {
  package enum Phase: Equatable, Sendable {
    /// Waiting for the peer's preface and SETTINGS.
    case handshaking
    case open
    /// Sending what is left (a GOAWAY at least), then shutting the sending side; what arrives is dropped.
    case closing
    /// Done: close the socket.
    case closed
  }

  /// What a decoded frame means for the role.
  package enum Inbound: Equatable, Sendable {
    /// A frame of a stream.
    case stream(Frame)
    /// The peer's SETTINGS, applied and acknowledged.
    case settings(Settings)
    /// The peer is going away.
    case goAway(GoAway)
    /// The peer broke the protocol or a limit: GOAWAY is written and the connection is closing. The role ends
    /// every stream.
    case failed(RPCError)
  }

  /// What a timer means for the role.
  package enum TimerOutcome: Equatable, Sendable {
    case none
    /// A timeout failed the connection: GOAWAY is written and the connection is closing.
    case failed(RPCError)
  }

  /// What sending some output means for the owner.
  package struct SentOutcome: Equatable, Sendable {
    /// The output fell back under half its bound: writers that waited may go on.
    package var drained = false
    /// Everything is sent on a closing connection: shut the sending side (FIN).
    package var shutdownWrite = false
  }

  package let configuration: Configuration
  /// Encoded frames waiting for the socket.
  package private(set) var output: FrameEncoder
  package private(set) var phase = Phase.handshaking
  /// The highest stream id the role processed, reported in GOAWAY.
  package var lastStreamID: UInt32 = 0
  /// Whether this side sent GOAWAY.
  package private(set) var goAwaySent = false
  /// Whether the peer shut its sending side.
  package private(set) var inputEnded = false
  /// Whether the unsent output is over its bound.
  package private(set) var isOutputOverLimit = false
  /// Set by the role while its buffered requests or responses are over their bound: reading pauses.
  package private(set) var isInboundOverLimit = false

  private var decoder: FrameDecoder
  private var openedAt: UInt64 = 0
  private var lastReadAt: UInt64 = 0
  private var lastEventAt: UInt64 = 0
  private var partialFrameSince: UInt64?
  private var keepalivePingSentAt: UInt64?
  private var pingTokens: Int
  private var pingTokensRefilledAt: UInt64 = 0
  private var closeBy: UInt64?
  private var shutdownWritten = false

  package init(_ configuration: Configuration) {
    self.configuration = configuration
    self.decoder = FrameDecoder(role: configuration.role, maxFrameSize: Int(configuration.settings.maxFrameSize))
    self.output = FrameEncoder()
    self.pingTokens = configuration.pingBurst ?? 0
  }

  // MARK: Events

  /// The connection is up: writes the preface and SETTINGS at once (neither side waits for the other's).
  package mutating func start(now: UInt64) {
    openedAt = now
    lastReadAt = now
    lastEventAt = now
    pingTokensRefilledAt = now
    output.writePreface()
    try? output.write(.settings(configuration.settings))
    checkOutputLimit()
  }

  /// Bytes arrived. A closing connection drops them.
  package mutating func receive(_ bytes: UnsafeRawBufferPointer, now: UInt64) {
    lastEventAt = now
    guard phase == .handshaking || phase == .open else { return }
    lastReadAt = now
    decoder.append(bytes)
  }

  /// The next frame the role must handle, or nil when the bytes received so far hold no more. Connection-level
  /// frames are handled here: SETTINGS applied and acknowledged, PING answered (within the rate limit), PING ACK
  /// ending the keepalive wait.
  package mutating func nextInbound(now: UInt64) -> Inbound? {
    lastEventAt = now
    do {
      while phase == .handshaking || phase == .open {
        guard let frame = try decoder.next() else {
          updatePartialFrameClock(now: now)
          return nil
        }
        // What is buffered now is a new frame: its time starts with this read.
        partialFrameSince = nil
        switch frame {
        case .settings(let settings):
          try apply(settings)
          return .settings(settings)
        case .settingsAck:
          continue
        case .ping(let value):
          try checkPingRate(now: now)
          write(.pingAck(value))
        case .pingAck:
          keepalivePingSentAt = nil
        case .goAway(let goAway):
          return .goAway(goAway)
        case .requestHeaders, .responseHeaders, .message, .halfClose, .trailers, .cancel:
          return .stream(frame)
        }
      }
      return nil
    } catch {
      let error = error as? RPCError ?? RPCError(.internal, "\(error)", connectionError: .internalError)
      fail(error, now: now)
      return .failed(error)
    }
  }

  /// The peer shut its sending side. A closing connection is done; an open one is the role's to finish (answer
  /// what it took on, then ``close(now:)``).
  package mutating func endOfInput(now: UInt64) {
    lastEventAt = now
    inputEnded = true
    partialFrameSince = nil
    if phase == .closing && (shutdownWritten || output.isEmpty) {
      phase = .closed
    }
  }

  /// The socket failed (a reset, a broken pipe): nothing more can be sent.
  package mutating func transportFailed() {
    phase = .closed
    output.removeAll()
  }

  /// Time passed: runs the timeouts that came due.
  package mutating func timerFired(now: UInt64) -> TimerOutcome {
    lastEventAt = now
    switch phase {
    case .closed:
      return .none
    case .closing:
      if let closeBy, now >= closeBy {
        phase = .closed
      }
      return .none
    case .handshaking:
      if let timeout = configuration.handshakeTimeout, now >= openedAt &+ timeout {
        return failOnTimer(RPCError(.unavailable, "no preface and SETTINGS within \(Self.describe(timeout))", connectionError: .timeout), now: now)
      }
    case .open:
      break
    }
    if let since = partialFrameSince, let timeout = configuration.frameTimeout, now >= since &+ timeout {
      return failOnTimer(RPCError(.unavailable, "a frame took longer than \(Self.describe(timeout)) to arrive", connectionError: .timeout), now: now)
    }
    if phase == .open, let interval = configuration.keepaliveInterval {
      if let sentAt = keepalivePingSentAt {
        if now >= sentAt &+ configuration.keepaliveTimeout {
          return failOnTimer(RPCError(.unavailable, "keepalive PING unanswered for \(Self.describe(configuration.keepaliveTimeout))", connectionError: .timeout), now: now)
        }
      } else if now >= lastReadAt &+ interval {
        keepalivePingSentAt = now
        write(.ping(now))
      }
    }
    return .none
  }

  /// The earliest time ``timerFired(now:)`` has something to do.
  package var nextWake: UInt64? {
    var next: UInt64?
    func consider(_ time: UInt64) { next = min(next ?? .max, time) }
    switch phase {
    case .closed:
      return nil
    case .closing:
      return closeBy
    case .handshaking:
      if let timeout = configuration.handshakeTimeout { consider(openedAt &+ timeout) }
    case .open:
      if let interval = configuration.keepaliveInterval {
        consider(keepalivePingSentAt.map { $0 &+ configuration.keepaliveTimeout } ?? lastReadAt &+ interval)
      }
    }
    if let since = partialFrameSince, let timeout = configuration.frameTimeout { consider(since &+ timeout) }
    return next
  }

  // MARK: Output

  /// Writes a frame the role built. A frame over the peer's max frame size is not written; the call is the
  /// role's to end.
  package mutating func write(_ frame: Frame) {
    do {
      try output.write(frame)
    } catch {
      return
    }
    checkOutputLimit()
  }

  /// Writes a frame, throwing `RESOURCE_EXHAUSTED` (and writing nothing) when it is over the peer's max frame size.
  package mutating func writeChecked(_ frame: Frame) throws {
    try output.write(frame)
    checkOutputLimit()
  }

  /// Lets `body` write into the output directly: a response message serialized in place.
  package mutating func withOutput<R>(_ body: (inout FrameEncoder) throws -> R) rethrows -> R {
    defer { checkOutputLimit() }
    return try body(&output)
  }

  /// `count` bytes of the output went to the socket.
  package mutating func sent(_ count: Int, now: UInt64) -> SentOutcome {
    lastEventAt = now
    output.removeFirst(count)
    var outcome = SentOutcome()
    if isOutputOverLimit && output.count <= configuration.maxPendingOutputBytes / 2 {
      isOutputOverLimit = false
      outcome.drained = true
      updatePartialFrameClock(now: now)
    }
    if output.isEmpty && phase == .closing && !shutdownWritten {
      shutdownWritten = true
      outcome.shutdownWrite = true
      closeBy = min(closeBy ?? .max, now &+ configuration.lingerTimeout)
      if inputEnded {
        phase = .closed
      }
    }
    return outcome
  }

  /// The role's buffered requests or responses went over their bound (reading pauses) or back under it.
  package mutating func setInboundOverLimit(_ over: Bool, now: UInt64) {
    guard over != isInboundOverLimit else { return }
    isInboundOverLimit = over
    updatePartialFrameClock(now: now)
  }

  /// Whether there is something to send: output, or the FIN that ends a closing connection's output.
  package var hasOutput: Bool {
    !output.isEmpty || (phase == .closing && !shutdownWritten)
  }

  /// Whether the socket should be read: not while output or buffered input is over its bound (a closing
  /// connection keeps reading, to drop what still arrives rather than reset the peer).
  package var wantsRead: Bool {
    switch phase {
    case .handshaking, .open: !inputEnded && !isOutputOverLimit && !isInboundOverLimit
    case .closing: !inputEnded
    case .closed: false
    }
  }

  // MARK: Going away

  /// Writes GOAWAY once, with ``lastStreamID``.
  package mutating func goAway(_ code: ErrorCode, _ message: String) {
    guard !goAwaySent, phase != .closed else { return }
    goAwaySent = true
    write(.goAway(GoAway(lastStreamID: lastStreamID, errorCode: code, message: String(message.prefix(1024)))))
  }

  /// Starts closing: the output goes, then FIN, then the socket closes when the peer closes or the linger
  /// time is over.
  package mutating func close(now: UInt64) {
    guard phase == .handshaking || phase == .open else { return }
    phase = .closing
    decoder = FrameDecoder(role: configuration.role)
    partialFrameSince = nil
    closeBy = now &+ configuration.closingTimeout
  }

  /// Fails the connection: GOAWAY with the error's connection code, then closing.
  package mutating func fail(_ error: RPCError, now: UInt64) {
    goAway(error.connectionError ?? .internalError, error.message)
    close(now: now)
  }

  // MARK: Internals

  private mutating func apply(_ settings: Settings) throws {
    if settings.maxFrameSize != 0 {
      let size = Int(settings.maxFrameSize)
      guard size >= WireProtocol.minFrameSizeLimit && size <= WireProtocol.maxFrameSizeLimit else {
        throw RPCError.protocolError("SETTINGS max_frame_size \(size) is outside 16 KiB...16 MiB")
      }
      output.maxFrameSize = size
    }
    if phase == .handshaking {
      phase = .open
    }
    write(.settingsAck)
  }

  private mutating func checkPingRate(now: UInt64) throws {
    guard let burst = configuration.pingBurst else { return }
    let refill = Int((now &- pingTokensRefilledAt) / 1_000_000_000)
    if refill > 0 {
      pingTokens = min(burst, pingTokens + refill * burst)
      pingTokensRefilledAt = now
    }
    guard pingTokens > 0 else {
      throw RPCError(.resourceExhausted, "too many pings", connectionError: .resourceExhausted)
    }
    pingTokens -= 1
  }

  private mutating func failOnTimer(_ error: RPCError, now: UInt64) -> TimerOutcome {
    fail(error, now: now)
    return .failed(error)
  }

  private mutating func checkOutputLimit() {
    if !isOutputOverLimit && output.count > configuration.maxPendingOutputBytes {
      // Reading pauses: the clock on a partial frame stops.
      isOutputOverLimit = true
      partialFrameSince = nil
    }
  }

  /// Starts or stops the clock on a partly received frame. It runs only while the connection is read: a frame
  /// whose rest waits in the socket because this side paused reading is not late.
  private mutating func updatePartialFrameClock(now: UInt64) {
    guard wantsRead && decoder.bufferedByteCount > 0 else {
      partialFrameSince = nil
      return
    }
    if partialFrameSince == nil {
      partialFrameSince = now
    }
  }

  /// "300 ms", "10 s".
  static func describe(_ nanoseconds: UInt64) -> String {
    nanoseconds % 1_000_000_000 == 0 ? "\(nanoseconds / 1_000_000_000) s" : "\(nanoseconds / 1_000_000) ms"
  }
}
