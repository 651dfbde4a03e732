import PledgewireServer
import PledgewireTestSupport
import PledgewireWire
import Testing

@Suite("Connection management and limits", .serialized)
struct ConnectionTests {
  @Test("a malformed frame ends only its own connection, with GOAWAY PROTOCOL_ERROR")
  func malformedFrameKillsOnlyItsConnection() async throws {
    try await withTestServer { _, port in
      let healthy = try RawConnection(port: port)
      try await healthy.handshake()
      // A call in flight on the healthy connection while the other one breaks the protocol.
      try await healthy.call(Echo.Unary.descriptor, stream: 1, GetActorRequest(id: 1), metadata: ["delay-ms": "200"])

      let broken = try RawConnection(port: port)
      try await broken.handshake()
      // A HEADERS frame with a reserved bit set.
      try await broken.sendRaw([0, 0, 0, 0, 4, 0, 0, 1, 0, 0, 0, 1])
      let frames = try await broken.framesUntilClosed()
      guard case .goAway(let goAway) = frames.last else {
        Issue.record("expected GOAWAY, got \(frames)")
        return
      }
      #expect(goAway.errorCode == .protocolError)
      #expect(goAway.message.contains("reserved"))

      #expect(try await healthy.response(stream: 1).trailers.code == .ok)
      try await healthy.call(Echo.Unary.descriptor, stream: 3, GetActorRequest(id: 3))
      #expect(try await healthy.response(stream: 3).trailers.code == .ok)
    }
  }

  struct Violation: Sendable, CustomTestStringConvertible {
    let name: String
    let bytes: [UInt8]
    let code: ErrorCode
    var testDescription: String { name }
  }

  static let violations: [Violation] = {
    func frame(_ frame: Frame) -> [UInt8] {
      var encoder = FrameEncoder()
      try! encoder.write(frame)
      return encoder.bytes
    }
    let headers = frame(.requestHeaders(streamID: 5, RequestHeaders(method: Echo.Unary.descriptor.fullName), endStream: false))
    return [
      Violation(name: "stream ids going backwards", bytes: headers + frame(.requestHeaders(streamID: 3, RequestHeaders(method: "/x/y"), endStream: false)), code: .protocolError),
      Violation(name: "MESSAGE on a stream never opened", bytes: frame(.message(streamID: 9, [], endStream: true)), code: .protocolError),
      Violation(name: "CANCEL on a stream never opened", bytes: frame(.cancel(streamID: 9, Cancel())), code: .protocolError),
      Violation(name: "frame over the size limit", bytes: [0x01, 0, 0, 0, 5, 0, 0, 0, 0, 0, 0, 1], code: .frameSizeError),
      Violation(name: "unknown flag", bytes: [0, 0, 0, 0, 6, 0x80, 0, 0, 0, 0, 0, 1], code: .protocolError),
      Violation(name: "garbage HEADERS payload", bytes: [0, 0, 0, 2, 4, 0, 0, 0, 0, 0, 0, 1, 0x0a, 0x09], code: .protocolError),
      Violation(name: "SETTINGS with a tiny max_frame_size", bytes: frame(.settings(Settings(maxFrameSize: 100))), code: .protocolError),
    ]
  }()

  @Test("protocol violations get GOAWAY with the right code and a closed connection", arguments: violations)
  func violation(_ violation: Violation) async throws {
    try await withTestServer { _, port in
      let connection = try RawConnection(port: port)
      try await connection.handshake()
      try await connection.sendRaw(violation.bytes)
      let frames = try await connection.framesUntilClosed()
      guard case .goAway(let goAway) = frames.last else {
        Issue.record("expected GOAWAY, got \(frames)")
        return
      }
      #expect(goAway.errorCode == violation.code)
    }
  }

  @Test("a client that is not speaking the protocol gets GOAWAY and is closed")
  func notOurProtocol() async throws {
    try await withTestServer { _, port in
      let connection = try RawConnection(port: port)
      try await connection.sendRaw(Array("GET / HTTP/1.1\r\nHost: x\r\n\r\n".utf8))
      _ = try await connection.nextFrame()  // the server's SETTINGS, sent before it read anything
      let frames = try await connection.framesUntilClosed()
      guard case .goAway(let goAway) = frames.last else {
        Issue.record("expected GOAWAY, got \(frames)")
        return
      }
      #expect(goAway.errorCode == .protocolError)
    }
  }

  @Test("connections over the limit get GOAWAY RESOURCE_EXHAUSTED; a freed slot is usable again")
  func maxConnections() async throws {
    try await withTestServer(ServerConfiguration(maxConnections: 2)) { server, port in
      var first: RawConnection? = try RawConnection(port: port)
      try await first!.handshake()
      let second = try RawConnection(port: port)
      try await second.handshake()

      let third = try RawConnection(port: port)
      let frames = try await third.framesUntilClosed()
      guard case .goAway(let goAway) = frames.last else {
        Issue.record("expected GOAWAY, got \(frames)")
        return
      }
      #expect(goAway.errorCode == .resourceExhausted)
      #expect(goAway.errorCode.statusCode == .resourceExhausted)
      #expect(server.connectionCount == 2)

      first = nil
      var waited = 0
      while server.connectionCount > 1 && waited < 200 {
        try await Task.sleep(for: .milliseconds(10))
        waited += 1
      }
      let fourth = try RawConnection(port: port)
      try await fourth.handshake()
      try await fourth.call(Echo.Unary.descriptor, stream: 1, GetActorRequest(id: 1))
      #expect(try await fourth.response(stream: 1).trailers.code == .ok)
      _ = second
    }
  }

  @Test("streams over max_concurrent_streams are refused with UNAVAILABLE, safe to retry")
  func maxConcurrentStreams() async throws {
    let probe = Probe()
    try await withTestServer(ServerConfiguration(maxConcurrentStreams: 3), probe: probe) { _, port in
      let connection = try RawConnection(port: port)
      let settings = try await connection.handshake()
      #expect(settings.maxConcurrentStreams == 3)
      for stream in [1, 3, 5] as [UInt32] {
        try await connection.call(Echo.Sleep.descriptor, stream: stream, GetActorRequest(id: Int64(stream)))
      }
      #expect(await probe.wait { $0.startedCount == 3 })
      try await connection.call(Echo.Unary.descriptor, stream: 7, GetActorRequest(id: 7))
      let trailers = try await connection.response(stream: 7).trailers
      #expect(trailers.code == .unavailable)
      #expect(trailers.details?.reason == "REFUSED_STREAM")
    }
  }

  @Test("a ping flood is cut off with GOAWAY RESOURCE_EXHAUSTED")
  func pingFlood() async throws {
    try await withTestServer { _, port in
      let connection = try RawConnection(port: port)
      try await connection.handshake()
      try await connection.send((0..<200).map { Frame.ping(UInt64($0)) })
      let frames = try await connection.framesUntilClosed()
      guard case .goAway(let goAway) = frames.last else {
        Issue.record("expected GOAWAY, got \(frames.suffix(2))")
        return
      }
      #expect(goAway.errorCode == .resourceExhausted)
    }
  }
}
