import PledgewireClient
import PledgewireDomain
import Testing

/// The id of the sample actor named exactly `name`.
func actorID(_ client: PledgewireClient, _ name: String) async throws -> Int64 {
  let candidates = try await client.actor.resolveActor(ResolveActorRequest(name: name, maxCandidates: 1)).candidates
  return try #require(candidates.first { $0.actor?.canonicalName == name }?.actor?.id)
}

/// A small world: two actors and an article to quote.
struct World {
  let maker: Int64
  let beneficiary: Int64
  let article: Article

  static let body = "London pledged 1.5 billion pounds. Paris promised troops if a deal is reached. Zürich stayed quiet."

  static func make(_ client: PledgewireClient, body: String = body) async throws -> World {
    let maker = try await client.actor.createActor(CreateActorRequest(actor: validActor("United Kingdom")))
    let beneficiary = try await client.actor.createActor(CreateActorRequest(actor: validActor("Ukraine")))
    let article = try await client.article.createArticle(CreateArticleRequest(article: validArticle(body: body)))
    return World(maker: maker.id, beneficiary: beneficiary.id, article: article)
  }

  func pledge(quote: String = "London pledged 1.5 billion pounds", madeAt: Int64 = 1_740_000_000_000) -> Pledge {
    Pledge(
      parties: [PledgeParty(actorID: maker, role: .maker), PledgeParty(actorID: beneficiary, role: .beneficiary)],
      action: "pay", category: .financialAid, modality: .promise,
      amount: Money(amount: "1500000000", currency: "GBP", qualifier: .exact),
      madeAtMs: madeAt, evidence: [Evidence(articleID: article.id, quote: quote, stance: .announces)]
    )
  }
}

@Suite("PledgeService over TCP")
struct PledgeTests {
  @Test("create locates the quote, assigns ids, starts the history and the status at ANNOUNCED")
  func create() async throws {
    try await withDomainServer(now: { 1_750_000_000_000 }) { client, _ in
      let world = try await World.make(client)
      var input = world.pledge(quote: "Zürich stayed quiet.")
      input.evidence.append(Evidence(articleID: world.article.id, quote: "Paris promised troops", range: TextRange(start: 35, end: 56), stance: .reaffirms))
      let pledge = try await client.pledge.createPledge(CreatePledgeRequest(pledge: input))
      #expect(pledge.id > 0 && pledge.version == 1 && pledge.createdAtMs == 1_750_000_000_000)
      #expect(pledge.status == .announced)
      // Ranges count code points: "Zürich" spans 79..<99 whatever its UTF-8 length.
      #expect(pledge.evidence[0].range == TextRange(start: 79, end: 99))
      #expect(pledge.evidence.allSatisfy { $0.id > 0 && $0.addedAtMs == 1_750_000_000_000 })
      #expect(pledge.history.map(\.toStatus) == [.announced])
      #expect(try await client.pledge.getPledge(GetPledgeRequest(id: pledge.id)) == pledge)
    }
  }

