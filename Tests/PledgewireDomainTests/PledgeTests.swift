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

  static func make(_ client: PledgewireClient) async throws -> World {
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
    ("a due date before made_at", { $0.dueAtMs = 1 }, "pledge.due_at_ms"),
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

  @Test("status changes append to the history with their evidence; final statuses need a reopen")
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

      // Evidence alone, without a status change.
      let noted = try await client.pledge.updatePledgeStatus(UpdatePledgeStatusRequest(pledgeID: pledge.id, status: .inProgress, note: "still going"))
      #expect(noted.version == 3 && noted.history.count == 3)
      #expect(await rpcError { _ = try await client.pledge.updatePledgeStatus(UpdatePledgeStatusRequest(pledgeID: pledge.id, status: .inProgress)) }?.details?.fieldViolations.first?.field == "status")

      let fulfilled = try await client.pledge.updatePledgeStatus(UpdatePledgeStatusRequest(pledgeID: pledge.id, status: .fulfilled, expectedVersion: 3))
      #expect(fulfilled.status == .fulfilled)
      let locked = await rpcError { _ = try await client.pledge.updatePledgeStatus(UpdatePledgeStatusRequest(pledgeID: pledge.id, status: .stalled)) }
      #expect(locked?.code == .failedPrecondition)
      #expect(locked?.details?.reason == "FINAL_STATUS")
      let stale = await rpcError { _ = try await client.pledge.updatePledgeStatus(UpdatePledgeStatusRequest(pledgeID: pledge.id, status: .broken, expectedVersion: 3, reopen: true)) }
      #expect(stale?.code == .aborted)
      let reopened = try await client.pledge.updatePledgeStatus(UpdatePledgeStatusRequest(pledgeID: pledge.id, status: .stalled, note: "money withheld", reopen: true))
      #expect(reopened.status == .stalled && reopened.history.last?.reopened == true)
      #expect(await rpcError { _ = try await client.pledge.updatePledgeStatus(UpdatePledgeStatusRequest(pledgeID: pledge.id, status: .broken, reopen: true)) }?.details?.fieldViolations.first?.field == "reopen")

      let history = try await client.pledge.getPledgeHistory(GetPledgeHistoryRequest(pledgeID: pledge.id))
      #expect(history.changes.map(\.toStatus) == [.announced, .inProgress, .inProgress, .fulfilled, .stalled])
      #expect(history.changes.map(\.fromStatus) == [.unspecified, .announced, .inProgress, .inProgress, .fulfilled])
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

  @Test("concurrent status changes without expected versions all land, each exactly once")
  func concurrentChanges() async throws {
    try await withDomainServer { client, _ in
      let world = try await World.make(client)
      let pledge = try await client.pledge.createPledge(CreatePledgeRequest(pledge: world.pledge()))
      try await withThrowingTaskGroup(of: Void.self) { group in
        for index in 0..<10 {
          group.addTask {
            _ = try await client.pledge.updatePledgeStatus(UpdatePledgeStatusRequest(pledgeID: pledge.id, status: .announced, note: "note \(index)"))
          }
        }
        try await group.waitForAll()
      }
      let final = try await client.pledge.getPledge(GetPledgeRequest(id: pledge.id))
      #expect(final.version == 11)
      #expect(Set(final.history.dropFirst().map(\.note)) == Set((0..<10).map { "note \($0)" }))
    }
  }
}
