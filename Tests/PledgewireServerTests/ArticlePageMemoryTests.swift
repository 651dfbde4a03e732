import Foundation
import PledgewireTestSupport
import PledgewireWire
import Testing

@Suite("The pledgewire-server executable: FULL article pages")
struct ArticlePageMemoryTests {
  @Test("many concurrent FULL ListArticles calls over 48 MB of bodies cannot grow the server's memory past a bound; the others are served meanwhile")
  func fullPagesMemoryBound() async throws {
    let directory = try TemporaryDirectory("pages")
    defer { directory.remove() }
    let server = try ServerProcess(arguments: ["--db", directory.path("pages.sqlite")])

    // 48 articles of 1 MB each.
    let seeder = try RawConnection(port: server.port)
    try await seeder.handshake()
    let body = String(repeating: "Leaders pledged to send troops. ", count: 1_000_000 / 32)
    for index in 0..<48 {
      let stream = UInt32(1 + 2 * index)
      let article = Article(
        canonicalURL: "https://news.example/\(index)", title: "Article \(index)", outlet: "Test Wire", language: "en",
        publishedAtMs: 1_740_000_000_000 - Int64(index), body: body
      )
      try await seeder.call(ArticleService.CreateArticle.descriptor, stream: stream, CreateArticleRequest(article: article))
      #expect(try await seeder.response(stream: stream).trailers.code == .ok)
    }
    let other = try await RawConnection.serving(port: server.port)
    try server.resetPeakResident()
    let baseline = server.residentBytes

    // 8 connections × 2 calls each ask for every body in one page: 768 MB if pages were materialised whole.
    let request = ListArticlesRequest(view: .full, pageSize: 1000)
    let streams: [UInt32] = [1, 3]
    var attackers: [RawConnection] = []
    for _ in 0..<8 {
      let attacker = try RawConnection(port: server.port)
      try await attacker.handshake()
      for id in streams {
        try await attacker.call(ArticleService.ListArticles.descriptor, stream: id, request)
      }
      attackers.append(attacker)
    }

    // Meanwhile, another client's health checks answer at once.
    let median = try await other.medianHealthCheckSeconds()

    // Every page ends at its byte budget with a token: two 1 MB bodies (the budget is 1 MiB; a page may pass it by one row).
    for attacker in attackers {
      for id in streams {
        let answer = try await attacker.response(stream: id, timeout: 60 * Sanitizer.timeFactor)
        #expect(answer.trailers.code == .ok)
        let page = try ListArticlesResponse(serializedBytes: answer.messages.first ?? [])
        #expect(page.articles.count == 2)
        #expect(!page.nextPageToken.isEmpty)
      }
    }
    let growth = server.peakResidentBytes - baseline
    print("full pages: 16 calls over 48 MB of bodies; server RSS \(baseline >> 20) MiB -> peak +\(growth >> 20) MiB; health check median \(Int(median * 1_000_000)) µs")
    // At most 16 pages of about 2 MB of bodies at once, each held at most four times (rows, message, encoding, output):
    // 128 MiB, against 768 MB of bodies for whole pages (with the budget raised to 1 GiB the server stalls past the timeouts).
    #expect(growth < (128 << 20) * Sanitizer.memoryFactor, "server peak RSS grew by \(growth >> 20) MiB")
    #expect(median < 0.1 * Sanitizer.timeFactor)
    server.signal(SIGTERM)
    #expect(server.waitForExit(timeout: 15) == 0)
  }
}
