import PledgewireServer
import PledgewireTestSupport
import PledgewireWire
import Testing

@Suite("Connection churn", .serialized)
struct ChurnTests {
  /// libdispatch keys its epoll bookkeeping by fd number, and the kernel reuses numbers at once: a new connection
  /// often gets the number of one closed a moment ago, on this server or another. Every one must still be served.
  @Test("400 short connections across two servers, with fds reused at once, are all served")
  func churn() async throws {
    let servers = try (0..<2).map { _ in try startTestServer() }
    try await withThrowingTaskGroup(of: Int.self) { group in
      for server in servers {
        let port = server.port!
        group.addTask {
          var served = 0
          for round in 0..<200 {
            let connection = try RawConnection(port: port)
            try await connection.handshake()
            try await connection.call(Echo.Unary.descriptor, stream: 1, GetActorRequest(id: Int64(round)))
            let (messages, trailers) = try await connection.response(stream: 1, timeout: 5)
            #expect(trailers.code == .ok)
            #expect(try Actor(serializedBytes: messages[0]).id == Int64(round))
            served += 1
          }
          return served
        }
      }
      var total = 0
      for try await served in group {
        total += served
      }
      #expect(total == 400)
    }
    for server in servers {
      await server.shutdown(grace: .seconds(1))
    }
  }

  @Test("connections closed while paused for backpressure leave their fds fit for the next connection")
  func churnWhilePaused() async throws {
    let server = try startTestServer(ServerConfiguration(maxPendingOutputBytes: 32 << 10))
    let port = server.port!
    for round in 0..<30 {
      // A client that stops reading: the server pauses its read source, then the client vanishes.
      let slow = try RawConnection(port: port)
      try await slow.handshake()
      var frames: [Frame] = []
      for index in 0..<200 {
        let stream = UInt32(2 * index + 1)
        frames.append(.requestHeaders(streamID: stream, RequestHeaders(method: Echo.Expand.descriptor.fullName), endStream: false))
        frames.append(.message(streamID: stream, GetActorRequest(id: 50).serializedBytes(), endStream: true))
      }
      try await slow.send(frames)
      try await Task.sleep(for: .milliseconds(20))
      _ = slow  // closed here, with the server's read source suspended

      let next = try RawConnection(port: port)
      try await next.handshake()
      try await next.call(Echo.Unary.descriptor, stream: 1, GetActorRequest(id: Int64(round)))
      #expect(try await next.response(stream: 1, timeout: 5).trailers.code == .ok, "round \(round)")
    }
    await server.shutdown(grace: .seconds(1))
  }
}
