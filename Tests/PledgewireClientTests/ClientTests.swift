import PledgewireClient
import PledgewireServer
import PledgewireTestSupport
import PledgewireTransport
import Testing

extension Result {
  var error: Failure? {
    if case .failure(let error) = self { return error }
    return nil
  }
}

@Suite("Client library against the real server", .serialized)
struct ClientTests {
  @Test("2,000 calls from 200 tasks share one connection and all get their own answer")
  func manyTasksOneConnection() async throws {
    try await withTestServer { server, port in
      try await withPledgewireClient("127.0.0.1:\(port)") { client in
        try await withThrowingTaskGroup(of: Void.self) { group in
          for task in 0..<200 {
            group.addTask {
              for call in 0..<10 {
                let id = Int64(task * 100 + call)
                let actor = try await client.unary(Echo.Unary.self, GetActorRequest(id: id))
                #expect(actor.id == id)
              }
            }
          }
          try await group.waitForAll()
        }
        #expect(server.connectionCount == 1)
      }
    }
  }

  @Test("calls beyond the server's stream limit wait in the client instead of being refused")
  func queuesBeyondStreamLimit() async throws {
    let probe = Probe()
    try await withTestServer(ServerConfiguration(maxConcurrentStreams: 2), probe: probe) { _, port in
      try await withPledgewireClient("127.0.0.1:\(port)") { client in
        _ = try await client.health.check(HealthCheckRequest())  // SETTINGS have arrived
        try await withThrowingTaskGroup(of: Int64.self) { group in
          for id in 0..<10 as Range<Int64> {
            group.addTask {
              try await client.unary(Echo.Unary.self, GetActorRequest(id: id), options: CallOptions(metadata: ["wait-for-gate": "1"])).id
            }
          }
          #expect(await probe.wait { $0.startedCount == 2 })
          try await Task.sleep(for: .milliseconds(100))
          #expect(probe.startedCount == 2, "only two calls may run on the server at once")
          probe.openGate()
          var ids: [Int64] = []
          for try await id in group {
            ids.append(id)
          }
          #expect(ids.sorted() == Array(0..<10))
        }
      }
    }
  }

  @Test("each call's deadline ends it with DEADLINE_EXCEEDED on the client's clock, and the handler is cancelled")
  func deadline() async throws {
    let probe = Probe()
    let clock = ManualClock()
    var configuration = ClientConfiguration()
    configuration.clock = .manual(clock)
    try await withTestServer(probe: probe) { _, port in
      try await withPledgewireClient("127.0.0.1:\(port)", configuration: configuration) { client in
        // Two calls in turn on the same connection: the second deadline must fire as the first did.
        for id in [3, 4] as [Int64] {
          let call = Task {
            try await client.unary(Echo.Sleep.self, GetActorRequest(id: id), options: CallOptions(timeout: .seconds(30)))
          }
          #expect(await probe.wait { $0.startedCount == Int(id) - 2 })
          clock.advance(by: .seconds(29))
          // Still running: the server's own deadline is 30 real seconds away, the client's 1 manual second.
          #expect(await probe.wait(timeout: 0.05) { $0.cancelledIDs.contains(id) } == false)
          clock.advance(by: .seconds(1))
          let result = await call.result
          #expect((result.error as? RPCError)?.code == .deadlineExceeded, "call \(id): \(result)")
          #expect(await probe.wait { $0.cancelledIDs.contains(id) }, "the client's CANCEL stops the handler")
        }
      }
    }
  }

  @Test("cancelling the calling task sends CANCEL: the handler on the server stops")
  func taskCancellation() async throws {
    let probe = Probe()
    try await withTestServer(probe: probe) { _, port in
      try await withPledgewireClient("127.0.0.1:\(port)") { client in
        let task = Task {
          try await client.unary(Echo.Sleep.self, GetActorRequest(id: 4))
        }
        #expect(await probe.wait { $0.startedCount == 1 })
        task.cancel()
        let result = await task.result
        #expect(throws: RPCError.self) { try result.get() }
        if case .failure(let error as RPCError) = result {
          #expect(error.code == .cancelled)
        }
        #expect(await probe.wait { $0.cancelledIDs == [4] })
        // The connection is still good.
        let afterCancel = try await client.unary(Echo.Unary.self, GetActorRequest(id: 5))
        #expect(afterCancel.id == 5)
      }
    }
  }

