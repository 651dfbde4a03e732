import Foundation
import PledgewirePostgres
import PledgewireStorage
import PledgewireWire
import Testing

/// A way to get an empty store. Every contract test runs once per factory in ``StoreFactory/all``: SQLite always,
/// and PostgreSQL when `PLEDGEWIRE_TEST_POSTGRES_URL` names a database (`make test-postgres` starts a throwaway
/// cluster and sets it); each PostgreSQL store gets a schema of its own, so tests run side by side.
struct StoreFactory: Sendable, CustomTestStringConvertible {
  let name: String
  let make: @Sendable () async throws -> any PledgewireStore

  var testDescription: String { name }

  static let all: [StoreFactory] = [
    StoreFactory(name: "sqlite") { try SQLiteStore(path: ":memory:") },
  ] + (postgresURL.map { url in
    // Timeouts far above any answer's: the contract is behaviour, and a full suite beside other builds on two cores
    // was seen to keep a call queued for a pooled connection beyond the default 5 s.
    [StoreFactory(name: "postgres") {
      try await PostgresStore(PostgresStore.Options(url: url, poolSize: 2, schema: uniqueSchema(), connectTimeout: .seconds(60), answerTimeout: .seconds(60)))
    }]
  } ?? [])

  /// The test cluster's URL, from `PLEDGEWIRE_TEST_POSTGRES_URL`.
  static var postgresURL: String? {
    ProcessInfo.processInfo.environment["PLEDGEWIRE_TEST_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }
  }

  /// A schema name no other test uses.
  static func uniqueSchema() -> String {
    "test_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
  }
}

/// A write context for tests.
func context(_ now: Int64 = 1_750_000_000_000, principal: String = "tester", method: String = "/test/Write") -> WriteContext {
  WriteContext(principal: principal, method: method, peer: "127.0.0.1:1", now: now)
}

/// The error `body` throws, as an RPCError.
func storeError(_ body: () async throws -> Void) async -> RPCError? {
  do {
    try await body()
    return nil
  } catch {
    return error as? RPCError
  }
}

/// A small world in a store: two actors, an article, and pledges to make.
struct Fixture {
  let store: any PledgewireStore
  let maker: Actor
  let other: Actor
  let article: Article

  static let body = "London pledged 1.5 billion pounds. Paris promised troops if a deal is reached. Zürich stayed quiet."

  static func make(_ factory: StoreFactory) async throws -> Fixture {
    let store = try await factory.make()
    let actors = try await store.insertActors([
      Actor(kind: .country, canonicalName: "United Kingdom", aliases: ["UK"]), Actor(kind: .country, canonicalName: "France"),
    ], context())
    let article = try await store.insertArticles([Fixture.article("https://news.example/1", body: body)], context())[0].get()
    return Fixture(store: store, maker: try actors[0].get(), other: try actors[1].get(), article: article)
  }

  static func article(_ url: String, body: String = body, hash: String? = nil) -> Article {
    Article(
      canonicalURL: url, title: "Report", outlet: "Wire", language: "en", publishedAtMs: 1_740_000_000_000, body: body,
      contentHash: hash ?? "sha256:\(body.hashValue)", ingestedAtMs: 1_750_000_000_000, submittedURL: url
    )
  }

  /// A pledge ready for the store: evidence with a provisional id and a located range, and its first history entry.
  func pledge(_ action: String = "pay", quote: TextRange = TextRange(start: 0, end: 33), madeAt: Int64 = 1_740_000_000_000) -> Pledge {
    let evidence = Evidence(id: -1, articleID: article.id, quote: String(Array(Fixture.body.unicodeScalars)[Int(quote.start)..<Int(quote.end)].map(Character.init)), range: quote, stance: .announces)
    return Pledge(
      parties: [PledgeParty(actorID: maker.id, role: .maker), PledgeParty(actorID: other.id, role: .beneficiary)],
      action: action, category: .financialAid, modality: .promise, madeAtMs: madeAt, status: .announced, evidence: [evidence],
      history: [StatusChange(fromStatus: .unspecified, toStatus: .announced, atMs: madeAt, evidence: evidence, note: "recorded")]
    )
  }

  func insert(_ pledge: Pledge) async throws -> Pledge {
    try await store.insertPledges([pledge], context())[0].get().pledge!
  }
}
