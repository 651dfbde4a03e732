import PledgewireStorage
import PledgewireWire
import Testing

@Suite("Store contract: the review queue")
struct StoreCandidateTests {
  /// Candidates as the extractor proposes them, for Fixture.body.
  static func candidates(maker: Int64) -> [PledgeCandidate] {
    [
      PledgeCandidate(
        quote: "London pledged 1.5 billion pounds.", range: TextRange(start: 0, end: 34),
        makers: [CandidateParty(actorID: maker, name: "United Kingdom", kind: .country)], action: "pay 1.5 billion pounds",
        category: .financialAid, modality: .promise, amount: Money(amount: "1500000000", currency: "GBP", qualifier: .exact),
        confidence: 0.8, rules: ["cue 'pledged' (promise)"], extractor: "test@1"
      ),
      PledgeCandidate(
        quote: "Paris promised troops if a deal is reached.", range: TextRange(start: 35, end: 78),
        makers: [CandidateParty(name: "Paris", kind: .country)], action: "send troops", category: .troopDeployment,
        modality: .promise, condition: "if a deal is reached", confidence: 0.4, extractor: "test@1"
      ),
    ]
  }

  static func insert(_ fixture: Fixture, url: String = "https://news.example/extracted") async throws -> ArticleWithCandidates {
    var article = Fixture.article(url)
    article.mentions = [ActorMention(actorID: fixture.maker.id, range: TextRange(start: 0, end: 6), surfaceText: "London", confidence: 0.9)]
    return try await fixture.store.insertArticle(article, candidates: candidates(maker: fixture.maker.id), context(1_750_000_100_000, method: "/test/Create"))
  }

  @Test("an article and its candidates are stored together, PENDING at version 1, listed oldest first with filters and a cursor", arguments: StoreFactory.all)
  func insertAndList(_ factory: StoreFactory) async throws {
    let fixture = try await Fixture.make(factory)
    let store = fixture.store
    let stored = try await Self.insert(fixture)
    #expect(stored.article.id > fixture.article.id)
    #expect(stored.candidates.count == 2)
    for candidate in stored.candidates {
      #expect(candidate.id > 0 && candidate.articleID == stored.article.id && candidate.state == .pending && candidate.version == 1)
      #expect(candidate.createdAtMs == 1_750_000_100_000 && candidate.reviewedBy.isEmpty)
      #expect(try await store.candidate(id: candidate.id) == candidate)
    }
    #expect(stored.candidates[0].amount?.amount == "1500000000" && stored.candidates[1].condition == "if a deal is reached")
    #expect(try await store.article(id: stored.article.id)?.mentions.first?.confidence == 0.9)
    #expect(try await store.candidate(id: 9_999) == nil)

    let all = try await store.listCandidates(CandidateQuery())
    #expect(all.map(\.id) == stored.candidates.map(\.id))
    #expect(try await store.listCandidates(CandidateQuery(minConfidence: 0.5)).map(\.id) == [stored.candidates[0].id])
    #expect(try await store.listCandidates(CandidateQuery(articleID: fixture.article.id)).isEmpty)
    #expect(try await store.listCandidates(CandidateQuery(afterID: stored.candidates[0].id)).map(\.id) == [stored.candidates[1].id])
    #expect(try await store.listCandidates(CandidateQuery(limit: 1)).map(\.id) == [stored.candidates[0].id])
    #expect(try await store.listCandidates(CandidateQuery(state: .accepted)).isEmpty)
    let audit = try await store.listAuditEntries(AuditQuery(recordType: .candidate))
    #expect(audit.map(\.recordID) == stored.candidates.map(\.id) && audit.allSatisfy { $0.versionAfter == 1 })
  }

  @Test("a refused article stores none of its candidates", arguments: StoreFactory.all)
  func refusedArticle(_ factory: StoreFactory) async throws {
    let fixture = try await Fixture.make(factory)
    let error = await storeError { _ = try await Self.insert(fixture, url: fixture.article.canonicalURL) }
    #expect(error?.code == .alreadyExists)
    #expect(try await fixture.store.listCandidates(CandidateQuery()).isEmpty)
  }

