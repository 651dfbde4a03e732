import PledgewireServer
import PledgewireTestSupport
import PledgewireWire
import Testing

@Suite("Graceful shutdown", .serialized)
struct ShutdownTests {
  @Test("shutdown sends GOAWAY, refuses new calls with UNAVAILABLE and lets in-flight calls finish")
  func drainsInFlightCalls() async throws {
    let probe = Probe()
    let server = try startTestServer(probe: probe)
    let connection = try RawConnection(port: server.port!)
    try await connection.handshake()
    try await connection.call(Echo.Unary.descriptor, stream: 1, GetActorRequest(id: 1), metadata: ["wait-for-gate": "1"])
    #expect(await probe.wait { $0.startedCount == 1 })

    let shutdown = Task { await server.shutdown(grace: .seconds(10)) }
    guard case .goAway(let goAway) = try await connection.nextFrame() else {
      Issue.record("expected GOAWAY first")
      return
    }
    #expect(goAway.errorCode == .noError)
    #expect(goAway.lastStreamID == 1)

    try await connection.call(Echo.Unary.descriptor, stream: 3, GetActorRequest(id: 3))
    let refused = try await connection.response(stream: 3).trailers
    #expect(refused.code == .unavailable)
    probe.openGate()

    let (messages, trailers) = try await connection.response(stream: 1)
    #expect(trailers.code == .ok)
    #expect(try Actor(serializedBytes: messages[0]).id == 1)
    #expect(await connection.isClosedByServer(within: 3))
    await shutdown.value
    #expect(server.connectionCount == 0)
    #expect(throws: RawConnection.Closed.self) { try RawConnection(port: server.port ?? 1) }
  }

  @Test("health turns NOT_SERVING on shutdown and Watch streams end")
  func healthDuringShutdown() async throws {
    let server = try startTestServer()
    let connection = try RawConnection(port: server.port!)
    try await connection.handshake()
    try await connection.call(HealthService.Watch.descriptor, stream: 1, HealthCheckRequest())
    guard case .message(1, let first, _) = try await connection.nextFrame() else {
      Issue.record("expected the current status")
      return
    }
    #expect(try HealthCheckResponse(serializedBytes: first).status == .serving)

    await server.shutdown(grace: .seconds(3))
    let (messages, trailers) = try await connection.response(stream: 1)
    #expect(try messages.map { try HealthCheckResponse(serializedBytes: $0).status } == [.notServing])
    #expect(trailers.code == .ok)
  }
}

@Suite("Built-in services", .serialized)
struct BuiltinServiceTests {
  @Test("Health Check reports the server and its services, and NOT_FOUND for others")
  func healthCheck() async throws {
    try await withTestServer { _, port in
      let connection = try RawConnection(port: port)
      try await connection.handshake()
      for (stream, service, expected) in [(1, "", StatusCode.ok), (3, Echo.service, .ok), (5, "no.such.Service", .notFound)] as [(UInt32, String, StatusCode)] {
        try await connection.call(HealthService.Check.descriptor, stream: stream, HealthCheckRequest(service: service))
        let (messages, trailers) = try await connection.response(stream: stream)
        #expect(trailers.code == expected, "\(service)")
        if expected == .ok {
          #expect(try HealthCheckResponse(serializedBytes: messages[0]).status == .serving)
        }
      }
    }
  }

  @Test("Health Watch reports changes as they happen")
  func healthWatch() async throws {
    try await withTestServer { server, port in
      let connection = try RawConnection(port: port)
      try await connection.handshake()
      try await connection.call(HealthService.Watch.descriptor, stream: 1, HealthCheckRequest(service: Echo.service))
      guard case .message(1, let first, _) = try await connection.nextFrame() else { return }
      #expect(try HealthCheckResponse(serializedBytes: first).status == .serving)
      server.health.setStatus(.notServing, for: Echo.service)
      guard case .message(1, let second, _) = try await connection.nextFrame() else { return }
      #expect(try HealthCheckResponse(serializedBytes: second).status == .notServing)
      try await connection.send(.cancel(streamID: 1, Cancel(errorCode: .cancel)))
    }
  }

  @Test("Reflection lists every served method with its streaming kind")
  func reflection() async throws {
    try await withTestServer { _, port in
      let connection = try RawConnection(port: port)
      try await connection.handshake()
      try await connection.call(ReflectionService.ListServices.descriptor, stream: 1, ListServicesRequest())
      let (messages, trailers) = try await connection.response(stream: 1)
      #expect(trailers.code == .ok)
      let response = try ListServicesResponse(serializedBytes: messages[0])
      #expect(response.protocolVersion == "1.0")
      let services = Dictionary(uniqueKeysWithValues: response.services.map { ($0.name, $0) })
      #expect(services.keys.sorted() == ["pledgewire.v1.HealthService", "pledgewire.v1.ReflectionService", "pledgewire.v1.StatsService", "test.v1.Echo"])
      let echo = try #require(services["test.v1.Echo"])
      #expect(echo.methods.map(\.name) == ["Collect", "Expand", "Hold", "Lookup", "Sleep", "Unary", "Unavailable", "UnavailableWrite"])
      #expect(echo.methods.map(\.kind) == [.clientStreaming, .serverStreaming, .clientStreaming, .unary, .unary, .unary, .unary, .unary])
      #expect(services["pledgewire.v1.HealthService"]?.methods.first { $0.name == "Watch" }?.kind == .serverStreaming)
    }
  }

  @Test("statistics count calls by method and status, with latency")
  func statistics() async throws {
    try await withTestServer { _, port in
      let connection = try RawConnection(port: port)
      try await connection.handshake()
      for index in 0..<20 {
        try await connection.call(Echo.Unary.descriptor, stream: UInt32(2 * index + 1), GetActorRequest(id: Int64(index)))
        _ = try await connection.response(stream: UInt32(2 * index + 1))
      }
      try await connection.send(.requestHeaders(streamID: 41, RequestHeaders(method: Echo.Unary.descriptor.fullName), endStream: true))
      _ = try await connection.response(stream: 41)
      try await connection.call(StatsService.GetServerStats.descriptor, stream: 43, GetServerStatsRequest())
      let (messages, _) = try await connection.response(stream: 43)
      let stats = try ServerStats(serializedBytes: messages[0])
      let unary = try #require(stats.methods.first { $0.method == Echo.Unary.descriptor.fullName })
      #expect(unary.calls == 21)
      #expect(unary.statuses.contains(StatusCount(code: .ok, count: 20)))
      #expect(unary.statuses.contains(StatusCount(code: .internal, count: 1)))
      #expect(unary.latency?.count == 21)
      #expect((unary.latency?.maxUs ?? 0) > 0)
      #expect(stats.connectionsOpen == 1)
      #expect(stats.connectionsAccepted >= 1)
      #expect(stats.streamsOpen == 1)  // the GetServerStats call itself
      #expect(stats.bytesReceived > 0 && stats.bytesSent > 0)
    }
  }
}
