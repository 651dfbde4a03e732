import Logging
import PledgewireServer
import PledgewireTestSupport
import PledgewireTransport
import PledgewireWire
import Testing

/// Every timeout of the server, on a manual clock: nothing sleeps, and each test checks both sides of its limit.
/// The servers here run one I/O loop, so that a round trip on any connection after ``ManualClock/advance(by:)``
/// proves the loop has run what came due.
@Suite("Timeouts, on a manual clock", .serialized)
struct TimeoutTests {
  static func configuration(_ clock: ManualClock, _ change: (inout ServerConfiguration) -> Void = { _ in }) -> ServerConfiguration {
    var configuration = ServerConfiguration(ioLoops: 1)
    configuration.clock = .manual(clock)
    change(&configuration)
    return configuration
  }

  /// Runs `body` against a server on `clock`; at the end, moves the clock far enough for every grace and linger
  /// time to pass, so that the shutdown finishes.
  static func withServer(
    _ configuration: ServerConfiguration, probe: Probe = Probe(), clock: ManualClock,
    _ body: (RPCServer, Int) async throws -> Void
  ) async throws {
    let server = try startTestServer(configuration, probe: probe)
    do {
      try await body(server, server.port!)
    } catch {
      await shutdown(server, clock: clock)
      throw error
    }
    await shutdown(server, clock: clock)
  }

  static func shutdown(_ server: RPCServer, clock: ManualClock) async {
    let shutdown = Task { await server.shutdown(grace: .seconds(1)) }
    for _ in 0..<100 {
      clock.advance(by: .seconds(5))
      if server.connectionCount == 0 { break }
      try? await Task.sleep(for: .milliseconds(10))
    }
    await shutdown.value
  }

  static func expectGoAway(_ connection: RawConnection, _ code: ErrorCode, sourceLocation: SourceLocation = #_sourceLocation) async throws -> GoAway? {
    let frames = try await connection.framesUntilClosed()
    guard case .goAway(let goAway) = frames.last else {
      Issue.record("expected GOAWAY, got \(frames)", sourceLocation: sourceLocation)
      return nil
    }
    #expect(goAway.errorCode == code, sourceLocation: sourceLocation)
    return goAway
  }

  @Test("a connection without its preface and SETTINGS is closed when the handshake timeout passes, not before")
  func handshake() async throws {
    let clock = ManualClock()
    try await Self.withServer(Self.configuration(clock) { $0.handshakeTimeout = .seconds(5) }, clock: clock) { _, port in
      let silent = try RawConnection(port: port)
      let late = try RawConnection(port: port)
      // The server's SETTINGS come at once: both connections started at the same manual instant.
      guard case .settings = try await silent.nextFrame(), case .settings = try await late.nextFrame() else {
        Issue.record("expected the server's SETTINGS")
        return
      }
      clock.advance(by: .milliseconds(4_999))
      try await late.handshake()  // just in time
      try await late.roundTrip()
      #expect(try await silent.isQuiet())
      clock.advance(by: .milliseconds(1))
      _ = try await Self.expectGoAway(silent, .timeout)
      try await late.call(Echo.Unary.descriptor, stream: 1, GetActorRequest(id: 1))
      #expect(try await late.response(stream: 1).trailers.code == .ok)
    }
  }

  @Test("a frame that stops arriving halfway ends the connection when the frame timeout passes, not before")
  func partialFrame() async throws {
    let clock = ManualClock()
    try await Self.withServer(Self.configuration(clock) { $0.frameTimeout = .seconds(5) }, clock: clock) { _, port in
      let observer = try RawConnection(port: port)
      try await observer.handshake()
      let slow = try RawConnection(port: port)
      try await slow.handshake()
      try await slow.sendRaw([0, 0, 0, 40, 4])  // five bytes of a header, then nothing
      try await observer.roundTrip()  // the server has read them: the socket had them before the observer's PING
      clock.advance(by: .milliseconds(4_999))
      try await observer.roundTrip()
      #expect(try await slow.isQuiet())
      clock.advance(by: .milliseconds(1))
      let goAway = try await Self.expectGoAway(slow, .timeout)
      #expect(goAway?.message.contains("frame") == true)
      try await observer.roundTrip()
    }
  }

  @Test("an idle connection gets GOAWAY NO_ERROR saying it was idle when the idle timeout passes, not before")
  func idle() async throws {
    let clock = ManualClock()
    try await Self.withServer(Self.configuration(clock) { $0.idleTimeout = .seconds(300) }, clock: clock) { _, port in
      let connection = try RawConnection(port: port)
      let settings = try await connection.handshake()
      #expect(settings.idleTimeoutMs == 300_000)
      try await connection.call(Echo.Unary.descriptor, stream: 1, GetActorRequest(id: 1))
      #expect(try await connection.response(stream: 1).trailers.code == .ok)
      clock.advance(by: .seconds(299))
      try await connection.roundTrip()  // a PING is not a call: it does not reset the idle clock
      #expect(try await connection.isQuiet())
      clock.advance(by: .seconds(1))
      let goAway = try await Self.expectGoAway(connection, .noError)
      #expect(goAway?.lastStreamID == 1)
      #expect(goAway?.message.contains("idle") == true)
      #expect(goAway?.message.contains("shutting down") == false)
    }
  }