  @Test("accepting creates the pledge (and new actors) in the review's transaction; a candidate is reviewed once", arguments: StoreFactory.all)
  func acceptCreates(_ factory: StoreFactory) async throws {
    let fixture = try await Fixture.make(factory)
    let store = fixture.store
    let candidate = try await Self.insert(fixture).candidates[1]
    var pledge = fixture.pledge("send troops", quote: TextRange(start: 35, end: 56))
    pledge.parties = [PledgeParty(actorID: -1, role: .maker), PledgeParty(actorID: fixture.maker.id, role: .beneficiary)]
    pledge.extraction = Extraction(extractor: "test@1", confidence: 0.4, candidateID: candidate.id)
    let decided = pledge
    let review = try await store.reviewCandidate(id: candidate.id, expectedVersion: 1, context(1_760_000_000_000, principal: "editor")) { current in
      #expect(current.id == candidate.id && current.state == .pending)
      return .create(decided, newActors: [Actor(kind: .country, canonicalName: "Paris Republic")])
    }
    let created = try #require(review.event?.pledge)
    let actor = try #require(review.newActors.first)
    #expect(review.event?.kind == .created && created.parties[0].actorID == actor.id && actor.id > fixture.other.id)
    #expect(created.extraction?.candidateID == candidate.id)
    #expect(review.candidate.state == .accepted && review.candidate.pledgeID == created.id && !review.candidate.attached)
    #expect(review.candidate.version == 2 && review.candidate.reviewedBy == "editor" && review.candidate.reviewedAtMs == 1_760_000_000_000)
    #expect(try await store.candidate(id: candidate.id) == review.candidate)
    #expect(try await store.actor(id: actor.id)?.canonicalName == "Paris Republic")

    // Reviewed once: a second accept or a reject is refused, whatever version it names, and changes nothing.
    for version: Int64? in [nil, 1, 2] {
      let again = await storeError {
        _ = try await store.reviewCandidate(id: candidate.id, expectedVersion: version, context()) { _ in .reject(.duplicate, note: "") }
      }
      #expect(again?.code == .failedPrecondition && again?.details?.reason == "ALREADY_REVIEWED" && again?.details?.existingID == created.id)
    }
    #expect(try await store.candidate(id: candidate.id) == review.candidate)
    #expect(try await store.listPledges(PledgeQuery()).count == 1)
    let audit = try await store.listAuditEntries(AuditQuery(recordType: .candidate, recordID: candidate.id))
    #expect(audit.map(\.summary).last == "accepted as pledge \(created.id)" && audit.last?.principal == "editor")
  }

  @Test("attaching revises the recorded pledge; rejecting keeps the reason", arguments: StoreFactory.all)
  func attachAndReject(_ factory: StoreFactory) async throws {
    let fixture = try await Fixture.make(factory)
    let store = fixture.store
    let recorded = try await fixture.insert(fixture.pledge())
    let candidates = try await Self.insert(fixture).candidates
    let articleID = candidates[0].articleID
    let attached = try await store.reviewCandidate(id: candidates[0].id, expectedVersion: nil, context()) { current in
      .attach(pledgeID: recorded.id, expectedVersion: 1) { pledge in
        var next = pledge
        next.evidence.append(Evidence(id: -1, articleID: articleID, quote: current.quote, range: current.range, stance: .reports))
        return PledgeRevision(pledge: next, summary: "evidence")
      }
    }
    #expect(attached.candidate.state == .accepted && attached.candidate.attached && attached.candidate.pledgeID == recorded.id)
    #expect(attached.event?.kind == .evidenceAdded && attached.event?.pledge?.evidence.count == 2 && attached.event?.pledge?.version == 2)

    let rejected = try await store.reviewCandidate(id: candidates[1].id, expectedVersion: 1, context()) { _ in .reject(.wrongAttribution, note: "Paris is a city") }
    #expect(rejected.event == nil && rejected.candidate.state == .rejected && rejected.candidate.rejectionReason == .wrongAttribution)
    #expect(rejected.candidate.rejectionNote == "Paris is a city" && rejected.candidate.pledgeID == 0)
    #expect(try await store.listCandidates(CandidateQuery(state: .rejected)).map(\.id) == [candidates[1].id])
  }

  @Test("a stale version, an absent candidate or a failing decision changes nothing", arguments: StoreFactory.all)
  func refusals(_ factory: StoreFactory) async throws {
    let fixture = try await Fixture.make(factory)
    let store = fixture.store
    let candidate = try await Self.insert(fixture).candidates[0]
    let stale = await storeError { _ = try await store.reviewCandidate(id: candidate.id, expectedVersion: 7, context()) { _ in .reject(.other, note: "") } }
    #expect(stale?.code == .aborted)
    let absent = await storeError { _ = try await store.reviewCandidate(id: 404, expectedVersion: nil, context()) { _ in .reject(.other, note: "") } }
    #expect(absent?.code == .notFound)
    let failing = await storeError {
      _ = try await store.reviewCandidate(id: candidate.id, expectedVersion: nil, context()) { _ in
        throw RPCError.invalidArgument(field: "pledge.action", "no")
      }
    }
    #expect(failing?.code == .invalidArgument)
    // A pledge that the store refuses (a missing attach target) leaves the candidate and the actors as they were.
    let missingPledge = await storeError {
      _ = try await store.reviewCandidate(id: candidate.id, expectedVersion: nil, context()) { _ in
        .attach(pledgeID: 404, expectedVersion: nil) { PledgeRevision(pledge: $0, summary: "") }
      }
    }
    #expect(missingPledge?.code == .notFound)
    var pledge = fixture.pledge()
    pledge.parties = [PledgeParty(actorID: -1, role: .maker)]
    pledge.partOfID = 404
    let decided = pledge
    let badLink = await storeError {
      _ = try await store.reviewCandidate(id: candidate.id, expectedVersion: nil, context()) { _ in
        .create(decided, newActors: [Actor(kind: .country, canonicalName: "Never Stored")])
      }
    }
    #expect(badLink?.code == .notFound)
    #expect(try await store.candidate(id: candidate.id) == candidate)
    #expect(try await store.listActors(ActorQuery()).count == 2)
    #expect(try await store.listPledges(PledgeQuery()).isEmpty)
  }
}
