import PledgewireClient
import PledgewireDomain
import Testing

@Suite("WatchPledges over TCP")
struct WatchTests {
  /// Reads `count` events from an iterator.
  static func take(_ count: Int, from iterator: inout ResponseStream<PledgeEvent>.AsyncIterator) async throws -> [PledgeEvent] {
    var events: [PledgeEvent] = []
    while events.count < count, let event = try await iterator.next() {
      events.append(event)
    }
    return events
  }

  @Test("Watch delivers created and changed pledges, in order, that match its filter")
  func liveEvents() async throws {
    try await withDomainServer { client, _ in
      let world = try await World.make(client)
      let iterator = client.pledge.watchPledges(WatchPledgesRequest(filter: PledgeFilter(categories: [.financialAid]))).makeAsyncIterator()
      // The stream opens on the first next(); let it register before the writes.
      let first = Task { [iterator] in
        var iterator = iterator
        return try await Self.take(3, from: &iterator)
      }
      try await Task.sleep(for: .milliseconds(200))
      let a = try await client.pledge.createPledge(CreatePledgeRequest(pledge: world.pledge()))
      var other = world.pledge()
      other.category = .sanctions
      _ = try await client.pledge.createPledge(CreatePledgeRequest(pledge: other))
      _ = try await client.pledge.updatePledgeStatus(UpdatePledgeStatusRequest(pledgeID: a.id, status: .inProgress, note: "go"))
      let b = try await client.pledge.createPledge(CreatePledgeRequest(pledge: world.pledge()))
      let events = try await first.value
      #expect(events.map(\.kind) == [.created, .statusChanged, .created])
      #expect(events.map { $0.pledge?.id } == [a.id, a.id, b.id])
      #expect(events[1].pledge?.status == .inProgress)
      #expect(events.map(\.sequence) == events.map(\.sequence).sorted())
      #expect(events.allSatisfy { !$0.resumeToken.isEmpty })
      _ = iterator
    }
  }

  @Test("a client that reconnects with its resume token gets exactly the events it missed, then live ones")
  func resume() async throws {
    try await withDomainServer { client, _ in
      let world = try await World.make(client)
      let pledge = try await client.pledge.createPledge(CreatePledgeRequest(pledge: world.pledge()))
      // Replay from the very first event gives the creation.
      var replay = client.pledge.watchPledges(WatchPledgesRequest(resumeToken: "e0")).makeAsyncIterator()
      let created = try await Self.take(1, from: &replay)
      #expect(created.map { $0.pledge?.id } == [pledge.id])
      let token = created[0].resumeToken

      // While the client is away, three changes happen.
      for status in [PledgeStatus.inProgress, .stalled, .inProgress] {
        _ = try await client.pledge.updatePledgeStatus(UpdatePledgeStatusRequest(pledgeID: pledge.id, status: status))
      }
      var resumed = client.pledge.watchPledges(WatchPledgesRequest(resumeToken: token)).makeAsyncIterator()
      let missed = try await Self.take(3, from: &resumed)
      #expect(missed.map { $0.pledge?.status } == [.inProgress, .stalled, .inProgress])
      #expect(missed.map(\.sequence) == [created[0].sequence + 1, created[0].sequence + 2, created[0].sequence + 3])

      // Then live ones on the same stream.
      let next = Task { [resumed] in
        var resumed = resumed
        return try await Self.take(1, from: &resumed)
      }
      _ = try await client.pledge.updatePledgeStatus(UpdatePledgeStatusRequest(pledgeID: pledge.id, status: .fulfilled))
      let live = try await next.value
      #expect(live.map { $0.pledge?.status } == [.fulfilled])
      #expect(live[0].sequence == missed[2].sequence + 1)
      _ = (replay, resumed)
    }
  }

  @Test("bad resume tokens are INVALID_ARGUMENT")
  func badTokens() async throws {
    try await withDomainServer { client, _ in
      for token in ["nonsense", "e99999"] {
        var iterator = client.pledge.watchPledges(WatchPledgesRequest(resumeToken: token)).makeAsyncIterator()
        let error = await rpcError { _ = try await iterator.next() }
        #expect(error?.code == .invalidArgument)
        #expect(error?.details?.fieldViolations.first?.field == "resume_token")
      }
    }
  }

  @Test("Watch streams end with UNAVAILABLE when the server shuts down")
  func shutdownEndsWatch() async throws {
    let hub = PledgeEventHub()
    let stream = hub.subscribe()
    hub.finishAll()
    var iterator = stream.makeAsyncIterator()
    let error = await rpcError { _ = try await iterator.next() }
    #expect(error?.code == .unavailable)
    let late = hub.subscribe()
    var lateIterator = late.makeAsyncIterator()
    #expect(await rpcError { _ = try await lateIterator.next() }?.code == .unavailable)
  }
}
