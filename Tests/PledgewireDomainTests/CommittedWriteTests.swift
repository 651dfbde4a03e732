import PledgewireClient
import PledgewireDomain
import Testing

@Suite("A write whose answer cannot be delivered names what it committed")
struct CommittedWriteTests {
  @Test("a created article over the client's max frame size: RESOURCE_EXHAUSTED with details.committed_id, and the article is there")
  func createOverFrameSize() async throws {
    try await withDomainServer { client, _ in
      let small = try await PledgewireClient.connect(
        to: "\(client.target.host):\(client.target.port)", configuration: ClientConfiguration(maxFrameSize: 16_384)
      )
      defer { small.close() }
      let body = String(repeating: "Leaders pledged to send troops to keep the peace. ", count: 500)
      let error = await rpcError { _ = try await small.article.createArticle(CreateArticleRequest(article: validArticle(body: body))) }
      #expect(error?.code == .resourceExhausted)
      let committed = try #require(error?.details?.committedID)
      #expect(committed > 0)
      let stored = try await client.article.getArticle(GetArticleRequest(id: committed))
      #expect(stored.body == body)

      // A read of the same record is not a write: no committed id.
      let read = await rpcError { _ = try await small.article.getArticle(GetArticleRequest(id: committed)) }
      #expect(read?.code == .resourceExhausted)
      #expect(read?.details?.committedID ?? 0 == 0)
      // An answer that fits is unchanged.
      let fits = try await small.article.createArticle(CreateArticleRequest(article: validArticle("2")))
      #expect(fits.id > committed)
    }
  }
}