  @Test("keepalive pings after each interval of silence, and closes when a ping is unanswered for the timeout")
  func keepalive() async throws {
    let clock = ManualClock()
    let configuration = Self.configuration(clock) {
      $0.keepaliveInterval = .seconds(10)
      $0.keepaliveTimeout = .seconds(20)
    }
    try await Self.withServer(configuration, clock: clock) { _, port in
      let connection = try RawConnection(port: port)
      try await connection.handshake()
      clock.advance(by: .milliseconds(9_900))
      try await connection.roundTrip()  // read at 9.9 s: silence counts from here
      #expect(try await connection.isQuiet(), "no PING before 10 s of silence")
      clock.advance(by: .seconds(10))
      guard case .ping(let first) = try await connection.nextFrame() else {
        Issue.record("expected a PING after 10 s of silence")
        return
      }
      try await connection.send(.pingAck(first))
      try await connection.roundTrip()
      // Answered: the next PING comes after the next 10 s of silence, not after the 20 s timeout.
      clock.advance(by: .seconds(10))
      guard case .ping = try await connection.nextFrame() else {
        Issue.record("expected a second PING 10 s after the first was answered")
        return
      }
      clock.advance(by: .milliseconds(19_999))
      #expect(try await connection.isQuiet())
      clock.advance(by: .milliseconds(1))
      _ = try await Self.expectGoAway(connection, .timeout)
    }
  }

  @Test("each call's deadline fires, the first and the later ones on the same connection, in any order")
  func deadlines() async throws {
    let clock = ManualClock()
    let probe = Probe()
    try await Self.withServer(Self.configuration(clock), probe: probe, clock: clock) { _, port in
      let connection = try RawConnection(port: port)
      try await connection.handshake()
      try await connection.call(Echo.Sleep.descriptor, stream: 1, GetActorRequest(id: 1), timeoutMicroseconds: 5_000_000)
      #expect(await probe.wait { $0.startedCount == 1 })
      clock.advance(by: .milliseconds(4_999))
      try await connection.roundTrip()
      #expect(try await !connection.hasFinished(1))
      clock.advance(by: .milliseconds(1))
      #expect(try await connection.response(stream: 1).trailers.code == .deadlineExceeded)
      #expect(await probe.wait { $0.cancelledIDs == [1] })

      // A second call on the same connection, then two whose deadlines come in the other order.
      try await connection.call(Echo.Sleep.descriptor, stream: 3, GetActorRequest(id: 3), timeoutMicroseconds: 5_000_000)
      #expect(await probe.wait { $0.startedCount == 2 })
      clock.advance(by: .seconds(5))
      #expect(try await connection.response(stream: 3).trailers.code == .deadlineExceeded)
      #expect(await probe.wait { $0.cancelledIDs == [1, 3] })

      try await connection.call(Echo.Sleep.descriptor, stream: 5, GetActorRequest(id: 5), timeoutMicroseconds: 10_000_000)
      try await connection.call(Echo.Sleep.descriptor, stream: 7, GetActorRequest(id: 7), timeoutMicroseconds: 2_000_000)
      #expect(await probe.wait { $0.startedCount == 4 })
      clock.advance(by: .seconds(2))
      #expect(try await connection.response(stream: 7).trailers.code == .deadlineExceeded)
      try await connection.roundTrip()
      #expect(try await !connection.hasFinished(5))
      clock.advance(by: .seconds(8))
      #expect(try await connection.response(stream: 5).trailers.code == .deadlineExceeded)
      #expect(await probe.wait { Set($0.cancelledIDs) == [1, 3, 5, 7] })
    }
  }

  @Test("a fast path's answer that comes after the deadline is taken back: DEADLINE_EXCEEDED, no message")
  func lateFastPath() async throws {
    let clock = ManualClock()
    var router = Router()
    router.unary(Echo.Lookup.self, fastPath: { request, _ in
      clock.advance(by: .microseconds(2))  // the fast path takes 2 µs
      return Actor(id: request.id)
    }) { request, _ in Actor(id: request.id) }
    var logger = Logger(label: "test")
    logger.logLevel = .critical
    var configuration = Self.configuration(clock)
    configuration.port = 0
    let server = RPCServer(configuration: configuration, router: router, logger: logger)
    try server.start()
    let connection = try RawConnection(port: server.port!)
    try await connection.handshake()
    try await connection.call(Echo.Lookup.descriptor, stream: 1, GetActorRequest(id: 1), timeoutMicroseconds: 1)
    let late = try await connection.response(stream: 1)
    #expect(late.trailers.code == .deadlineExceeded)
    #expect(late.messages.isEmpty)
    try await connection.call(Echo.Lookup.descriptor, stream: 3, GetActorRequest(id: 3), timeoutMicroseconds: 3)
    let inTime = try await connection.response(stream: 3)
    #expect(inTime.trailers.code == .ok)
    #expect(try inTime.messages.map { try Actor(serializedBytes: $0).id } == [3])
    _ = consume connection
    await Self.shutdown(server, clock: clock)
  }

