import PledgewireClient
import PledgewireDomain
import Testing

@Suite("MergePledges, DeletePledge and FindSimilarPledges over TCP")
struct PledgeMergeTests {
  @Test("merge unions evidence, history, parties and labels into the survivor; the duplicate becomes a tombstone Get resolves")
  func merge() async throws {
    try await withDomainServer { client, _ in
      let world = try await World.make(client)
      let france = try await client.actor.createActor(CreateActorRequest(actor: validActor("France")))
      var first = world.pledge()
      first.labels = ["a"]
      let survivor = try await client.pledge.createPledge(CreatePledgeRequest(pledge: first))
      var second = world.pledge(quote: "Paris promised troops")
      second.evidence.append(Evidence(articleID: world.article.id, quote: "London pledged 1.5 billion pounds", stance: .reports))
      second.parties.append(PledgeParty(actorID: france.id, role: .maker))
      second.labels = ["b", "a"]
      let duplicate = try await client.pledge.createPledge(CreatePledgeRequest(pledge: second))
      _ = try await client.pledge.updatePledgeStatus(UpdatePledgeStatusRequest(pledgeID: duplicate.id, status: .inProgress, note: "moving"))
      // A pledge that is a point of the duplicate becomes a point of the survivor.
      var pointDraft = world.pledge(quote: "Zürich stayed quiet.")
      pointDraft.partOfID = duplicate.id
      let point = try await client.pledge.createPledge(CreatePledgeRequest(pledge: pointDraft))

      let merged = try await client.pledge.mergePledges(MergePledgesRequest(survivorID: survivor.id, duplicateID: duplicate.id, survivorVersion: 1, duplicateVersion: 2))
      #expect(merged.version == 2 && merged.mergedIDs == [duplicate.id])
      // The quote both had is kept once; the duplicate's other quote moved.
      #expect(merged.evidence.map(\.quote) == ["London pledged 1.5 billion pounds", "Paris promised troops"])
      #expect(merged.parties.map(\.actorID) == [world.maker, world.beneficiary, france.id])
      #expect(merged.labels == ["a", "b"])
      #expect(merged.status == .announced)
      #expect(merged.history.count == 3)
      #expect(merged.history.map(\.note) == ["recorded", "pledge \(duplicate.id): recorded", "pledge \(duplicate.id): moving"])

      let tombstone = try await client.pledge.getPledge(GetPledgeRequest(id: duplicate.id))
      #expect(tombstone.mergedIntoID == survivor.id && tombstone.version == 3)
      #expect(tombstone.evidence.isEmpty && tombstone.history.isEmpty && tombstone.action == duplicate.action)
      #expect(try await client.pledge.getPledge(GetPledgeRequest(id: point.id)).partOfID == survivor.id)
      // Tombstones never match a list.
      let listed = try await client.pledge.listPledges(ListPledgesRequest(pageSize: 100)).pledges.map(\.id)
      #expect(Set(listed) == [survivor.id, point.id])
      // A tombstone cannot change.
      let changed = await rpcError { _ = try await client.pledge.updatePledgeStatus(UpdatePledgeStatusRequest(pledgeID: duplicate.id, status: .withdrawn)) }
      #expect(changed?.code == .failedPrecondition && changed?.details?.reason == "MERGED" && changed?.details?.existingID == survivor.id)

      // Merging the survivor into another flattens the tombstone: it names the last survivor.
      let third = try await client.pledge.createPledge(CreatePledgeRequest(pledge: world.pledge()))
      _ = try await client.pledge.mergePledges(MergePledgesRequest(survivorID: third.id, duplicateID: survivor.id))
      #expect(try await client.pledge.getPledge(GetPledgeRequest(id: duplicate.id)).mergedIntoID == third.id)
      #expect(Set(try await client.pledge.getPledge(GetPledgeRequest(id: third.id)).mergedIDs) == [survivor.id, duplicate.id])
    }
  }

  @Test("merge refusals: itself, a tombstone, stale versions, missing pledges, a plan into its own point")
  func mergeRefusals() async throws {
    try await withDomainServer { client, services in
      let world = try await World.make(client)
      let plan = try await client.pledge.createPledge(CreatePledgeRequest(pledge: world.pledge()))
      var pointDraft = world.pledge(quote: "Paris promised troops")
      pointDraft.partOfID = plan.id
      let point = try await client.pledge.createPledge(CreatePledgeRequest(pledge: pointDraft))
      let other = try await client.pledge.createPledge(CreatePledgeRequest(pledge: world.pledge()))
      let events = try await services.store.latestEventSequence()
      func merge(_ survivor: Int64, _ duplicate: Int64, _ survivorVersion: Int64 = 0) async -> RPCError? {
        await rpcError { _ = try await client.pledge.mergePledges(MergePledgesRequest(survivorID: survivor, duplicateID: duplicate, survivorVersion: survivorVersion)) }
      }
      #expect(await merge(plan.id, plan.id)?.details?.fieldViolations.first?.field == "duplicate_id")
      #expect(await merge(0, plan.id)?.details?.fieldViolations.first?.field == "survivor_id")
      let missing = await merge(plan.id, 999)
      #expect(missing?.code == .notFound && missing?.details?.fieldViolations.first?.field == "duplicate_id")
      #expect(await merge(plan.id, other.id, 9)?.code == .aborted)
      // The point would become part of itself.
      let cycle = await merge(point.id, plan.id)
      #expect(cycle?.code == .failedPrecondition && cycle?.details?.reason == "MERGE_CYCLE")
      #expect(try await services.store.latestEventSequence() == events)
      // The other way round is fine: the plan absorbs its point.
      _ = try await client.pledge.mergePledges(MergePledgesRequest(survivorID: plan.id, duplicateID: point.id))
      let tombstone = await merge(other.id, point.id)
      #expect(tombstone?.code == .failedPrecondition && tombstone?.details?.reason == "MERGED")
    }
  }

