import PledgewireClient
import PledgewireDomain
import PledgewireServer
import Testing

/// An `ImportActors` call held open after its first request — an expensive call that keeps its slot — until
/// ``finish()`` lets it half-close, or its task is cancelled (the client then sends CANCEL).
private struct HeldImport: Sendable {
  let task: Task<ImportResponse, any Error>
  let gate: AsyncStream<Void>.Continuation

  /// Returns once the call's first request is in the connection's output, behind its HEADERS.
  static func start(_ client: PledgewireClient, name: String) async -> HeldImport {
    let (gate, gateContinuation) = AsyncStream<Void>.makeStream()
    let (sent, sentContinuation) = AsyncStream<Void>.makeStream()
    let task = Task {
      try await client.actor.importActors(options: CallOptions(timeout: .seconds(30))) { writer in
        try await writer.send(CreateActorRequest(actor: validActor(name)))
        sentContinuation.yield()
        for await _ in gate { break }
        try Task.checkCancellation()
      }
    }
    for await _ in sent { break }
    return HeldImport(task: task, gate: gateContinuation)
  }

  func finish() async throws -> ImportResponse {
    gate.finish()
    return try await task.value
  }
}

@Suite("Expensive calls are bounded per connection and per server")
struct WorkLimitTests {
  static let limits = ServerConfiguration(port: 0, maxConcurrentWork: 3, maxConcurrentWorkPerConnection: 2)

  @Test("past the per-connection and the global limit, expensive calls end RESOURCE_EXHAUSTED at once; cheap calls and other connections go on")
  func limits() async throws {
    try await withDomainServer(configuration: Self.limits) { client, _ in
      let target = "\(client.target.host):\(client.target.port)"
      let other = try await PledgewireClient.connect(to: target)
      defer { other.close() }
      let actor = try await client.actor.createActor(CreateActorRequest(actor: validActor("Ukraine")))

      let first = await HeldImport.start(client, name: "Held One")
      let second = await HeldImport.start(client, name: "Held Two")
      // Frames of one connection are handled in order: both imports hold their slots before this call arrives.
      let perConnection = await rpcError {
        _ = try await client.actor.resolveActor(ResolveActorRequest(name: "Ukraine"), options: CallOptions(timeout: .seconds(10)))
      }
      #expect(perConnection?.code == .resourceExhausted)
      #expect(perConnection?.details?.reason == "TOO_MANY_EXPENSIVE_CALLS")
      // Cheap calls of the same connection are not expensive calls.
      #expect(try await client.actor.getActor(GetActorRequest(id: actor.id)).id == actor.id)

      let third = await HeldImport.start(other, name: "Held Three")
      let global = await rpcError {
        _ = try await other.actor.resolveActor(ResolveActorRequest(name: "Ukraine"), options: CallOptions(timeout: .seconds(10)))
      }
      #expect(global?.code == .resourceExhausted)
      #expect(global?.details?.reason == "SERVER_BUSY")
      #expect((global?.details?.retryAfterMs ?? 0) > 0)
      #expect(try await other.health.check(HealthCheckRequest()).status == .serving)

      // A call the client cancels gives its slot back once its handler has stopped.
      third.task.cancel()
      let cancelled = await #expect(throws: RPCError.self) { _ = try await third.task.value }
      #expect(cancelled?.code == .cancelled)
      let resolved = try await Self.eventually { try await other.actor.resolveActor(ResolveActorRequest(name: "Ukraine")) }
      #expect(resolved.candidates.first?.actor?.id == actor.id)

      // Finished calls give theirs back; nothing refused was written.
      #expect(try await first.finish().created == 1)
      #expect(try await second.finish().created == 1)
      _ = try await Self.eventually { try await client.actor.resolveActor(ResolveActorRequest(name: "Ukraine")) }
      let held = try await client.actor.resolveActor(ResolveActorRequest(name: "Held", maxCandidates: 10))
      #expect(Set(held.candidates.compactMap(\.actor?.canonicalName)) == ["Held One", "Held Two"])
    }
  }

  /// `body`'s answer, asked again while the server says it is busy — a slot is given back just after the call that
  /// held it answered (at most 50 tries, 20 ms apart).
  static func eventually<T>(_ body: () async throws -> T) async throws -> T {
    for _ in 0..<49 {
      do {
        return try await body()
      } catch let error as RPCError where error.code == .resourceExhausted {
        try await Task.sleep(for: .milliseconds(20))
      }
    }
    return try await body()
  }
}

@Suite("ResolveActor is bounded by the candidates it scores")
struct ResolveBoundTests {
  @Test("five 300-character names against 1,200 look-alike names answer within their deadline while health checks stay fast")
  func longNames() async throws {
    try await withDomainServer { client, _ in
      let stems = ["nordvik", "norland", "nortwich", "norbury", "nordale", "normark"]
      let created = try await client.actor.importActors((0..<1_200).map { index in
        CreateActorRequest(actor: validActor("\(stems[index % 6].capitalized) \(stems[(index / 6) % 6].capitalized) \(index)", kind: .organization))
      })
      #expect(created.created == 1_200)
      // 300 characters of words sharing their first three letters with every one of those names.
      let name = String((0..<40).map { stems[$0 % 6] + "x" }.joined(separator: " ").prefix(300))
      #expect(name.count == 300)
      let tooLong = await rpcError { _ = try await client.actor.resolveActor(ResolveActorRequest(name: name + "x")) }
      #expect(tooLong?.code == .invalidArgument)
      #expect(tooLong?.details?.fieldViolations.first?.field == "name")

      let target = "\(client.target.host):\(client.target.port)"
      let attacker = try await PledgewireClient.connect(to: target)
      defer { attacker.close() }
      let resolves = Task {
        try await withThrowingTaskGroup(of: Int.self) { group in
          for _ in 0..<5 {
            group.addTask {
              try await attacker.actor.resolveActor(ResolveActorRequest(name: name), options: CallOptions(timeout: .seconds(20))).candidates.count
            }
          }
          return try await group.reduce(into: [Int]()) { $0.append($1) }
        }
      }
      var healthTimes: [Duration] = []
      for _ in 0..<5 {
        let start = ContinuousClock.now
        #expect(try await client.health.check(HealthCheckRequest(), options: CallOptions(timeout: .seconds(5))).status == .serving)
        healthTimes.append(ContinuousClock.now - start)
      }
      let counts = try await resolves.value
      #expect(counts.count == 5)
      healthTimes.sort()
      #expect(healthTimes[2] < .milliseconds(100), "health checks during the resolves took \(healthTimes)")
    }
  }
}