  static let invalid: [(String, @Sendable (inout Pledge) -> Void, String)] = [
    ("no maker", { $0.parties = [PledgeParty(actorID: 1, role: .beneficiary)] }, "pledge.parties"),
    ("a party without role", { $0.parties.append(PledgeParty(actorID: 1)) }, "pledge.parties[2].role"),
    ("no action", { $0.action = "" }, "pledge.action"),
    ("no category", { $0.category = .unspecified }, "pledge.category"),
    ("an unknown modality", { $0.modality = .unrecognized(40) }, "pledge.modality"),
    ("a condition without text", { $0.condition = Condition(state: .pending) }, "pledge.condition.text"),
    ("an amount that is not a number", { $0.amount?.amount = "1.5bn" }, "pledge.amount.amount"),
    ("a lowercase currency", { $0.amount?.currency = "gbp" }, "pledge.amount.currency"),
    ("a stage amount without amount", { $0.stageAmounts = [StageAmount(stage: .committed)] }, "pledge.stage_amounts[0].amount"),
    ("no made_at", { $0.madeAtMs = 0 }, "pledge.made_at_ms"),
    ("a made_at in the future", { $0.madeAtMs = 4_000_000_000_000 }, "pledge.made_at_ms"),
    ("a made_at with UNKNOWN precision", { $0.madePrecision = .unknown }, "pledge.made_at_ms"),
    ("a made_at that is not the start of its day", { $0.madePrecision = .day }, "pledge.made_at_ms"),
    ("a made_at that is not the start of its month", { $0.madeAtMs = 1_738_368_000_000 + 86_400_000; $0.madePrecision = .month }, "pledge.made_at_ms"),
    ("an unknown made precision", { $0.madePrecision = .unrecognized(9) }, "pledge.made_precision"),
    ("a due date before made_at", { $0.dueAtMs = 1 }, "pledge.due_at_ms"),
    ("a due year that ends before made_at", { $0.dueAtMs = 1_704_067_200_000; $0.duePrecision = .year }, "pledge.due_at_ms"),
    ("a due date after 2200", { $0.dueAtMs = 7_258_118_400_000 }, "pledge.due_at_ms"),
    ("an unknown due precision with a date", { $0.dueAtMs = 1_767_225_600_000; $0.duePrecision = .unknown }, "pledge.due_at_ms"),
    ("a quantity without unit", { $0.quantity = Quantity(value: "5000") }, "pledge.quantity.unit"),
    ("a quantity that is not a number", { $0.quantity = Quantity(value: "5,000", unit: "missiles") }, "pledge.quantity.value"),
    ("a target without what it is a share of", { $0.target = Ratio(percent: "5") }, "pledge.target.of"),
    ("an unknown money period", { $0.amount?.period = .unrecognized(12) }, "pledge.amount.period"),
    ("a party listed twice", { $0.parties.append($0.parties[0]) }, "pledge.parties[2]"),
    ("an announcer that opted out", { $0.parties.append(PledgeParty(actorID: $0.parties[1].actorID, role: .announcer, optedOut: true)) }, "pledge.parties[2].opted_out"),
    ("a maker that opted out without OPTS_OUT evidence", { $0.parties[0].optedOut = true }, "pledge.parties[0].opted_out"),
    ("OPTS_OUT evidence without its party", { $0.evidence[0].stance = .optsOut }, "pledge.evidence[0].party_actor_id"),
    ("evidence about an actor that is not a party", { $0.evidence[0].partyActorID = 999 }, "pledge.evidence[0].party_actor_id"),
    ("a reported amount that is not a number", { $0.evidence[0].reportedAmount = Money(amount: "lots", currency: "GBP") }, "pledge.evidence[0].reported_amount.amount"),
    ("an empty label", { $0.labels = ["fine", ""] }, "pledge.labels[1]"),
    ("a long note", { $0.note = String(repeating: "n", count: 5_001) }, "pledge.note"),
    ("a status that needs evidence it does not have", { $0.status = .fulfilled }, "pledge.status"),
    ("no evidence", { $0.evidence = [] }, "pledge.evidence"),
    ("evidence without stance", { $0.evidence[0].stance = .unspecified }, "pledge.evidence[0].stance"),
    ("a range outside the body", { $0.evidence[0].range = TextRange(start: 10, end: 5_000) }, "pledge.evidence[0].range"),
    ("a quote that is not at its range", { $0.evidence[0].range = TextRange(start: 1, end: 34) }, "pledge.evidence[0].quote"),
    ("a quote that is not in the article", { $0.evidence[0].quote = "Berlin pledged" }, "pledge.evidence[0].quote"),
    ("a confidence over 1", { $0.extraction = Extraction(extractor: "model", confidence: 1.5) }, "pledge.extraction.confidence"),
  ]

  @Test("invalid pledges are INVALID_ARGUMENT naming the field, and nothing changes", arguments: invalid.indices)
  func validation(_ index: Int) async throws {
    let (name, change, field) = Self.invalid[index]
    try await withDomainServer { client, services in
      let world = try await World.make(client)
      var pledge = world.pledge()
      change(&pledge)
      let before = try await services.store.latestEventSequence()
      let error = await rpcError { _ = try await client.pledge.createPledge(CreatePledgeRequest(pledge: pledge)) }
      #expect(error?.code == .invalidArgument, "\(name)")
      #expect(error?.details?.fieldViolations.first?.field == field, "\(name): \(error?.message ?? "no error")")
      #expect(try await services.store.latestEventSequence() == before)
      #expect(try await client.pledge.listPledges(ListPledgesRequest()).pledges.isEmpty)
    }
  }

