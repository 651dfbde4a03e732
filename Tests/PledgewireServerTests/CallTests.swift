import PledgewireServer
import PledgewireTestSupport
import PledgewireWire
import Testing

@Suite("Calls over real loopback connections", .serialized)
struct CallTests {
  @Test("1,000 concurrent unary calls over 4 connections are all answered correctly")
  func thousandConcurrentCalls() async throws {
    try await withTestServer(ServerConfiguration(maxConcurrentStreams: 1_000)) { _, port in
      let connections = try (0..<4).map { _ in try RawConnection(port: port) }
      for connection in connections {
        try await connection.handshake()
      }
      // Every connection sends all of its 250 calls before reading any answer: 1,000 calls are open at once.
      for (index, connection) in connections.enumerated() {
        var frames: [Frame] = []
        for call in 0..<250 {
          let stream = UInt32(2 * call + 1)
          let id = Int64(index * 1_000 + call)
          frames.append(.requestHeaders(streamID: stream, RequestHeaders(method: Echo.Unary.descriptor.fullName), endStream: false))
          frames.append(.message(streamID: stream, GetActorRequest(id: id).serializedBytes(), endStream: true))
        }
        try await connection.send(frames)
      }
      var answered = 0
      for (index, connection) in connections.enumerated() {
        for call in 0..<250 {
          let (messages, trailers) = try await connection.response(stream: UInt32(2 * call + 1))
          #expect(trailers.code == .ok)
          let actor = try Actor(serializedBytes: try #require(messages.first))
          #expect(actor.id == Int64(index * 1_000 + call))
          #expect(messages.count == 1)
          answered += 1
        }
      }
      #expect(answered == 1_000)
    }
  }

  @Test("a fast path answers what it can, hands the rest to the handler, and turns its errors into statuses")
  func fastPath() async throws {
    let probe = Probe()
    try await withTestServer(probe: probe) { _, port in
      let connection = try RawConnection(port: port)
      try await connection.handshake()
      // Fast and declined calls interleaved on one connection, all sent before any answer is read.
      var frames: [Frame] = []
      for id in 1...100 {
        let stream = UInt32(2 * id - 1)
        frames.append(.requestHeaders(streamID: stream, RequestHeaders(method: Echo.Lookup.descriptor.fullName), endStream: false))
        frames.append(.message(streamID: stream, GetActorRequest(id: Int64(id)).serializedBytes(), endStream: true))
      }
      try await connection.send(frames)
      for id in 1...100 {
        let (messages, trailers) = try await connection.response(stream: UInt32(2 * id - 1))
        #expect(trailers.code == .ok)
        #expect(messages.count == 1)
        let actor = try Actor(serializedBytes: try #require(messages.first))
        #expect(actor.id == Int64(id))
        #expect(actor.canonicalName == (id % 2 == 0 ? "fast" : "slow"))
      }
      #expect(probe.startedCount == 50)

      try await connection.call(Echo.Lookup.descriptor, stream: 201, GetActorRequest(id: -1))
      let (messages, trailers) = try await connection.response(stream: 201)
      #expect(messages.isEmpty)
      #expect(trailers.code == .invalidArgument)
      #expect(trailers.details?.fieldViolations.first?.field == "id")
      #expect(probe.startedCount == 50)
    }
  }

  @Test("calls on one connection complete in any order")
  func outOfOrder() async throws {
    let probe = Probe()
    try await withTestServer(probe: probe) { _, port in
      let connection = try RawConnection(port: port)
      try await connection.handshake()
      try await connection.call(Echo.Unary.descriptor, stream: 1, GetActorRequest(id: 1), metadata: ["wait-for-gate": "1"])
      try await connection.call(Echo.Unary.descriptor, stream: 3, GetActorRequest(id: 3))
      // Stream 3 finishes while stream 1 waits; then stream 1 finishes.
      guard case .message(3, _, _) = try await connection.nextFrame(), case .trailers(3, let third) = try await connection.nextFrame() else {
        Issue.record("expected stream 3 to answer first")
        return
      }
      #expect(third.code == .ok)
      probe.openGate()
      let (messages, first) = try await connection.response(stream: 1)
      #expect(first.code == .ok)
      #expect(try Actor(serializedBytes: messages[0]).id == 1)
    }
  }

  @Test("a server stream of 10,000 messages arrives whole and in order")
  func serverStreaming() async throws {
    try await withTestServer { _, port in
      let connection = try RawConnection(port: port)
      try await connection.handshake()
      try await connection.call(Echo.Expand.descriptor, stream: 1, GetActorRequest(id: 10_000))
      let (messages, trailers) = try await connection.response(stream: 1)
      #expect(trailers.code == .ok)
      #expect(messages.count == 10_000)
      let ids = try messages.map { try Actor(serializedBytes: $0).id }
      #expect(ids == Array(1...10_000))
    }
  }

  @Test("a client stream of 10,000 messages reaches the handler whole")
  func clientStreaming() async throws {
    try await withTestServer { _, port in
      let connection = try RawConnection(port: port)
      try await connection.handshake()
      var frames: [Frame] = [.requestHeaders(streamID: 1, RequestHeaders(method: Echo.Collect.descriptor.fullName), endStream: false)]
      for id in 1...10_000 {
        frames.append(.message(streamID: 1, GetActorRequest(id: Int64(id)).serializedBytes(), endStream: false))
      }
      frames.append(.halfClose(streamID: 1))
      try await connection.send(frames)
      let (messages, trailers) = try await connection.response(stream: 1)
      #expect(trailers.code == .ok)
      let summary = try ImportResponse(serializedBytes: try #require(messages.first))
      #expect(summary.received == 10_000)
      #expect(summary.created == UInt32(10_000 * 10_001 / 2))
    }
  }

  @Test("a client stream may end with END_STREAM on its last message, or at once on HEADERS")
  func clientStreamingEndings() async throws {
    try await withTestServer { _, port in
      let connection = try RawConnection(port: port)
      try await connection.handshake()
      try await connection.send(
        .requestHeaders(streamID: 1, RequestHeaders(method: Echo.Collect.descriptor.fullName), endStream: false),
        .message(streamID: 1, GetActorRequest(id: 5).serializedBytes(), endStream: true),
        .requestHeaders(streamID: 3, RequestHeaders(method: Echo.Collect.descriptor.fullName), endStream: true)
      )
      let first = try await connection.response(stream: 1)
      #expect(try ImportResponse(serializedBytes: first.messages[0]).received == 1)
      let second = try await connection.response(stream: 3)
      #expect(second.trailers.code == .ok)
      #expect(try ImportResponse(serializedBytes: second.messages[0]).received == 0)
    }
  }

  @Test("CANCEL stops the handler and frees the stream")
  func cancel() async throws {
    let probe = Probe()
    try await withTestServer(ServerConfiguration(maxConcurrentStreams: 1), probe: probe) { _, port in
      let connection = try RawConnection(port: port)
      try await connection.handshake()
      try await connection.call(Echo.Sleep.descriptor, stream: 1, GetActorRequest(id: 1))
      #expect(await probe.wait { $0.startedCount == 1 })
      // The only stream is taken: another call is refused.
      try await connection.call(Echo.Unary.descriptor, stream: 3, GetActorRequest(id: 3))
      let refused = try await connection.response(stream: 3).trailers
      #expect(refused.code == .unavailable)
      #expect(refused.details?.reason == "REFUSED_STREAM")
      // Cancelling the sleeper frees its stream: the next call is served.
      try await connection.send(.cancel(streamID: 1, Cancel(errorCode: .cancel)))
      #expect(await probe.wait { $0.cancelledIDs == [1] })
      try await connection.call(Echo.Unary.descriptor, stream: 5, GetActorRequest(id: 5))
      #expect(try await connection.response(stream: 5).trailers.code == .ok)
      // A late frame for the cancelled stream is ignored, not an error.
      try await connection.send(.halfClose(streamID: 1))
      try await connection.call(Echo.Unary.descriptor, stream: 7, GetActorRequest(id: 7))
      #expect(try await connection.response(stream: 7).trailers.code == .ok)
    }
  }

  @Test("a client stream that ends with its buffer full lets the connection be read again")
  func fullBufferEnds() async throws {
    let probe = Probe()
    try await withTestServer(ServerConfiguration(maxBufferedRequestMessages: 8), probe: probe) { _, port in
      let connection = try RawConnection(port: port)
      try await connection.handshake()
      var frames: [Frame] = [.requestHeaders(streamID: 1, RequestHeaders(method: Echo.Hold.descriptor.fullName), endStream: false)]
      for id in 0..<20 {
        frames.append(.message(streamID: 1, GetActorRequest(id: Int64(id)).serializedBytes(), endStream: false))
      }
      try await connection.send(frames)
      #expect(await probe.wait { $0.startedCount == 1 })
      // Reading is paused now; this call waits in the socket until the held call ends.
      try await connection.call(Echo.Unary.descriptor, stream: 3, GetActorRequest(id: 3))
      try await Task.sleep(for: .milliseconds(100))
      probe.openGate()
      #expect(try await connection.response(stream: 1).trailers.code == .failedPrecondition)
      #expect(try await connection.response(stream: 3, timeout: 5).trailers.code == .ok)
    }
  }

  @Test("an unknown method is UNIMPLEMENTED, naming the method")
  func unknownMethod() async throws {
    try await withTestServer { _, port in
      let connection = try RawConnection(port: port)
      try await connection.handshake()
      try await connection.send(
        .requestHeaders(streamID: 1, RequestHeaders(method: "/pledgewire.v1.ActorService/Teleport"), endStream: false),
        .message(streamID: 1, [], endStream: true)
      )
      let trailers = try await connection.response(stream: 1).trailers
      #expect(trailers.code == .unimplemented)
      #expect(trailers.message.contains("/pledgewire.v1.ActorService/Teleport"))
    }
  }

  @Test("stream errors end one call and leave the connection working")
  func streamErrors() async throws {
    try await withTestServer { _, port in
      let connection = try RawConnection(port: port)
      try await connection.handshake()
      // Two request messages on a unary call.
      try await connection.send(
        .requestHeaders(streamID: 1, RequestHeaders(method: Echo.Unary.descriptor.fullName), endStream: false),
        .message(streamID: 1, GetActorRequest(id: 1).serializedBytes(), endStream: false),
        .message(streamID: 1, GetActorRequest(id: 2).serializedBytes(), endStream: true)
      )
      #expect(try await connection.response(stream: 1).trailers.code == .internal)
      // A request that does not decode: the client's fault, INVALID_ARGUMENT.
      try await connection.send(
        .requestHeaders(streamID: 3, RequestHeaders(method: Echo.Unary.descriptor.fullName), endStream: false),
        .message(streamID: 3, [0x08], endStream: true)
      )
      #expect(try await connection.response(stream: 3).trailers.code == .invalidArgument)
      // A unary call without a request message.
      try await connection.send(.requestHeaders(streamID: 5, RequestHeaders(method: Echo.Unary.descriptor.fullName), endStream: true))
      #expect(try await connection.response(stream: 5).trailers.code == .internal)
      // Metadata over the limit.
      let big = Metadata(["x-big": String(repeating: "a", count: 9_000)].map { MetadataEntry(key: $0.key, value: Array($0.value.utf8)) })
      try await connection.call(Echo.Unary.descriptor, stream: 7, GetActorRequest(id: 7), metadata: big)
      #expect(try await connection.response(stream: 7).trailers.code == .resourceExhausted)
      // Invalid metadata key.
      try await connection.call(Echo.Unary.descriptor, stream: 9, GetActorRequest(id: 9), metadata: ["Bad Key": "x"])
      #expect(try await connection.response(stream: 9).trailers.code == .invalidArgument)
      // And the connection still serves.
      try await connection.call(Echo.Unary.descriptor, stream: 11, GetActorRequest(id: 11))
      #expect(try await connection.response(stream: 11).trailers.code == .ok)
    }
  }

  @Test("PING is answered with the same bytes")
  func ping() async throws {
    try await withTestServer { _, port in
      let connection = try RawConnection(port: port)
      try await connection.handshake()
      try await connection.send(.ping(0xfeed_face_cafe_beef))
      #expect(try await connection.nextFrame() == .pingAck(0xfeed_face_cafe_beef))
    }
  }
}
