import PledgewireClient
import PledgewireDomain
import Testing

@Suite("UpdatePledge and AddEvidence over TCP")
struct PledgeEditTests {
  @Test("update replaces the masked terms, adds and removes parties, keeps status, evidence and history, and bumps the version")
  func update() async throws {
    try await withDomainServer(now: { 1_750_000_000_000 }) { client, _ in
      let world = try await World.make(client)
      let france = try await client.actor.createActor(CreateActorRequest(actor: validActor("France")))
      let pledge = try await client.pledge.createPledge(CreatePledgeRequest(pledge: world.pledge()))
      var change = pledge
      change.action = "lend 1.5 billion pounds"
      change.category = .financialAid
      change.note = "the loan is backed by frozen assets"
      change.dueAtMs = 1_767_225_600_000
      change.duePrecision = .year
      change.amount = Money(amount: "1500000000", currency: "GBP", qualifier: .exact, period: .perYear, text: "£1.5bn a year")
      change.quantity = Quantity(value: "5000", unit: "missiles")
      change.target = Ratio(percent: "2.5", of: "GDP", qualifier: .atLeast)
      change.labels = ["loan", "uk"]
      change.modality = .agreement
      let updated = try await client.pledge.updatePledge(UpdatePledgeRequest(
        pledge: change, updateMask: ["action", "note", "due_at_ms", "due_precision", "amount", "quantity", "target", "labels"],
        addParties: [PledgeParty(actorID: france.id, role: .maker)], removeParties: [PledgeParty(actorID: world.beneficiary, role: .beneficiary)]
      ))
      #expect(updated.version == 2 && updated.updatedAtMs == 1_750_000_000_000)
      #expect(updated.action == "lend 1.5 billion pounds" && updated.note == "the loan is backed by frozen assets")
      #expect(updated.dueAtMs == 1_767_225_600_000 && updated.duePrecision == .year)
      #expect(updated.amount?.period == .perYear && updated.quantity?.unit == "missiles" && updated.target?.qualifier == .atLeast)
      #expect(updated.labels == ["loan", "uk"])
      // Not in the mask: unchanged.
      #expect(updated.modality == pledge.modality && updated.category == pledge.category)
      #expect(updated.parties.map(\.actorID) == [world.maker, france.id])
      #expect(updated.status == pledge.status && updated.evidence == pledge.evidence && updated.history == pledge.history)
      #expect(try await client.pledge.getPledge(GetPledgeRequest(id: pledge.id)) == updated)

      // The deadline filter sees the new deadline: due by the end of 2026.
      let due = try await client.pledge.listPledges(ListPledgesRequest(filter: PledgeFilter(dueBeforeMs: 1_798_761_600_000))).pledges
      #expect(due.map(\.id) == [pledge.id])
      #expect(try await client.pledge.listPledges(ListPledgesRequest(filter: PledgeFilter(dueBeforeMs: 1_798_761_599_999))).pledges.isEmpty)
      #expect(try await client.pledge.listPledges(ListPledgesRequest(filter: PledgeFilter(label: "loan"))).pledges.map(\.id) == [pledge.id])
      #expect(try await client.pledge.listPledges(ListPledgesRequest(filter: PledgeFilter(label: "none"))).pledges.isEmpty)
    }
  }

