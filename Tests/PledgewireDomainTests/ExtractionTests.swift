import Foundation
import PledgewireClient
import PledgewireDomain
import Testing

/// A short article of our own: two pledges (one by a recorded actor, announced by a person who is not recorded,
/// for a country that is not recorded; one conditional) and a hope that is no pledge.
let extractionBody = "Norway pledged $50 million to Kenya for flood relief, Prime Minister Ola Berg said on Monday. Finland will send 200 engineers to Kenya by June 2026 if parliament approves the plan. Sweden said it hoped the talks would continue."
/// Another outlet's report of the first pledge.
let reReportBody = "Oslo has pledged $50 million to Kenya for flood relief, the Norwegian government confirmed."

@Suite("Extraction and the review queue over TCP")
struct ExtractionTests {
  func article(_ suffix: String, body: String = extractionBody) -> CreateArticleRequest {
    CreateArticleRequest(article: validArticle(suffix, publishedAt: 1_740_000_000_000, body: body), extract: true)
  }

  @Test("Extract finds mentions and candidates, resolves the actor table as it changes, and stores nothing")
  func extract() async throws {
    try await withDomainServer { client, _ in
      let norway = try await client.actor.createActor(CreateActorRequest(actor: validActor("Norway")))
      let response = try await client.extraction.extract(ExtractRequest(text: extractionBody, publishedAtMs: 1_740_000_000_000))
      #expect(response.extractor == "pledgewire-rules@1")
      #expect(response.candidates.map(\.quote) == [
        "Norway pledged $50 million to Kenya for flood relief, Prime Minister Ola Berg said on Monday.",
        "Finland will send 200 engineers to Kenya by June 2026 if parliament approves the plan.",
      ])
      let first = response.candidates[0]
      #expect(first.range == TextRange(start: 0, end: 93) && first.id == 0 && first.state == .unspecified)
      #expect(first.makers == [CandidateParty(actorID: norway.id, name: "Norway", kind: .country)])
      #expect(first.amount?.amount == "50000000" && first.amount?.currency == "USD")
      #expect(first.confidence > 0 && first.confidence <= 1 && !first.rules.isEmpty)
      #expect(response.candidates[1].condition == "if parliament approves the plan" && response.candidates[1].dueAtMs > 0)
      let norwayMention = try #require(response.mentions.first { $0.text == "Norway" })
      #expect(norwayMention.actorID == norway.id && norwayMention.range == TextRange(start: 0, end: 6) && !norwayMention.proposed)
      #expect(response.mentions.contains { $0.text == "Ola Berg" && $0.actorID == 0 && $0.kind == .person })
      #expect(!response.mentions.contains { $0.actorID != 0 && $0.text == "Finland" })

      // An actor created since is resolved by the next call.
      let finland = try await client.actor.createActor(CreateActorRequest(actor: validActor("Finland")))
      let again = try await client.extraction.extract(ExtractRequest(text: extractionBody))
      #expect(again.candidates[1].makers.map(\.actorID) == [finland.id])

