import PledgewireClient
import PledgewireDomain
import Testing

@Suite("Quote search is linear in the body")
struct QuoteSearchTests {
  @Test("a 5,000-character quote missing from a 1.9 MB body of near-matches is refused within its deadline")
  func worstCase() async throws {
    try await withDomainServer { client, _ in
      let world = try await World.make(client, body: String(repeating: "a", count: 1_900_000))
      let quote = String(repeating: "a", count: 4_999) + "b"
      // Searched naively (position by position, comparing up to 5,000 characters) this takes 10^10 steps.
      let error = await rpcError {
        _ = try await client.pledge.createPledge(CreatePledgeRequest(pledge: world.pledge(quote: quote)), options: CallOptions(timeout: .seconds(30)))
      }
      #expect(error?.code == .invalidArgument)
      #expect(error?.message == "pledge.evidence[0].quote: does not occur in the article body")
    }
  }
}