  @Test("update refusals: stale version, unknown or empty mask, validation as on create, missing parties, and nothing changes")
  func updateRefusals() async throws {
    try await withDomainServer { client, services in
      let world = try await World.make(client)
      let pledge = try await client.pledge.createPledge(CreatePledgeRequest(pledge: world.pledge()))
      let events = try await services.store.latestEventSequence()
      func fails(_ request: UpdatePledgeRequest) async -> RPCError? {
        await rpcError { _ = try await client.pledge.updatePledge(request) }
      }
      var stale = pledge
      stale.version = 7
      stale.action = "x"
      let aborted = await fails(UpdatePledgeRequest(pledge: stale, updateMask: ["action"]))
      #expect(aborted?.code == .aborted && aborted?.details?.reason == "STALE_VERSION")
      var blank = pledge
      blank.action = " "
      let cases: [(UpdatePledgeRequest, String)] = [
        (UpdatePledgeRequest(pledge: pledge), "update_mask"),
        (UpdatePledgeRequest(pledge: pledge, updateMask: ["status"]), "update_mask[0]"),
        (UpdatePledgeRequest(pledge: Pledge(id: pledge.id), updateMask: ["action"]), "pledge.version"),
        (UpdatePledgeRequest(pledge: blank, updateMask: ["action"]), "pledge.action"),
        (UpdatePledgeRequest(pledge: Pledge(id: pledge.id, madeAtMs: 4_000_000_000_000, version: 1), updateMask: ["made_at_ms"]), "pledge.made_at_ms"),
        (UpdatePledgeRequest(pledge: pledge, removeParties: [PledgeParty(actorID: world.maker, role: .maker)]), "pledge.parties"),
        (UpdatePledgeRequest(pledge: pledge, removeParties: [PledgeParty(actorID: world.maker, role: .announcer)]), "remove_parties[0]"),
        (UpdatePledgeRequest(pledge: pledge, addParties: [PledgeParty(actorID: world.maker, role: .maker)]), "add_parties[0]"),
        (UpdatePledgeRequest(pledge: pledge, addParties: [PledgeParty(actorID: world.maker)]), "add_parties[0].role"),
        (UpdatePledgeRequest(pledge: Pledge(id: pledge.id, version: 1, partOfID: pledge.id), updateMask: ["part_of_id"]), "pledge.part_of_id"),
      ]
      for (request, field) in cases {
        let error = await fails(request)
        #expect(error?.code == .invalidArgument, "\(field): \(error?.description ?? "no error")")
        #expect(error?.details?.fieldViolations.first?.field == field, "\(error?.description ?? "no error")")
      }
      let missingActor = await fails(UpdatePledgeRequest(pledge: pledge, addParties: [PledgeParty(actorID: 999, role: .announcer)]))
      #expect(missingActor?.code == .notFound && missingActor?.details?.fieldViolations.first?.field == "add_parties[0].actor_id")
      let missingLink = await fails(UpdatePledgeRequest(pledge: Pledge(id: pledge.id, version: 1, partOfID: 999), updateMask: ["part_of_id"]))
      #expect(missingLink?.code == .notFound && missingLink?.details?.fieldViolations.first?.field == "pledge.part_of_id")
      #expect(await fails(UpdatePledgeRequest(pledge: Pledge(id: 999, action: "x", version: 1), updateMask: ["action"]))?.code == .notFound)
      #expect(try await client.pledge.getPledge(GetPledgeRequest(id: pledge.id)) == pledge)
      #expect(try await services.store.latestEventSequence() == events)
    }
  }