  @Test("references to actors and articles that do not exist are NOT_FOUND naming the field")
  func missingReferences() async throws {
    try await withDomainServer { client, _ in
      let world = try await World.make(client)
      var pledge = world.pledge()
      pledge.parties.append(PledgeParty(actorID: 42, role: .announcer))
      var error = await rpcError { _ = try await client.pledge.createPledge(CreatePledgeRequest(pledge: pledge)) }
      #expect(error?.code == .notFound)
      #expect(error?.message == "pledge.parties[2].actor_id: actor 42 does not exist")
      pledge = world.pledge()
      pledge.evidence[0].articleID = 77
      error = await rpcError { _ = try await client.pledge.createPledge(CreatePledgeRequest(pledge: pledge)) }
      #expect(error?.code == .notFound)
      #expect(error?.details?.fieldViolations.first?.field == "pledge.evidence[0].article_id")
    }
  }

  @Test("list filters: actor with and without affiliated actors, beneficiary, category, status, time, article, condition")
  func listFilters() async throws {
    try await withDomainServer(sample: true) { client, _ in
      let all = try await client.pledge.listPledges(ListPledgesRequest(pageSize: 1000)).pledges
      #expect(all.count == 10)
      func ids(_ filter: PledgeFilter) async throws -> Set<Int64> {
        Set(try await client.pledge.listPledges(ListPledgesRequest(filter: filter, pageSize: 1000)).pledges.map(\.id))
      }
      func expected(_ predicate: (Pledge) -> Bool) -> Set<Int64> {
        Set(all.filter(predicate).map(\.id))
      }
      let uk = try await actorID(client, "United Kingdom")
      let starmer = try await actorID(client, "Keir Starmer")
      let ukraine = try await actorID(client, "Ukraine")
      let actingFor = { (actors: Set<Int64>) in
        { (pledge: Pledge) in pledge.parties.contains { ($0.role == .maker || $0.role == .announcer) && actors.contains($0.actorID) } }
      }

      let byUK = try await ids(PledgeFilter(actorID: uk))
      #expect(byUK == expected(actingFor([uk])))
      // The United Kingdom with its prime minister: Starmer's announcements count too.
      let byUKAndOfficials = try await ids(PledgeFilter(actorID: uk, includeAffiliated: true))
      #expect(byUKAndOfficials == expected(actingFor([uk, starmer])))
      #expect(byUKAndOfficials.isStrictSuperset(of: byUK))

      #expect(try await ids(PledgeFilter(beneficiaryID: ukraine)) == expected { $0.parties.contains { $0.role == .beneficiary && $0.actorID == ukraine } })
      #expect(try await ids(PledgeFilter(categories: [.defenceSpending, .troopDeployment])) == expected { [.defenceSpending, .troopDeployment].contains($0.category) })
      #expect(try await ids(PledgeFilter(statuses: [.announced])).count == 10)
      #expect(try await ids(PledgeFilter(statuses: [.fulfilled])).isEmpty)
      #expect(try await ids(PledgeFilter(madeAfterMs: 1_740_931_200_001)).isEmpty)
      #expect(try await ids(PledgeFilter(madeBeforeMs: 1_740_931_200_001)).count == 10)
      let conditional = try await ids(PledgeFilter(condition: .conditional))
      #expect(conditional == expected { $0.condition != nil })
      #expect(!conditional.isEmpty)
      #expect(try await ids(PledgeFilter(condition: .unconditional)) == expected { $0.condition == nil })
      let explainer = try await client.article.listArticles(ListArticlesRequest()).articles[0].id
      #expect(try await ids(PledgeFilter(articleID: explainer)) == expected { $0.evidence.contains { $0.articleID == explainer } })

      let errors: [(PledgeFilter, String)] = [
        (PledgeFilter(includeAffiliated: true), "filter.include_affiliated"),
        (PledgeFilter(categories: [.unspecified]), "filter.categories[0]"),
        (PledgeFilter(statuses: [.unrecognized(99)]), "filter.statuses[0]"),
        (PledgeFilter(madeAfterMs: 5, madeBeforeMs: 1), "filter.made_before_ms"),
      ]
      for (filter, field) in errors {
        let error = await rpcError { _ = try await client.pledge.listPledges(ListPledgesRequest(filter: filter)) }
        #expect(error?.details?.fieldViolations.first?.field == field)
      }
    }
  }