  @Test("delete removes a pledge with its evidence and tombstones, is refused while linked, and ids are never reused")
  func delete() async throws {
    try await withDomainServer { client, services in
      let world = try await World.make(client)
      let plan = try await client.pledge.createPledge(CreatePledgeRequest(pledge: world.pledge()))
      var pointDraft = world.pledge()
      pointDraft.partOfID = plan.id
      let point = try await client.pledge.createPledge(CreatePledgeRequest(pledge: pointDraft))
      let duplicate = try await client.pledge.createPledge(CreatePledgeRequest(pledge: world.pledge()))
      _ = try await client.pledge.mergePledges(MergePledgesRequest(survivorID: plan.id, duplicateID: duplicate.id))

      let linked = await rpcError { _ = try await client.pledge.deletePledge(DeletePledgeRequest(id: plan.id)) }
      #expect(linked?.code == .failedPrecondition && linked?.details?.reason == "PLEDGE_REFERENCED")
      #expect(linked?.message.contains("\(point.id)") == true)
      #expect(await rpcError { _ = try await client.pledge.deletePledge(DeletePledgeRequest(id: point.id, expectedVersion: 5)) }?.code == .aborted)
      _ = try await client.pledge.deletePledge(DeletePledgeRequest(id: point.id, expectedVersion: 1))
      _ = try await client.pledge.deletePledge(DeletePledgeRequest(id: plan.id))
      for id in [plan.id, point.id, duplicate.id] {
        #expect(await rpcError { _ = try await client.pledge.getPledge(GetPledgeRequest(id: id)) }?.code == .notFound)
      }
      #expect(await rpcError { _ = try await client.pledge.deletePledge(DeletePledgeRequest(id: plan.id)) }?.code == .notFound)
      #expect(try await services.store.integrityCheck() == ["ok"])
      // The newest id was deleted; the next pledge still gets a new one.
      let next = try await client.pledge.createPledge(CreatePledgeRequest(pledge: world.pledge()))
      #expect(next.id > duplicate.id)
      #expect(next.evidence[0].id > 3)
      // The article the deleted evidence cited can now go without force.
      _ = try await client.pledge.deletePledge(DeletePledgeRequest(id: next.id))
      _ = try await client.article.deleteArticle(DeleteArticleRequest(id: world.article.id))
    }
  }

  @Test("FindSimilarPledges ranks a re-report first, with reasons, and leaves out unrelated pledges")
  func similar() async throws {
    try await withDomainServer(sample: true) { client, _ in
      let uk = try await actorID(client, "United Kingdom")
      let france = try await actorID(client, "France")
      let draft = Pledge(
        parties: [PledgeParty(actorID: uk, role: .maker), PledgeParty(actorID: france, role: .maker)],
        action: "deploy British and French troops in Ukraine to keep the peace", category: .troopDeployment,
        madeAtMs: 1_741_046_400_000
      )
      let found = try await client.pledge.findSimilarPledges(FindSimilarPledgesRequest(pledge: draft)).pledges
      let best = try #require(found.first)
      #expect(best.pledge?.action == "send British and French troops to Ukraine to help keep the peace")
      #expect(best.score >= 0.75, "\(best.score)")
      #expect(best.reasons.contains("same makers") && best.reasons.contains("same category"))
      #expect(found.map(\.score) == found.map(\.score).sorted(by: >))
      #expect(found.allSatisfy { $0.score >= 0.35 })
      // Excluding it, and a narrow window or a high bar, leave it out.
      let excluded = try await client.pledge.findSimilarPledges(FindSimilarPledgesRequest(pledge: draft, excludeID: best.pledge!.id)).pledges
      #expect(!excluded.contains { $0.pledge?.id == best.pledge?.id })
      var late = draft
      late.madeAtMs = 1_751_328_000_000
      #expect(try await client.pledge.findSimilarPledges(FindSimilarPledgesRequest(pledge: late, windowDays: 30)).pledges.isEmpty)
      #expect(try await client.pledge.findSimilarPledges(FindSimilarPledgesRequest(pledge: draft, minScore: 0.99)).pledges.isEmpty)
      let errors: [(FindSimilarPledgesRequest, String)] = [
        (FindSimilarPledgesRequest(), "pledge"),
        (FindSimilarPledgesRequest(pledge: Pledge()), "pledge"),
        (FindSimilarPledgesRequest(pledge: draft, maxResults: 101), "max_results"),
        (FindSimilarPledgesRequest(pledge: draft, minScore: 1.5), "min_score"),
        (FindSimilarPledgesRequest(pledge: draft, windowDays: -1), "window_days"),
      ]
      for (request, field) in errors {
        #expect(await rpcError { _ = try await client.pledge.findSimilarPledges(request) }?.details?.fieldViolations.first?.field == field)
      }
    }
  }
}
