import Foundation
import PledgewireTestSupport
import PledgewireWire
import Testing

@Suite("The pledgewire-server executable: imports of large items")
struct ImportMemoryTests {
  @Test("an import streaming 120 MB of articles cannot grow the server's memory past a bound; the others are served meanwhile")
  func importMemoryBound() async throws {
    let directory = try TemporaryDirectory("import")
    defer { directory.remove() }
    let server = try ServerProcess(arguments: ["--db", directory.path("import.sqlite")])

    let other = try await RawConnection.serving(port: server.port)
    try server.resetPeakResident()
    let baseline = server.residentBytes

    // One import of 120 articles of 1 MB each: all of them fit one 500-item batch if batches were bounded by count alone.
    let count = 120
    let body = String(repeating: "Leaders pledged to send troops. ", count: 1_000_000 / 32)
    let importer = try RawConnection(port: server.port)
    try await importer.handshake()
    let sent = Locked(false)
    let sender = Task {
      defer { sent.withLock { $0 = true } }
      try await importer.send(.requestHeaders(streamID: 1, RequestHeaders(method: ArticleService.ImportArticles.descriptor.fullName), endStream: false))
      for index in 0..<count {
        let article = Article(
          canonicalURL: "https://news.example/import/\(index)", title: "Imported \(index)", outlet: "Test Wire", language: "en",
          publishedAtMs: 1_740_000_000_000 - Int64(index), body: body
        )
        try await importer.send(.message(streamID: 1, CreateArticleRequest(article: article).serializedBytes(), endStream: false))
      }
      try await importer.send(.halfClose(streamID: 1))
    }

    // Meanwhile, another client's health checks answer at once: rounds of 20 until the import is sent (the server reads
    // it only as fast as it stores it, so this spans the import).
    var medians: [Double] = []
    var stream: UInt32 = 3
    repeat {
      medians.append(try await other.medianHealthCheckSeconds(count: 20, firstStream: stream))
      stream += 40
    } while !sent.withLock({ $0 })
    try await sender.value
    let median = medians.sorted()[medians.count / 2]
    let answer = try await importer.response(stream: 1, timeout: 120)
    #expect(answer.trailers.code == .ok)
    let summary = try ImportResponse(serializedBytes: answer.messages.first ?? [])
    #expect(summary.received == UInt32(count))
    #expect(summary.created == UInt32(count))
    #expect(summary.failures.isEmpty)

    let growth = server.peakResidentBytes - baseline
    print("import: \(count) articles of 1 MB in one stream; server RSS \(baseline >> 20) MiB -> peak +\(growth >> 20) MiB; health check median \(Int(median * 1_000_000)) µs over \(medians.count) rounds")
    // A 4 MiB batch, the connection's 16 MiB of held request bytes, and SQLite's work on one batch, each held a few
    // times over: 112 MiB. Measured: about 70 MiB; with batches bounded by count alone, 163 MiB.
    #expect(growth < (112 << 20) * Sanitizer.memoryFactor, "server RSS grew by \(growth >> 20) MiB during the import")
    #expect(median < 0.1 * Sanitizer.timeFactor, "health checks took a median \(Int(median * 1_000)) ms during the import")
  }
}
