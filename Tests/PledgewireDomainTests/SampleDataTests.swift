import PledgewireClient
import PledgewireDomain
import PledgewireStorage
import Testing

@Suite("Sample data")
struct SampleDataTests {
  @Test("loads into an empty store once, and not into one that holds data")
  func loadsOnce() async throws {
    let store = try SQLiteStore(path: ":memory:")
    let hub = PledgeEventHub()
    let summary = try #require(try await SampleDataLoader.loadIfEmpty(store: store, hub: hub))
    #expect(summary.actors == LondonSummitSample.actors.count)
    #expect(summary.articles == LondonSummitSample.articles.count)
    #expect(summary.pledges == LondonSummitSample.pledges.count)
    #expect(try await SampleDataLoader.loadIfEmpty(store: store, hub: hub) == nil)
    #expect(try await store.integrityCheck() == ["ok"])
  }

  @Test("the troops offer is conditional and quoted from the sample report")
  func troops() async throws {
    try await withDomainServer(sample: true) { client, _ in
      let troops = try await client.pledge.listPledges(ListPledgesRequest(filter: PledgeFilter(categories: [.troopDeployment]))).pledges
      let offer = try #require(troops.first)
      #expect(offer.condition?.state == .pending)
      #expect(offer.modality == .offer)
      let article = try await client.article.getArticle(GetArticleRequest(id: offer.evidence[0].articleID))
      let range = try #require(offer.evidence[0].range)
      let scalars = Array(article.body.unicodeScalars)
      #expect(String(String.UnicodeScalarView(scalars[Int(range.start)..<Int(range.end)])) == offer.evidence[0].quote)
      // Every mention points at its surface text.
      for mention in article.mentions {
        let text = String(String.UnicodeScalarView(scalars[Int(mention.range!.start)..<Int(mention.range!.end)]))
        #expect(text == mention.surfaceText)
      }
    }
  }
}
