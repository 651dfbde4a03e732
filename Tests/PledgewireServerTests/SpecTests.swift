import Foundation
import Logging
import PledgewireServer
import PledgewireTestSupport
import PledgewireWire
import Testing

/// What docs/PROTOCOL.md says, checked against the real server: every point where an independent client found the
/// spec and the server disagreeing has a test here, on the side that was fixed.
@Suite("The protocol as specified", .serialized)
struct SpecTests {
  /// The bytes of a golden file of the wire tests: hex pairs, `#` comments.
  static func golden(_ name: String) throws -> [UInt8] {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("PledgewireWireTests/Golden/\(name)")
    let text = try String(contentsOf: url, encoding: .utf8)
    return text.split(separator: "\n").filter { !$0.hasPrefix("#") }.flatMap { $0.split(separator: " ").compactMap { UInt8($0, radix: 16) } }
  }

  /// A server answering §7's GetActor and ImportActors as the dump shows.
  static func goldenServer() throws -> RPCServer {
    var router = Router()
    router.unary(ActorService.GetActor.self, fastPath: { request, _ in
      guard request.id == 42 else { throw RPCError(.notFound, "actor \(request.id) does not exist") }
      return Actor(
        id: 42, kind: .person, canonicalName: "Keir Starmer", aliases: ["Starmer"],
        role: "Prime Minister of the United Kingdom", countryCode: "GBR", version: 1
      )
    }) { _, _ in throw RPCError(.internal, "the fast path answers") }
    router.clientStreaming(ActorService.ImportActors.self) { requests, _ in
      for try await _ in requests {}
      return ImportResponse()
    }
    var logger = Logger(label: "test")
    logger.logLevel = .critical
    // Slow clients tolerated, as in every test server (startTestServer).
    let server = RPCServer(configuration: ServerConfiguration(port: 0, handshakeTimeout: .seconds(120), frameTimeout: .seconds(120)), router: router, logger: logger)
    try server.start()
    return server
  }

  @Test("§7: the client's dump is a valid conversation, and the real server answers it with the server's dump, byte for byte")
  func goldenConversation() async throws {
    let server = try Self.goldenServer()
    let connection = try RawConnection(port: server.port!)
    let expected = try Self.golden("server-to-client.hex")
    let goAwayLength = 12 + 24
    try await connection.sendRaw(try Self.golden("client-to-server.hex"))
    // Everything up to the GOAWAY, then the GOAWAY of the shutdown, then the end of the stream.
    var received = try await connection.rawBytes(count: expected.count - goAwayLength)
    let shutdown = Task { await server.shutdown(grace: .seconds(5)) }
    received += try await connection.rawBytes()
    await shutdown.value
    #expect(received == expected, "\(received.count) bytes received, \(expected.count) expected")
  }

  @Test("§1: the server sends its preface and SETTINGS at once, before the client sends anything")
  func prefaceAtOnce() async throws {
    try await withTestServer { _, port in
      let connection = try RawConnection(port: port)
      guard case .settings(let settings) = try await connection.nextFrame() else {
        Issue.record("expected the server's SETTINGS")
        return
      }
      #expect(settings.idleTimeoutMs == 300_000)
      #expect(settings.maxConcurrentStreams == 100)
    }
  }

  @Test("§4: an empty request is an empty MESSAGE; a unary call that ends without one is INTERNAL, the connection goes on")
  func emptyRequest() async throws {
    try await withTestServer { _, port in
      let connection = try RawConnection(port: port)
      try await connection.handshake()
      try await connection.send(
        .requestHeaders(streamID: 1, RequestHeaders(method: Echo.Unary.descriptor.fullName), endStream: false),
        .message(streamID: 1, [], endStream: true)
      )
      let answered = try await connection.response(stream: 1)
      #expect(answered.trailers.code == .ok)
      #expect(try Actor(serializedBytes: answered.messages[0]).id == 0)
      for (stream, ending) in [(3, [Frame.requestHeaders(streamID: 3, RequestHeaders(method: Echo.Unary.descriptor.fullName), endStream: true)]),
                               (5, [.requestHeaders(streamID: 5, RequestHeaders(method: Echo.Unary.descriptor.fullName), endStream: false), .halfClose(streamID: 5)])] as [(UInt32, [Frame])] {
        try await connection.send(ending)
        let trailers = try await connection.response(stream: stream).trailers
        #expect(trailers.code == .internal)
        #expect(trailers.message.contains("empty MESSAGE"))
      }
      try await connection.call(Echo.Unary.descriptor, stream: 7, GetActorRequest(id: 7))
      #expect(try await connection.response(stream: 7).trailers.code == .ok)
    }
  }