      // Nothing was stored.
      #expect(try await client.extraction.listCandidates(ListCandidatesRequest()).candidates.isEmpty)
      #expect(try await client.article.listArticles(ListArticlesRequest()).articles.isEmpty)
      #expect(try await client.audit.listAuditEntries(ListAuditEntriesRequest(recordType: .candidate)).entries.isEmpty)
    }
  }

  @Test("Extract refuses a missing or oversized text and a bad date, naming the field")
  func extractRefusals() async throws {
    try await withDomainServer { client, _ in
      let empty = await rpcError { _ = try await client.extraction.extract(ExtractRequest(text: "  ")) }
      #expect(empty?.code == .invalidArgument && empty?.details?.fieldViolations.first?.field == "text")
      let long = String(repeating: "Norway will pay. ", count: ExtractionServiceHandler.maxTextLength / 17 + 1)
      let tooLong = await rpcError { _ = try await client.extraction.extract(ExtractRequest(text: long)) }
      #expect(tooLong?.code == .invalidArgument && tooLong?.message.contains("text") == true && tooLong?.message.contains("limit") == true)
      let badDate = await rpcError { _ = try await client.extraction.extract(ExtractRequest(text: "Norway will pay.", publishedAtMs: 32_503_680_000_000)) }
      #expect(badDate?.code == .invalidArgument && badDate?.details?.fieldViolations.first?.field == "published_at_ms")
      // The server still answers.
      let answer = try await client.extraction.extract(ExtractRequest(text: "Norway will send 20 engineers to Kenya."))
      #expect(answer.candidates.count == 1)
    }
  }

  @Test("create with extract stores mentions and queues candidates; review accepts with edits, attaches, rejects; the ledger and Watch see only accepted pledges")
  func review() async throws {
    try await withDomainServer { client, services in
      let norway = try await client.actor.createActor(CreateActorRequest(actor: validActor("Norway", aliases: ["Oslo"])))
      let finland = try await client.actor.createActor(CreateActorRequest(actor: validActor("Finland")))
      let watch = try await WatchRecorder.fromNow(client, services)
      let created = try await client.article.createArticle(article("review"))
      let stored = try await client.article.getArticle(GetArticleRequest(id: created.id))
      #expect(stored.mentions.contains { $0.actorID == norway.id && $0.surfaceText == "Norway" && $0.confidence > 0 })
      let queue = try await client.extraction.listCandidates(ListCandidatesRequest(articleID: created.id)).candidates
      #expect(queue.count == 2 && queue.allSatisfy { $0.state == .pending && $0.version == 1 && $0.articleID == created.id })
      #expect(queue[1].makers.map(\.actorID) == [finland.id])
      #expect(try await client.pledge.listPledges(ListPledgesRequest()).pledges.isEmpty)

      // Unknown parties are refused unless the reviewer creates them; the refusal changes nothing.
      let unknown = await rpcError { _ = try await client.extraction.acceptCandidate(AcceptCandidateRequest(candidateID: queue[0].id)) }
      #expect(unknown?.code == .failedPrecondition && unknown?.details?.reason == "UNKNOWN_ACTOR")
      #expect(unknown?.details?.fieldViolations.first?.field == "announcers[0]" && unknown?.message.contains("Ola Berg") == true)
      #expect(try await client.extraction.getCandidate(GetCandidateRequest(id: queue[0].id)) == queue[0])
      #expect(try await client.actor.listActors(ListActorsRequest()).actors.count == 2)

      // Accept with an edit: the pledge rests on the quote, made when the article was published.
      var edited = Pledge(action: "give $50 million for flood relief in Kenya", category: .humanitarianAid, modality: .promise)
      edited.amount = Money(amount: "50000000", currency: "USD", qualifier: .exact)
      let accepted = try await client.extraction.acceptCandidate(AcceptCandidateRequest(
        candidateID: queue[0].id, expectedVersion: 1, pledge: edited, createMissingActors: true
      ))
      let pledge = try #require(accepted.pledge)
      #expect(pledge.action == "give $50 million for flood relief in Kenya" && pledge.madeAtMs == 1_740_000_000_000)
      #expect(pledge.evidence.count == 1 && pledge.evidence[0].quote == queue[0].quote && pledge.evidence[0].range == queue[0].range)
      #expect(pledge.evidence[0].stance == .announces && pledge.extraction?.candidateID == queue[0].id)
      #expect(pledge.parties.filter { $0.role == .maker }.map(\.actorID) == [norway.id])
      let names = try await client.actor.listActors(ListActorsRequest()).actors.map(\.canonicalName)
      #expect(Set(names) == ["Norway", "Finland", "Ola Berg", "Kenya"])
      let candidate = try #require(accepted.candidate)
      #expect(candidate.state == .accepted && candidate.pledgeID == pledge.id && !candidate.attached && candidate.version == 2)
      #expect(candidate.reviewedBy == "anonymous" && candidate.reviewedAtMs > 0)
      let event = try await watch.next()[0]
      #expect(event.kind == .created && event.pledge?.id == pledge.id)

      // Never accepted twice, whichever version the second call names.
      for version: Int64 in [0, 1, 2] {
        let twice = await rpcError {
          _ = try await client.extraction.acceptCandidate(AcceptCandidateRequest(candidateID: queue[0].id, expectedVersion: version))
        }
        #expect(twice?.code == .failedPrecondition && twice?.details?.reason == "ALREADY_REVIEWED" && twice?.details?.existingID == pledge.id)
      }

      // A re-report: FindSimilarPledges proposes the recorded pledge, and the quote is attached to it.
      let second = try await client.article.createArticle(article("rereport", body: reReportBody))
      let report = try #require(try await client.extraction.listCandidates(ListCandidatesRequest(articleID: second.id)).candidates.first)
      #expect(report.makers.map(\.actorID) == [norway.id])
      let draft = Pledge(parties: [PledgeParty(actorID: norway.id, role: .maker)], action: report.action, category: report.category, madeAtMs: 1_740_000_000_000)
      let similar = try await client.pledge.findSimilarPledges(FindSimilarPledgesRequest(pledge: draft))
      #expect(similar.pledges.first?.pledge?.id == pledge.id)
      let attached = try await client.extraction.acceptCandidate(AcceptCandidateRequest(
        candidateID: report.id, attachToPledgeID: pledge.id, reportedAmount: Money(amount: "50000000", currency: "USD")
      ))
      #expect(attached.candidate?.attached == true && attached.candidate?.pledgeID == pledge.id)
      let evidence = try #require(attached.pledge?.evidence.last)
      #expect(attached.pledge?.evidence.count == 2 && evidence.stance == .reports && evidence.articleID == second.id)
      #expect(evidence.reportedAmount?.amount == "50000000" && evidence.quote == report.quote)
      #expect(try await watch.next()[0].kind == .evidenceAdded)

      // Reject with a reason, at the right version only.
      let stale = await rpcError {
        _ = try await client.extraction.rejectCandidate(RejectCandidateRequest(candidateID: queue[1].id, expectedVersion: 5, reason: .notAPledge))
      }
      #expect(stale?.code == .aborted && stale?.details?.reason == "STALE_VERSION")
      let rejected = try await client.extraction.rejectCandidate(RejectCandidateRequest(
        candidateID: queue[1].id, expectedVersion: 1, reason: .outOfScope, note: "not a pledge we track"
      ))
      #expect(rejected.state == .rejected && rejected.rejectionReason == .outOfScope && rejected.rejectionNote == "not a pledge we track")
      let late = await rpcError { _ = try await client.extraction.acceptCandidate(AcceptCandidateRequest(candidateID: queue[1].id, createMissingActors: true)) }
      #expect(late?.code == .failedPrecondition && late?.details?.reason == "ALREADY_REVIEWED")

      // The ledger holds the one accepted pledge; the queue keeps every candidate with its state; the audit log
      // names each review.
      #expect(try await client.pledge.listPledges(ListPledgesRequest()).pledges.map(\.id) == [pledge.id])
      #expect(try await client.extraction.listCandidates(ListCandidatesRequest(state: .pending)).candidates.isEmpty)
      #expect(try await client.extraction.listCandidates(ListCandidatesRequest(state: .rejected)).candidates.map(\.id) == [queue[1].id])
      let audit = try await client.audit.listAuditEntries(ListAuditEntriesRequest(recordType: .candidate, recordID: queue[1].id))
      #expect(audit.entries.map(\.versionAfter) == [1, 2] && audit.entries.last?.method.hasSuffix("RejectCandidate") == true)
    }
  }

  @Test("review requests are checked field by field and a refused one changes nothing")
  func reviewRefusals() async throws {
    try await withDomainServer { client, _ in
      let norway = try await client.actor.createActor(CreateActorRequest(actor: validActor("Norway")))
      let created = try await client.article.createArticle(article("refusals"))
      let candidate = try #require(try await client.extraction.listCandidates(ListCandidatesRequest(articleID: created.id)).candidates.first)
      func field(_ request: AcceptCandidateRequest) async -> String? {
        let error = await rpcError { _ = try await client.extraction.acceptCandidate(request) }
        return error?.details?.fieldViolations.first?.field
      }
      #expect(await field(AcceptCandidateRequest(candidateID: 0)) == "candidate_id")
      #expect(await field(AcceptCandidateRequest(candidateID: candidate.id, expectedVersion: -1)) == "expected_version")
      #expect(await field(AcceptCandidateRequest(candidateID: candidate.id, pledge: Pledge(action: "x"), attachToPledgeID: 1)) == "pledge")
      #expect(await field(AcceptCandidateRequest(candidateID: candidate.id, attachToPledgeID: 1, stance: .optsOut)) == "stance")
      #expect(await field(AcceptCandidateRequest(candidateID: candidate.id, stance: .reports)) == "stance")
      #expect(await field(AcceptCandidateRequest(candidateID: candidate.id, pledge: Pledge(parties: [PledgeParty(actorID: norway.id, role: .maker)], category: .other))) == "pledge.action")
      let missing = await rpcError { _ = try await client.extraction.acceptCandidate(AcceptCandidateRequest(candidateID: candidate.id, attachToPledgeID: 999)) }
      #expect(missing?.code == .notFound && missing?.details?.fieldViolations.first?.field == "attach_to_pledge_id")
      #expect(await rpcError { _ = try await client.extraction.getCandidate(GetCandidateRequest(id: 999)) }?.code == .notFound)
      let noReason = await rpcError { _ = try await client.extraction.rejectCandidate(RejectCandidateRequest(candidateID: candidate.id)) }
      #expect(noReason?.code == .invalidArgument && noReason?.details?.fieldViolations.first?.field == "reason")
      #expect(try await client.extraction.getCandidate(GetCandidateRequest(id: candidate.id)) == candidate)
      #expect(try await client.pledge.listPledges(ListPledgesRequest()).pledges.isEmpty)

      // Lists: confidence within 0...1, pages of a chosen size, tokens bound to their filter.
      let badConfidence = await rpcError { _ = try await client.extraction.listCandidates(ListCandidatesRequest(minConfidence: 1.5)) }
      #expect(badConfidence?.details?.fieldViolations.first?.field == "min_confidence")
      let page = try await client.extraction.listCandidates(ListCandidatesRequest(pageSize: 1))
      #expect(page.candidates.map(\.id) == [candidate.id] && !page.nextPageToken.isEmpty)
      let rest = try await client.extraction.listCandidates(ListCandidatesRequest(pageSize: 1, pageToken: page.nextPageToken))
      #expect(rest.candidates.count == 1 && rest.candidates[0].id > candidate.id)
      let misused = await rpcError { _ = try await client.extraction.listCandidates(ListCandidatesRequest(state: .rejected, pageToken: page.nextPageToken)) }
      #expect(misused?.details?.fieldViolations.first?.field == "page_token")
      #expect(try await client.extraction.listCandidates(ListCandidatesRequest(minConfidence: 1)).candidates.allSatisfy { $0.confidence >= 1 })

      // A body longer than extraction reads is refused with extract, naming the body, and stores nothing.
      let long = String(repeating: "Norway will pay. ", count: ExtractionServiceHandler.maxTextLength / 17 + 1)
      let tooLong = await rpcError { _ = try await client.article.createArticle(article("long", body: long)) }
      #expect(tooLong?.code == .invalidArgument && tooLong?.details?.fieldViolations.first?.field == "article.body")
      #expect(try await client.article.listArticles(ListArticlesRequest()).articles.count == 1)

      // An import does not extract.
      let batch = try await client.article.importArticles([article("imported")])
      #expect(batch.created == 0 && batch.failures.first?.details?.fieldViolations.first?.field == "extract")
    }
  }
}