  @Test("server streaming: 10,000 messages in order; leaving the loop early cancels the call")
  func serverStreaming() async throws {
    try await withTestServer { server, port in
      try await withPledgewireClient("127.0.0.1:\(port)") { client in
        var expected: Int64 = 1
        for try await actor in client.serverStreaming(Echo.Expand.self, GetActorRequest(id: 10_000)) {
          #expect(actor.id == expected)
          expected += 1
        }
        #expect(expected == 10_001)

        for try await actor in client.serverStreaming(Echo.Expand.self, GetActorRequest(id: 1_000_000)) {
          if actor.id == 10 { break }
        }
        // The abandoned stream was cancelled: the server's stream count falls back to zero.
        var open = UInt32.max
        for _ in 0..<100 where open != 1 {
          open = try await client.stats.getServerStats(GetServerStatsRequest()).streamsOpen
          try await Task.sleep(for: .milliseconds(20))
        }
        #expect(open == 1)  // just the GetServerStats call
        _ = server
      }
    }
  }

  @Test("client streaming: 10,000 messages from a sequence and through a writer")
  func clientStreaming() async throws {
    try await withTestServer { _, port in
      try await withPledgewireClient("127.0.0.1:\(port)") { client in
        let summary = try await client.clientStreaming(Echo.Collect.self, requests: (1...10_000).map { GetActorRequest(id: Int64($0)) })
        #expect(summary.received == 10_000)
        #expect(summary.created == UInt32(10_000 * 10_001 / 2))

        let written = try await client.clientStreaming(Echo.Collect.self) { writer in
          for id in 1...500 {
            try await writer.send(GetActorRequest(id: Int64(id)))
          }
        }
        #expect(written.received == 500)

        let empty = try await client.clientStreaming(Echo.Collect.self, requests: [GetActorRequest]())
        #expect(empty.received == 0)
      }
    }
  }