  @Test("§4: metadata with an invalid key or value, or a reserved pw- key, is INVALID_ARGUMENT naming the key")
  func metadata() async throws {
    try await withTestServer { _, port in
      let connection = try RawConnection(port: port)
      try await connection.handshake()
      let cases: [(UInt32, MetadataEntry)] = [
        (1, MetadataEntry(key: "Bad Key", value: Array("x".utf8))),
        (3, MetadataEntry(key: "x-note", value: [0x0a])),
        (5, MetadataEntry(key: "pw-trace", value: Array("1".utf8))),
      ]
      for (stream, entry) in cases {
        try await connection.call(Echo.Unary.descriptor, stream: stream, GetActorRequest(id: 1), metadata: Metadata([entry]))
        let trailers = try await connection.response(stream: stream).trailers
        #expect(trailers.code == .invalidArgument, "\(entry.key)")
        #expect(trailers.message.contains(entry.key))
      }
      try await connection.call(Echo.Unary.descriptor, stream: 7, GetActorRequest(id: 7), metadata: ["x-bin-bin": "ok", "x-note": "fine"])
      #expect(try await connection.response(stream: 7).trailers.code == .ok)
    }
  }

  @Test("§4: frames for a stream that already ended, at or below the highest id used, are ignored")
  func lateFrames() async throws {
    try await withTestServer { _, port in
      let connection = try RawConnection(port: port)
      try await connection.handshake()
      try await connection.call(Echo.Unary.descriptor, stream: 1, GetActorRequest(id: 1))
      #expect(try await connection.response(stream: 1).trailers.code == .ok)
      // Stream 3 was refused (unknown method): never a call, but below the highest id.
      try await connection.send(.requestHeaders(streamID: 3, RequestHeaders(method: "/x.Y/Z"), endStream: false))
      #expect(try await connection.response(stream: 3).trailers.code == .unimplemented)
      try await connection.send(
        .message(streamID: 1, GetActorRequest(id: 1).serializedBytes(), endStream: true),
        .halfClose(streamID: 1),
        .cancel(streamID: 1, Cancel()),
        .message(streamID: 3, [], endStream: true)
      )
      try await connection.roundTrip()
      #expect(try await connection.isQuiet())
      try await connection.call(Echo.Unary.descriptor, stream: 5, GetActorRequest(id: 5))
      #expect(try await connection.response(stream: 5).trailers.code == .ok)
    }
  }

  @Test("§6: a client's GOAWAY: the server answers with its own, finishes the calls it took, refuses later ones, and closes")
  func clientGoAway() async throws {
    let probe = Probe()
    try await withTestServer(probe: probe) { _, port in
      let connection = try RawConnection(port: port)
      try await connection.handshake()
      try await connection.call(Echo.Unary.descriptor, stream: 1, GetActorRequest(id: 1), metadata: ["wait-for-gate": "1"])
      #expect(await probe.wait { $0.startedCount == 1 })
      try await connection.send(.goAway(GoAway(lastStreamID: 0, errorCode: .noError, message: "client leaving")))
      guard case .goAway(let goAway) = try await connection.nextFrame() else {
        Issue.record("expected the server's GOAWAY")
        return
      }
      #expect(goAway.errorCode == .noError)
      #expect(goAway.lastStreamID == 1)
      // A stream opened after the client's own GOAWAY is above the server's last stream id: refused, not processed.
      try await connection.call(Echo.Unary.descriptor, stream: 3, GetActorRequest(id: 3))
      let refused = try await connection.response(stream: 3).trailers
      #expect(refused.code == .unavailable)
      probe.openGate()
      #expect(try await connection.response(stream: 1).trailers.code == .ok)
      #expect(await connection.isClosedByServer(within: 5))
    }
  }

  @Test("§6: a client's GOAWAY with no call open closes the connection after the server's GOAWAY")
  func clientGoAwayIdle() async throws {
    try await withTestServer { server, port in
      let connection = try RawConnection(port: port)
      try await connection.handshake()
      try await connection.send(.goAway(GoAway(errorCode: .noError, message: "bye")))
      let frames = try await connection.framesUntilClosed()
      guard case .goAway(let goAway) = frames.last else {
        Issue.record("expected GOAWAY, got \(frames)")
        return
      }
      #expect(goAway.errorCode == .noError)
      _ = server
    }
  }

  @Test("§9: a client that shuts its sending side after its requests still gets every answer, then the server closes")
  func halfClosedClient() async throws {
    let probe = Probe()
    try await withTestServer(probe: probe) { _, port in
      let connection = try RawConnection(port: port)
      try await connection.handshake()
      try await connection.call(Echo.Unary.descriptor, stream: 1, GetActorRequest(id: 1), metadata: ["wait-for-gate": "1"])
      try await connection.call(Echo.Unary.descriptor, stream: 3, GetActorRequest(id: 3))
      try await connection.send(.requestHeaders(streamID: 5, RequestHeaders(method: Echo.Unary.descriptor.fullName), endStream: false))
      #expect(await probe.wait { $0.startedCount == 1 })
      try await connection.shutdownWrite()
      #expect(try await connection.response(stream: 3).trailers.code == .ok)
      // Stream 5 never got its request and never will.
      #expect(try await connection.response(stream: 5).trailers.code == .cancelled)
      probe.openGate()
      let first = try await connection.response(stream: 1)
      #expect(first.trailers.code == .ok)
      #expect(try Actor(serializedBytes: first.messages[0]).id == 1)
      #expect(await connection.isClosedByServer(within: 5))
    }
  }
}
