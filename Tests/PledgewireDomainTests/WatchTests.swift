import PledgewireClient
import PledgewireDomain
import Testing

@Suite("WatchPledges over TCP")
struct WatchTests {
  @Test("Watch delivers created and changed pledges, in order, that match its filter")
  func liveEvents() async throws {
    try await withDomainServer { client, services in
      let world = try await World.make(client)
      let watch = try await WatchRecorder.fromNow(client, services, filter: PledgeFilter(categories: [.financialAid]))
      let a = try await client.pledge.createPledge(CreatePledgeRequest(pledge: world.pledge()))
      var other = world.pledge()
      other.category = .sanctions
      _ = try await client.pledge.createPledge(CreatePledgeRequest(pledge: other))
      _ = try await client.pledge.updatePledgeStatus(UpdatePledgeStatusRequest(pledgeID: a.id, status: .inProgress, note: "go"))
      let b = try await client.pledge.createPledge(CreatePledgeRequest(pledge: world.pledge()))
      let events = try await watch.next(3)
      #expect(events.map(\.kind) == [.created, .statusChanged, .created])
      #expect(events.map { $0.pledge?.id } == [a.id, a.id, b.id])
      #expect(events[1].pledge?.status == .inProgress)
      #expect(events.map(\.sequence) == events.map(\.sequence).sorted())
      #expect(events.allSatisfy { !$0.resumeToken.isEmpty })
      await watch.stop()
    }
  }

  @Test("a client that reconnects with its resume token gets exactly the events it missed, then live ones")
  func resume() async throws {
    try await withDomainServer { client, _ in
      let world = try await World.make(client)
      let pledge = try await client.pledge.createPledge(CreatePledgeRequest(pledge: world.pledge()))
      // Replay from the very first event gives the creation.
      let replay = WatchRecorder(client.pledge.watchPledges(WatchPledgesRequest(resumeToken: "e0")))
      let created = try await replay.next(1)
      #expect(created.map { $0.pledge?.id } == [pledge.id])
      let token = created[0].resumeToken
      await replay.stop()

      // While the client is away, three changes happen.
      let evidence = Evidence(articleID: world.article.id, quote: "Paris promised troops", stance: .progress)
      _ = try await client.pledge.updatePledgeStatus(UpdatePledgeStatusRequest(pledgeID: pledge.id, status: .inProgress))
      _ = try await client.pledge.updatePledgeStatus(UpdatePledgeStatusRequest(pledgeID: pledge.id, status: .stalled, evidence: evidence))
      _ = try await client.pledge.updatePledgeStatus(UpdatePledgeStatusRequest(pledgeID: pledge.id, status: .inProgress))
      let resumed = WatchRecorder(client.pledge.watchPledges(WatchPledgesRequest(resumeToken: token)))
      let missed = try await resumed.next(3)
      #expect(missed.map { $0.pledge?.status } == [.inProgress, .stalled, .inProgress])
      #expect(missed.map(\.sequence) == [created[0].sequence + 1, created[0].sequence + 2, created[0].sequence + 3])

      // Then live ones on the same stream.
      _ = try await client.pledge.updatePledgeStatus(UpdatePledgeStatusRequest(
        pledgeID: pledge.id, status: .fulfilled, evidence: Evidence(articleID: world.article.id, quote: "Zürich stayed quiet.", stance: .fulfils)
      ))
      let live = try await resumed.next(1)
      #expect(live.map { $0.pledge?.status } == [.fulfilled])
      #expect(live[0].sequence == missed[2].sequence + 1)
      await resumed.stop()
    }
  }

  @Test("Watch reports edits, evidence, merges and deletions with their kinds; a merged or deleted pledge still matches its filter")
  func ledgerEvents() async throws {
    try await withDomainServer { client, services in
      let world = try await World.make(client)
      let survivor = try await client.pledge.createPledge(CreatePledgeRequest(pledge: world.pledge()))
      let duplicate = try await client.pledge.createPledge(CreatePledgeRequest(pledge: world.pledge(quote: "Zürich stayed quiet.")))
      let doomed = try await client.pledge.createPledge(CreatePledgeRequest(pledge: world.pledge()))
      let watch = try await WatchRecorder.fromNow(client, services, filter: PledgeFilter(actorID: world.maker))
      var edit = survivor
      edit.action = "pay 1.5 billion pounds"
      _ = try await client.pledge.updatePledge(UpdatePledgeRequest(pledge: edit, updateMask: ["action"]))
      _ = try await client.pledge.addEvidence(AddEvidenceRequest(
        pledgeID: survivor.id, evidence: Evidence(articleID: world.article.id, quote: "Paris promised troops", stance: .reports)
      ))
      _ = try await client.pledge.mergePledges(MergePledgesRequest(survivorID: survivor.id, duplicateID: duplicate.id))
      _ = try await client.pledge.deletePledge(DeletePledgeRequest(id: doomed.id))
      let events = try await watch.next(5)
      #expect(events.map(\.kind) == [.updated, .evidenceAdded, .updated, .merged, .deleted])
      #expect(events.map { $0.pledge?.id } == [survivor.id, survivor.id, survivor.id, duplicate.id, doomed.id])
      #expect(events[3].pledge?.mergedIntoID == survivor.id)
      #expect(events[4].pledge?.action == doomed.action)
      await watch.stop()
    }
  }

  @Test("bad resume tokens are INVALID_ARGUMENT")
  func badTokens() async throws {
    try await withDomainServer { client, _ in
      for token in ["nonsense", "e99999"] {
        let watch = WatchRecorder(client.pledge.watchPledges(WatchPledgesRequest(resumeToken: token)))
        let error = try await watch.error() as? RPCError
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
