import PledgewireClient
@testable import PledgewireDomain
import Testing

@Suite("Pledges stay readable: bounded at write time")
struct PledgeLimitTests {
  @Test("evidence past the limit is FAILED_PRECONDITION, changes nothing, and the pledge reads as before")
  func evidenceLimit() async throws {
    try await withDomainServer { client, _ in
      let words = (0...1_000).map { "w" + String(1_000_000 + $0) }
      let world = try await World.make(client, body: words.joined(separator: " "))
      var draft = world.pledge(quote: words[0])
      draft.evidence = words.prefix(1_000).map { Evidence(articleID: world.article.id, quote: $0, stance: .announces) }
      let pledge = try await client.pledge.createPledge(CreatePledgeRequest(pledge: draft))
      #expect(pledge.evidence.count == 1_000)

      let error = await rpcError {
        _ = try await client.pledge.addEvidence(AddEvidenceRequest(
          pledgeID: pledge.id, evidence: Evidence(articleID: world.article.id, quote: words[1_000], stance: .reports)
        ))
      }
      #expect(error?.code == .failedPrecondition && error?.details?.reason == "PLEDGE_TOO_LARGE")
      #expect(error?.message.hasPrefix("pledge \(pledge.id) would cite 1001 pieces of evidence, over the limit of 1000") == true)
      let read = try await client.pledge.getPledge(GetPledgeRequest(id: pledge.id))
      #expect(read.version == 1 && read.evidence.count == 1_000)
    }
  }

  @Test("a pledge over 1 MiB is refused before it is written")
  func sizeLimit() throws {
    let quote = String(repeating: "x", count: 5_000)
    let evidence = (0..<210).map { Evidence(id: Int64($0 + 1), articleID: 1, quote: quote, stance: .announces) }
    #expect(throws: Never.self) { try PledgeLimits.check(Pledge(id: 3, evidence: Array(evidence.prefix(200)))) }
    let error = #expect(throws: RPCError.self) { try PledgeLimits.check(Pledge(id: 3, evidence: evidence)) }
    #expect(error?.code == .failedPrecondition && error?.message.hasPrefix("pledge 3 would take 10") == true)
  }
}