  @Test("a failing request stream cancels the call and rethrows")
  func clientStreamingBodyFails() async throws {
    struct Stop: Error {}
    try await withTestServer { _, port in
      try await withPledgewireClient("127.0.0.1:\(port)") { client in
        await #expect(throws: Stop.self) {
          try await client.clientStreaming(Echo.Collect.self) { writer in
            try await writer.send(GetActorRequest(id: 1))
            throw Stop()
          }
        }
        let afterFailedStream = try await client.unary(Echo.Unary.self, GetActorRequest(id: 2))
        #expect(afterFailedStream.id == 2)
      }
    }
  }

  @Test("server errors arrive as RPCError with code, message and details")
  func serverErrors() async throws {
    try await withTestServer { _, port in
      try await withPledgewireClient("127.0.0.1:\(port)") { client in
        let notFound = await #expect(throws: RPCError.self) {
          try await client.health.check(HealthCheckRequest(service: "no.Such"))
        }
        #expect(notFound?.code == .notFound)
        #expect(notFound?.description == "NOT_FOUND: service no.Such is not served here")

        let unimplemented = await #expect(throws: RPCError.self) {
          try await client.actor.getActor(GetActorRequest(id: 1))
        }
        #expect(unimplemented?.code == .unimplemented)
        #expect(unimplemented?.message.contains("/pledgewire.v1.ActorService/GetActor") == true)
      }
    }
  }

  @Test("connecting to nothing is UNAVAILABLE; a malformed target is INVALID_ARGUMENT")
  func connectErrors() async throws {
    let refused = await #expect(throws: RPCError.self) {
      _ = try await PledgewireClient.connect(to: "127.0.0.1:1")
    }
    #expect(refused?.code == .unavailable)
    let malformed = await #expect(throws: RPCError.self) {
      _ = try await PledgewireClient.connect(to: "127.0.0.1:notaport")
    }
    #expect(malformed?.code == .invalidArgument)
    #expect(Target("[::1]:8080") == Target(host: "::1", port: 8080))
    #expect(Target("example.org") == Target(host: "example.org", port: 7979))
  }

  @Test("a server restart fails calls in flight with UNAVAILABLE; later calls reconnect")
  func serverRestart() async throws {
    let probe = Probe()
    var server = try startTestServer(probe: probe)
    let port = server.port!
    let configuration = ClientConfiguration(reconnectBackoff: Backoff(initial: .milliseconds(20), maximum: .milliseconds(200)))
    let client = try await PledgewireClient.connect(to: "127.0.0.1:\(port)", configuration: configuration)
    let beforeRestart = try await client.unary(Echo.Unary.self, GetActorRequest(id: 1))
    #expect(beforeRestart.id == 1)

    let inFlight = Task { try await client.unary(Echo.Sleep.self, GetActorRequest(id: 2)) }
    #expect(await probe.wait { $0.startedCount == 1 })
    await server.shutdown(grace: .milliseconds(100))
    let failure = await inFlight.result
    if case .failure(let error as RPCError) = failure {
      #expect(error.code == .unavailable)
    } else {
      Issue.record("expected UNAVAILABLE, got \(failure)")
    }

    // Down: fail fast with UNAVAILABLE.
    let down = await #expect(throws: RPCError.self) {
      try await client.unary(Echo.Unary.self, GetActorRequest(id: 3))
    }
    #expect(down?.code == .unavailable)

    // Back on the same port: an idempotent call with retries rides out the backoff.
    server = try startTestServer(probe: probe, port: port)
    let retry = CallOptions(timeout: .seconds(5), retry: RetryPolicy(maxAttempts: 20))
    let health = try await client.health.check(HealthCheckRequest(), options: retry)
    #expect(health.status == .serving)
    let afterRestart = try await client.unary(Echo.Unary.self, GetActorRequest(id: 4))
    #expect(afterRestart.id == 4)
    client.close()
    await server.shutdown(grace: .seconds(1))
  }

  @Test("retries apply only to idempotent methods, after UNAVAILABLE, up to the policy's attempts")
  func retriesOnlyIdempotent() async throws {
    let probe = Probe()
    try await withTestServer(probe: probe) { _, port in
      try await withPledgewireClient("127.0.0.1:\(port)") { client in
        let options = CallOptions(timeout: .seconds(10), retry: RetryPolicy(maxAttempts: 3, backoff: Backoff(initial: .milliseconds(1), maximum: .milliseconds(2))))
        // Not idempotent: the server sees it once.
        let write = await #expect(throws: RPCError.self) { try await client.unary(Echo.UnavailableWrite.self, GetActorRequest(), options: options) }
        #expect(write?.code == .unavailable)
        #expect(probe.startedCount == 1)
        // Idempotent: three attempts, then the last error.
        let read = await #expect(throws: RPCError.self) { try await client.unary(Echo.Unavailable.self, GetActorRequest(), options: options) }
        #expect(read?.code == .unavailable)
        #expect(probe.startedCount == 4)
        // Without a policy, no retry at all.
        _ = await #expect(throws: RPCError.self) { try await client.unary(Echo.Unavailable.self, GetActorRequest()) }
        #expect(probe.startedCount == 5)
      }
    }
    #expect(ActorService.GetActor.descriptor.isIdempotent)
    #expect(!ActorService.CreateActor.descriptor.isIdempotent)
  }

  @Test("a pool spreads calls over its connections")
  func pool() async throws {
    try await withTestServer { server, port in
      try await withPledgewireClient("127.0.0.1:\(port)", configuration: ClientConfiguration(connections: 4)) { client in
        // connect() returns once the sockets are connected; the server registers them as it accepts them.
        for _ in 0..<200 where server.connectionCount < 4 {
          try await Task.sleep(for: .milliseconds(10))
        }
        #expect(server.connectionCount == 4)
        try await withThrowingTaskGroup(of: Void.self) { group in
          for id in 0..<100 {
            group.addTask {
              let actor = try await client.unary(Echo.Unary.self, GetActorRequest(id: Int64(id)))
              #expect(actor.id == Int64(id))
            }
          }
          try await group.waitForAll()
        }
      }
    }
  }

  @Test("a graceful server shutdown lets a call in flight finish")
  func goAwayDrain() async throws {
    let probe = Probe()
    let server = try startTestServer(probe: probe)
    let client = try await PledgewireClient.connect(to: "127.0.0.1:\(server.port!)")
    let call = Task {
      try await client.unary(Echo.Unary.self, GetActorRequest(id: 8), options: CallOptions(metadata: ["wait-for-gate": "1"]))
    }
    #expect(await probe.wait { $0.startedCount == 1 })
    let shutdown = Task { await server.shutdown(grace: .seconds(10)) }
    try await Task.sleep(for: .milliseconds(100))
    probe.openGate()
    #expect(try await call.value.id == 8)
    await shutdown.value
    client.close()
  }
}