  @Test("links: a point of a plan and a re-announcement; a link that would make a cycle is refused")
  func links() async throws {
    try await withDomainServer { client, _ in
      let world = try await World.make(client)
      let plan = try await client.pledge.createPledge(CreatePledgeRequest(pledge: world.pledge()))
      var pointDraft = world.pledge(quote: "Paris promised troops")
      pointDraft.partOfID = plan.id
      let point = try await client.pledge.createPledge(CreatePledgeRequest(pledge: pointDraft))
      var subDraft = world.pledge(quote: "Zürich stayed quiet.")
      subDraft.partOfID = point.id
      let sub = try await client.pledge.createPledge(CreatePledgeRequest(pledge: subDraft))
      #expect(try await client.pledge.listPledges(ListPledgesRequest(filter: PledgeFilter(partOfID: plan.id))).pledges.map(\.id) == [point.id])

      // plan -> sub would close plan -> sub -> point -> plan.
      let cycle = await rpcError {
        _ = try await client.pledge.updatePledge(UpdatePledgeRequest(pledge: Pledge(id: plan.id, version: 1, partOfID: sub.id), updateMask: ["part_of_id"]))
      }
      #expect(cycle?.code == .invalidArgument && cycle?.details?.reason == "LINK_CYCLE")
      #expect(cycle?.details?.fieldViolations.first?.field == "pledge.part_of_id")
      // A re-announcement of the plan is no cycle.
      let renewed = try await client.pledge.updatePledge(UpdatePledgeRequest(pledge: Pledge(id: sub.id, version: 1, supersedesID: plan.id), updateMask: ["supersedes_id"]))
      #expect(renewed.supersedesID == plan.id && renewed.partOfID == point.id)
      let back = await rpcError {
        _ = try await client.pledge.updatePledge(UpdatePledgeRequest(pledge: Pledge(id: plan.id, version: 1, supersedesID: sub.id), updateMask: ["supersedes_id"]))
      }
      #expect(back?.details?.reason == "LINK_CYCLE")
    }
  }

  @Test("AddEvidence records another outlet's figures without a status change, and sets the condition's state")
  func addEvidence() async throws {
    try await withDomainServer { client, _ in
      let world = try await World.make(client)
      var draft = world.pledge()
      draft.condition = Condition(text: "if a deal is reached")
      let pledge = try await client.pledge.createPledge(CreatePledgeRequest(pledge: draft))
      #expect(pledge.condition?.state == .pending)
      let reported = Money(amount: "1900000000", currency: "EUR", qualifier: .about, text: "€1.9bn")
      let added = try await client.pledge.addEvidence(AddEvidenceRequest(
        pledgeID: pledge.id,
        evidence: Evidence(articleID: world.article.id, quote: "Paris promised troops", stance: .reports, reportedAmount: reported, note: "second outlet"),
        expectedVersion: 1, conditionState: .met
      ))
      #expect(added.version == 2 && added.status == pledge.status && added.history == pledge.history)
      let evidence = try #require(added.evidence.last)
      #expect(evidence.stance == .reports && evidence.reportedAmount == reported && evidence.addedBy == "anonymous" && evidence.id > 0)
      #expect(evidence.range == TextRange(start: 35, end: 56))
      #expect(added.amount == pledge.amount)
      #expect(added.condition?.state == .met && added.condition?.evidenceID == evidence.id && added.condition?.changedAtMs ?? 0 > 0)

      let refusals: [(AddEvidenceRequest, StatusCode, String)] = [
        (AddEvidenceRequest(pledgeID: pledge.id), .invalidArgument, "evidence"),
        (AddEvidenceRequest(pledgeID: pledge.id, evidence: Evidence(articleID: world.article.id, quote: "Zürich stayed quiet.", stance: .reports), conditionState: .met), .invalidArgument, "condition_state"),
        (AddEvidenceRequest(pledgeID: pledge.id, evidence: Evidence(articleID: world.article.id, quote: "Zürich stayed quiet.", stance: .reports), conditionState: .pending), .invalidArgument, "condition_state"),
        (AddEvidenceRequest(pledgeID: pledge.id, evidence: Evidence(articleID: world.article.id, quote: "nowhere", stance: .reports)), .invalidArgument, "evidence.quote"),
        (AddEvidenceRequest(pledgeID: pledge.id, evidence: Evidence(articleID: 404, quote: "x", stance: .reports)), .notFound, "evidence.article_id"),
        (AddEvidenceRequest(pledgeID: pledge.id, evidence: Evidence(articleID: world.article.id, quote: "Zürich stayed quiet.", stance: .optsOut, partyActorID: world.beneficiary)), .invalidArgument, "evidence.party_actor_id"),
      ]
      for (request, code, field) in refusals {
        let error = await rpcError { _ = try await client.pledge.addEvidence(request) }
        #expect(error?.code == code, "\(field): \(error?.description ?? "no error")")
        #expect(error?.details?.fieldViolations.first?.field == field, "\(error?.description ?? "no error")")
      }
      // The same quote twice is the same evidence.
      let twice = await rpcError {
        _ = try await client.pledge.addEvidence(AddEvidenceRequest(pledgeID: pledge.id, evidence: Evidence(articleID: world.article.id, quote: "Paris promised troops", stance: .reaffirms)))
      }
      #expect(twice?.code == .alreadyExists && twice?.details?.existingID == evidence.id)
      let stale = await rpcError {
        _ = try await client.pledge.addEvidence(AddEvidenceRequest(pledgeID: pledge.id, evidence: Evidence(articleID: world.article.id, quote: "Zürich stayed quiet.", stance: .reports), expectedVersion: 1))
      }
      #expect(stale?.code == .aborted)
      // A pledge without a condition has none to meet.
      let plain = try await client.pledge.createPledge(CreatePledgeRequest(pledge: world.pledge()))
      let noCondition = await rpcError {
        _ = try await client.pledge.addEvidence(AddEvidenceRequest(pledgeID: plain.id, evidence: Evidence(articleID: world.article.id, quote: "Zürich stayed quiet.", stance: .progress), conditionState: .failed))
      }
      #expect(noCondition?.code == .failedPrecondition && noCondition?.details?.reason == "NO_CONDITION")
      #expect(try await client.pledge.getPledge(GetPledgeRequest(id: pledge.id)) == added)
    }
  }