  @Test("pages of pledges come newest first and cover every row once, also while pledges are added")
  func paging() async throws {
    try await withDomainServer { client, _ in
      let world = try await World.make(client)
      let summary = try await client.pledge.importPledges((0..<150).map { CreatePledgeRequest(pledge: world.pledge(madeAt: 1_000 + Int64($0 % 50))) })
      #expect(summary.created == 150)
      var seen: [Pledge] = []
      var token = ""
      repeat {
        let page = try await client.pledge.listPledges(ListPledgesRequest(pageSize: 20, pageToken: token))
        seen += page.pledges
        token = page.nextPageToken
        _ = try await client.pledge.createPledge(CreatePledgeRequest(pledge: world.pledge(madeAt: 1_025)))
      } while !token.isEmpty
      let original = Set(summary.ids)
      let seenOriginal = seen.map(\.id).filter(original.contains)
      #expect(seenOriginal.count == 150)
      #expect(Set(seenOriginal).count == 150)
      let keys = seen.map { [$0.madeAtMs, $0.id] }
      #expect(keys == keys.sorted { $0[0] != $1[0] ? $0[0] > $1[0] : $0[1] > $1[1] })
    }
  }

  @Test("status changes append to the history with their evidence; outcomes need evidence; final statuses need a reopen")
  func statusChanges() async throws {
    try await withDomainServer { client, _ in
      let world = try await World.make(client)
      let pledge = try await client.pledge.createPledge(CreatePledgeRequest(pledge: world.pledge()))

      let progressing = try await client.pledge.updatePledgeStatus(UpdatePledgeStatusRequest(
        pledgeID: pledge.id, status: .inProgress,
        evidence: Evidence(articleID: world.article.id, quote: "Paris promised troops", stance: .progress), note: "first tranche"
      ))
      #expect(progressing.status == .inProgress && progressing.version == 2)
      #expect(progressing.evidence.count == 2)
      let change = try #require(progressing.history.last)
      #expect(change.fromStatus == .announced && change.toStatus == .inProgress && change.note == "first tranche")
      #expect(change.evidence?.id == progressing.evidence[1].id)
      #expect(change.changedBy == "anonymous" && change.recordedAtMs > 0)

      // The same status again is refused: evidence alone goes through AddEvidence.
      let same = await rpcError { _ = try await client.pledge.updatePledgeStatus(UpdatePledgeStatusRequest(pledgeID: pledge.id, status: .inProgress, note: "still going")) }
      #expect(same?.details?.fieldViolations.first?.field == "status")
      // An outcome needs a quote.
      let bare = await rpcError { _ = try await client.pledge.updatePledgeStatus(UpdatePledgeStatusRequest(pledgeID: pledge.id, status: .fulfilled)) }
      #expect(bare?.details?.fieldViolations.first?.field == "evidence")

      // Citing a quote the pledge has already refers to it instead of copying it.
      let fulfilled = try await client.pledge.updatePledgeStatus(UpdatePledgeStatusRequest(
        pledgeID: pledge.id, status: .fulfilled, evidence: Evidence(articleID: world.article.id, quote: "Paris promised troops", stance: .fulfils),
        expectedVersion: 2
      ))
      #expect(fulfilled.status == .fulfilled)
      #expect(fulfilled.evidence.count == 2)
      #expect(fulfilled.history.last?.evidence?.id == progressing.evidence[1].id)
      let locked = await rpcError { _ = try await client.pledge.updatePledgeStatus(UpdatePledgeStatusRequest(pledgeID: pledge.id, status: .inProgress)) }
      #expect(locked?.code == .failedPrecondition)
      #expect(locked?.details?.reason == "FINAL_STATUS")
      let stale = await rpcError { _ = try await client.pledge.updatePledgeStatus(UpdatePledgeStatusRequest(pledgeID: pledge.id, status: .inProgress, expectedVersion: 2, reopen: true)) }
      #expect(stale?.code == .aborted)
      let reopened = try await client.pledge.updatePledgeStatus(UpdatePledgeStatusRequest(pledgeID: pledge.id, status: .inProgress, note: "money withheld", reopen: true))
      #expect(reopened.status == .inProgress && reopened.history.last?.reopened == true)
      #expect(await rpcError { _ = try await client.pledge.updatePledgeStatus(UpdatePledgeStatusRequest(pledgeID: pledge.id, status: .announced, reopen: true)) }?.details?.fieldViolations.first?.field == "reopen")

      let history = try await client.pledge.getPledgeHistory(GetPledgeHistoryRequest(pledgeID: pledge.id))
      #expect(history.changes.map(\.toStatus) == [.announced, .inProgress, .fulfilled, .inProgress])
      #expect(history.changes.map(\.fromStatus) == [.unspecified, .announced, .inProgress, .fulfilled])
    }
  }

