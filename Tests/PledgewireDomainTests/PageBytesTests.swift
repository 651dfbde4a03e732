import PledgewireClient
import PledgewireDomain
import Testing

@Suite("List pages are bounded by bytes as well as rows")
struct PageBytesTests {
  @Test("a FULL ListArticles page ends early at its byte budget with a next-page token; following the tokens lists every article once")
  func fullPages() async throws {
    try await withDomainServer { client, _ in
      // 600 KB bodies: two take a page past its 1 MiB budget.
      let body = String(repeating: "Leaders pledged to send troops. ", count: 600_000 / 32)
      var ids: [Int64] = []
      for index in 0..<5 {
        ids.append(try await client.article.createArticle(CreateArticleRequest(article: validArticle("\(index)", publishedAt: 1_740_000_000_000 - Int64(index), body: body + "Article \(index)."))).id)
      }
      var pages: [[Int64]] = []
      var token = ""
      repeat {
        let page = try await client.article.listArticles(ListArticlesRequest(view: .full, pageSize: 10, pageToken: token))
        #expect(page.articles.allSatisfy { $0.body.hasPrefix(body) })
        #expect(page.articles.reduce(0) { $0 + $1.body.utf8.count } < ArticleServiceHandler.maxPageBodyBytes + body.utf8.count)
        pages.append(page.articles.map(\.id))
        token = page.nextPageToken
      } while !token.isEmpty && pages.count < 10
      #expect(pages.map(\.count) == [2, 2, 1])
      #expect(pages.flatMap { $0 } == ids)

      // Without bodies only the rows count.
      let basic = try await client.article.listArticles(ListArticlesRequest(pageSize: 10))
      #expect(basic.articles.count == 5)
      #expect(basic.nextPageToken.isEmpty)
    }
  }
}