  @Test("a maker opts out with OPTS_OUT evidence; the pledge stands for the others; makers_only filters makers")
  func optOut() async throws {
    try await withDomainServer { client, _ in
      let world = try await World.make(client)
      let spain = try await client.actor.createActor(CreateActorRequest(actor: validActor("Spain")))
      var draft = world.pledge()
      draft.parties.append(PledgeParty(actorID: spain.id, role: .maker))
      draft.makersIncomplete = true
      let pledge = try await client.pledge.createPledge(CreatePledgeRequest(pledge: draft))
      let declined = try await client.pledge.addEvidence(AddEvidenceRequest(
        pledgeID: pledge.id, evidence: Evidence(articleID: world.article.id, quote: "Zürich stayed quiet.", stance: .optsOut, partyActorID: spain.id)
      ))
      let party = try #require(declined.parties.first { $0.actorID == spain.id })
      #expect(party.optedOut && party.optOutEvidenceID == declined.evidence.last?.id)
      #expect(declined.parties.first { $0.actorID == world.maker }?.optedOut == false)
      #expect(declined.status == .announced && declined.makersIncomplete)
      let again = await rpcError {
        _ = try await client.pledge.addEvidence(AddEvidenceRequest(pledgeID: pledge.id, evidence: Evidence(articleID: world.article.id, quote: "Paris promised troops", stance: .optsOut, partyActorID: spain.id)))
      }
      #expect(again?.details?.fieldViolations.first?.field == "evidence.party_actor_id")

      // Ukraine is a beneficiary: it matches an actor filter only as one, never as a maker.
      var announced = world.pledge()
      announced.parties.append(PledgeParty(actorID: spain.id, role: .announcer))
      let other = try await client.pledge.createPledge(CreatePledgeRequest(pledge: announced))
      let any = try await client.pledge.listPledges(ListPledgesRequest(filter: PledgeFilter(actorID: spain.id))).pledges.map(\.id)
      let makers = try await client.pledge.listPledges(ListPledgesRequest(filter: PledgeFilter(actorID: spain.id, makersOnly: true))).pledges.map(\.id)
      #expect(Set(any) == [pledge.id, other.id])
      #expect(makers == [pledge.id])
      #expect(await rpcError { _ = try await client.pledge.listPledges(ListPledgesRequest(filter: PledgeFilter(makersOnly: true))) }?.details?.fieldViolations.first?.field == "filter.makers_only")
    }
  }
}