  @Test("calls still open when the grace period ends get UNAVAILABLE, not before, and their handlers are cancelled")
  func gracePeriod() async throws {
    let clock = ManualClock()
    let probe = Probe()
    let server = try startTestServer(Self.configuration(clock), probe: probe)
    var connection: RawConnection? = try RawConnection(port: server.port!)
    try await connection!.handshake()
    try await connection!.call(Echo.Sleep.descriptor, stream: 1, GetActorRequest(id: 9))
    #expect(await probe.wait { $0.startedCount == 1 })

    let shutdown = Task { await server.shutdown(grace: .seconds(10)) }
    guard case .goAway(let goAway) = try await connection!.nextFrame() else {
      Issue.record("expected GOAWAY")
      return
    }
    #expect(goAway.errorCode == .noError)
    clock.advance(by: .milliseconds(9_999))
    try await connection!.roundTrip()
    #expect(try await !connection!.hasFinished(1))
    clock.advance(by: .milliseconds(1))
    #expect(try await connection!.response(stream: 1).trailers.code == .unavailable)
    #expect(await probe.wait { $0.cancelledIDs == [9] })
    connection = nil  // the client closes; the server's last connection is gone
    await shutdown.value
    #expect(server.connectionCount == 0)
  }
  @Test("a steady stream whose reads always end mid-frame is not mistaken for a slow frame")
  func steadyStreamMidFrame() async throws {
    let clock = ManualClock()
    try await Self.withServer(Self.configuration(clock) { $0.frameTimeout = .milliseconds(300) }, clock: clock) { _, port in
      let observer = try RawConnection(port: port)
      try await observer.handshake()
      let connection = try RawConnection(port: port)
      try await connection.handshake()
      try await connection.send(.requestHeaders(streamID: 1, RequestHeaders(method: Echo.Collect.descriptor.fullName), endStream: false))
      let frames = (1...40).map { id in
        var encoder = FrameEncoder()
        try! encoder.write(.message(streamID: 1, GetActorRequest(id: Int64(id)).serializedBytes(), endStream: id == 40))
        return encoder.bytes
      }
      // 8 s of sends, each the end of one frame and the start of the next: some frame is always half there,
      // but every one of them completes within 200 ms.
      try await connection.sendRaw(Array(frames[0].prefix(5)))
      for index in 1..<frames.count {
        try await observer.roundTrip()
        clock.advance(by: .milliseconds(200))
        try await connection.sendRaw(Array(frames[index - 1].dropFirst(5)) + Array(frames[index].prefix(5)))
      }
      try await connection.sendRaw(Array(frames[frames.count - 1].dropFirst(5)))
      let (messages, trailers) = try await connection.response(stream: 1)
      #expect(trailers.code == .ok)
      let response = try ImportResponse(serializedBytes: try #require(messages.first))
      #expect(response.received == 40)
    }
  }

  @Test("a partial frame left in the buffer while the server has paused reading is not timed out")
  func partialFrameWhilePaused() async throws {
    let clock = ManualClock()
    let probe = Probe()
    let configuration = Self.configuration(clock) {
      $0.frameTimeout = .milliseconds(200)
      $0.maxBufferedRequestMessages = 8
    }
    try await Self.withServer(configuration, probe: probe, clock: clock) { _, port in
      let observer = try RawConnection(port: port)
      try await observer.handshake()
      let connection = try RawConnection(port: port)
      try await connection.handshake()
      // In one write, so that one read brings the server the full buffer and half of the next frame.
      var encoder = FrameEncoder()
      try encoder.write(.requestHeaders(streamID: 1, RequestHeaders(method: Echo.Hold.descriptor.fullName), endStream: false))
      for id in 0..<20 {
        try encoder.write(.message(streamID: 1, GetActorRequest(id: Int64(id)).serializedBytes(), endStream: false))
      }
      var last = FrameEncoder()
      try last.write(.message(streamID: 1, GetActorRequest(id: 99).serializedBytes(), endStream: false))
      try await connection.sendRaw(encoder.bytes + last.bytes.prefix(5))
      #expect(await probe.wait { $0.startedCount == 1 })
      // The held call's buffer is full, so the server reads nothing more: the half frame is its own doing.
      try await observer.roundTrip()
      clock.advance(by: .milliseconds(600))
      try await observer.roundTrip()
      #expect(try await connection.isQuiet())
      probe.openGate()
      #expect(try await connection.response(stream: 1).trailers.code == .failedPrecondition)
      try await connection.sendRaw(Array(last.bytes.dropFirst(5)))
      try await connection.call(Echo.Unary.descriptor, stream: 3, GetActorRequest(id: 3))
      #expect(try await connection.response(stream: 3).trailers.code == .ok)
    }
  }
}