  @Test("a status change is dated no earlier than the pledge was made and no later than now")
  func statusDates() async throws {
    let now: Int64 = 1_750_000_000_000
    try await withDomainServer(now: { now }) { client, services in
      let world = try await World.make(client)
      let pledge = try await client.pledge.createPledge(CreatePledgeRequest(pledge: world.pledge(madeAt: 1_740_000_000_000)))
      let events = try await services.store.latestEventSequence()
      for at in [1_739_999_999_999, now + 3_600_000, -99_999_999_999_999] as [Int64] {
        let error = await rpcError { _ = try await client.pledge.updatePledgeStatus(UpdatePledgeStatusRequest(pledgeID: pledge.id, status: .inProgress, atMs: at)) }
        #expect(error?.code == .invalidArgument)
        #expect(error?.details?.fieldViolations.first?.field == "at_ms", "\(at): \(error?.message ?? "")")
      }
      #expect(try await services.store.latestEventSequence() == events)
      let dated = try await client.pledge.updatePledgeStatus(UpdatePledgeStatusRequest(pledgeID: pledge.id, status: .inProgress, atMs: 1_740_000_000_000))
      #expect(dated.history.last?.atMs == 1_740_000_000_000)
      // A small clock skew is tolerated.
      _ = try await client.pledge.updatePledgeStatus(UpdatePledgeStatusRequest(pledgeID: pledge.id, status: .announced, atMs: now + 60_000))
    }
  }

  @Test("a status change with bad evidence changes nothing")
  func badEvidenceChangesNothing() async throws {
    try await withDomainServer { client, services in
      let world = try await World.make(client)
      let pledge = try await client.pledge.createPledge(CreatePledgeRequest(pledge: world.pledge()))
      let events = try await services.store.latestEventSequence()
      let cases: [(UpdatePledgeStatusRequest, StatusCode, String)] = [
        (UpdatePledgeStatusRequest(pledgeID: pledge.id, status: .inProgress, evidence: Evidence(articleID: world.article.id, quote: "not there", stance: .progress)), .invalidArgument, "evidence.quote"),
        (UpdatePledgeStatusRequest(pledgeID: pledge.id, status: .inProgress, evidence: Evidence(articleID: 999, quote: "x", stance: .progress)), .notFound, "evidence.article_id"),
        (UpdatePledgeStatusRequest(pledgeID: pledge.id, status: .unspecified), .invalidArgument, "status"),
        (UpdatePledgeStatusRequest(pledgeID: 0, status: .inProgress), .invalidArgument, "pledge_id"),
      ]
      for (request, code, field) in cases {
        let error = await rpcError { _ = try await client.pledge.updatePledgeStatus(request) }
        #expect(error?.code == code)
        #expect(error?.details?.fieldViolations.first?.field == field, "\(error?.message ?? "no error")")
      }
      #expect(await rpcError { _ = try await client.pledge.updatePledgeStatus(UpdatePledgeStatusRequest(pledgeID: 999, status: .inProgress)) }?.code == .notFound)
      #expect(try await client.pledge.getPledge(GetPledgeRequest(id: pledge.id)) == pledge)
      #expect(try await services.store.latestEventSequence() == events)
    }
  }

  @Test("concurrent evidence without expected versions all lands, each exactly once")
  func concurrentChanges() async throws {
    try await withDomainServer { client, _ in
      let world = try await World.make(client, body: (0..<10).map { "Source \($0) carried it." }.joined(separator: " "))
      let pledge = try await client.pledge.createPledge(CreatePledgeRequest(pledge: world.pledge(quote: "Source 0 carried it.")))
      try await withThrowingTaskGroup(of: Void.self) { group in
        for index in 1..<10 {
          group.addTask {
            _ = try await client.pledge.addEvidence(AddEvidenceRequest(
              pledgeID: pledge.id, evidence: Evidence(articleID: world.article.id, quote: "Source \(index) carried it.", stance: .reports)
            ))
          }
        }
        try await group.waitForAll()
      }
      let final = try await client.pledge.getPledge(GetPledgeRequest(id: pledge.id))
      #expect(final.version == 10)
      #expect(Set(final.evidence.map(\.quote)) == Set((0..<10).map { "Source \($0) carried it." }))
      #expect(Set(final.evidence.map(\.id)).count == 10)
    }
  }
}
