// Storage benchmark: generates synthetic data straight into a store (a SQLite file, or a PostgreSQL database with
// --db), then measures ingest rate, Get by id, filtered List and Search latency in process, and prints the query
// plans of the List queries.
//
//   pledgewire-storage-bench [--path FILE | --db postgres://...] [--actors N] [--articles N] [--pledges N]
//                            [--writers N] [--samples N] [--reuse] [--sync full|normal]
//
// Defaults: 10,000 actors, 100,000 articles, 1,000,000 pledges in /tmp/pledgewire-storage-bench.sqlite, written by
// one writer. --writers N ingests the pledges in N concurrent batches. A PostgreSQL database must be empty unless
// --reuse is given (scripts/bench-storage makes a throwaway cluster).
import Foundation
import Logging
import PledgewireBench
import PledgewirePostgres
import PledgewireStorage
import PledgewireTransport
import PledgewireWire

struct Options {
  var path = "/tmp/pledgewire-storage-bench.sqlite"
  /// A PostgreSQL URL; nil: the SQLite file at `path`.
  var db: String?
  var writers = 1
  var actors = 10_000
  var articles = 100_000
  var pledges = 1_000_000
  var samples = 2_000
  var reuse = false
  var sync = SQLiteStore.Synchronous.full
}

func parseOptions() -> Options {
  var options = Options()
  var arguments = CommandLine.arguments.dropFirst()
  while let argument = arguments.popFirst() {
    switch argument {
    case "--path": options.path = arguments.popFirst() ?? options.path
    case "--db": options.db = arguments.popFirst()
    case "--writers": options.writers = max(1, Int(arguments.popFirst() ?? "") ?? options.writers)
    case "--actors": options.actors = Int(arguments.popFirst() ?? "") ?? options.actors
    case "--articles": options.articles = Int(arguments.popFirst() ?? "") ?? options.articles
    case "--pledges": options.pledges = Int(arguments.popFirst() ?? "") ?? options.pledges
    case "--samples": options.samples = Int(arguments.popFirst() ?? "") ?? options.samples
    case "--reuse": options.reuse = true
    case "--sync": options.sync = SQLiteStore.Synchronous(rawValue: arguments.popFirst() ?? "") ?? options.sync
    default:
      print("usage: pledgewire-storage-bench [--path FILE | --db postgres://...] [--actors N] [--articles N] [--pledges N] [--writers N] [--samples N] [--reuse] [--sync full|normal]")
      exit(argument == "--help" ? 0 : 2)
    }
  }
  return options
}

func seconds(since start: UInt64) -> Double {
  Double(MonotonicTime.now() - start) / 1e9
}

/// Fails loudly when any item of a batch failed.
func check<T>(_ results: [Result<T, RPCError>]) throws {
  if let failure = results.lazy.compactMap({ result -> RPCError? in if case .failure(let error) = result { return error }; return nil }).first {
    throw failure
  }
}

/// Runs `body` in batches of `batch` items, `writers` batches at a time, printing the rate.
func ingest(
  _ name: String, count: Int, batch: Int, writers: Int = 1, _ body: @escaping @Sendable (Range<Int>) async throws -> Void
) async throws {
  let start = MonotonicTime.now()
  let batches = stride(from: 0, to: count, by: batch).map { $0..<min(count, $0 + batch) }
  try await withThrowingTaskGroup(of: Void.self) { group in
    for (index, range) in batches.enumerated() {
      if index >= writers { try await group.next() }
      group.addTask { try await body(range) }
    }
    try await group.waitForAll()
  }
  let elapsed = seconds(since: start)
  let by = writers > 1 ? ", \(writers) writers" : ""
  print("ingest \(name): \(count) in \(String(format: "%.1f", elapsed)) s = \(Int(Double(count) / elapsed))/s (batches of \(batch)\(by))")
}

/// The store the options name.
func openStore(_ options: Options) async throws -> any PledgewireStore {
  guard let db = options.db else { return try SQLiteStore(path: options.path, synchronous: options.sync) }
  var logger = Logger(label: "pledgewire.postgres")
  logger.logLevel = .warning
  return try await PostgresStore(PostgresStore.Options(url: db, poolSize: max(4, options.writers * 2)), logger: logger)
}

/// Calls `body` `samples` times; prints p50, p90, p99 and max in microseconds.
func measure(_ name: String, samples: Int, _ body: (Int) async throws -> Int) async throws {
  var latencies: [Double] = []
  var rows = 0
  for index in 0..<samples {
    let start = MonotonicTime.now()
    rows += try await body(index)
    latencies.append(Double(MonotonicTime.now() - start) / 1_000)
  }
  latencies.sort()
  func at(_ fraction: Double) -> String { String(format: "%.0f", latencies[min(latencies.count - 1, Int(Double(latencies.count) * fraction))]) }
  let name = name.padding(toLength: 50, withPad: " ", startingAt: 0)
  print("\(name) p50 \(at(0.5).leftPad(6)) µs  p90 \(at(0.9).leftPad(6)) µs  p99 \(at(0.99).leftPad(6)) µs  max \(at(1).leftPad(7)) µs  rows/call \(String(format: "%.1f", Double(rows) / Double(samples)))")
}

extension String {
  func leftPad(_ width: Int) -> String { String(repeating: " ", count: max(0, width - count)) + self }
}

let options = parseOptions()
if !options.reuse && options.db == nil {
  for suffix in ["", "-wal", "-shm"] {
    try? FileManager.default.removeItem(atPath: options.path + suffix)
  }
}
let store = try await openStore(options)
let empty = try await store.isEmpty()
guard options.reuse || empty else {
  print("pledgewire-storage-bench: the database is not empty; give --reuse to measure it again, or an empty one")
  exit(1)
}
let synthetic = SyntheticData(seed: 42)
let now = Int64(Date().timeIntervalSince1970 * 1_000)
let context = WriteContext(principal: "pledgewire-storage-bench", method: "ingest", now: now)
let location = options.db.map { _ in "PostgreSQL" } ?? "\(options.path), synchronous=\(options.sync.rawValue)"
print("storage benchmark: \(location), \(ProcessInfo.processInfo.activeProcessorCount) cores")

if !options.reuse {
  try await ingest("actors", count: options.actors, batch: 1_000) { [store, synthetic, context] range in
    try check(try await store.insertActors(range.map(synthetic.actor), context))
  }
  try await ingest("articles", count: options.articles, batch: 500) { [store, synthetic, context, now] range in
    try check(try await store.insertArticles(range.map { index in
      var article = synthetic.article(index)
      article.contentHash = "sha256:synthetic"
      article.ingestedAtMs = now
      return article
    }, context))
  }
  // Synthetic ids are 1...N in insertion order.
  let actorIDs = (1...Int64(options.actors)).map { $0 }
  let articles = (0..<options.articles).map { (id: Int64($0 + 1), quote: SyntheticData.quote(forArticle: $0)) }
  try await ingest("pledges", count: options.pledges, batch: 1_000, writers: options.writers) { [store, synthetic, context] range in
    try check(try await store.insertPledges(range.map { index in
      var pledge = synthetic.pledge(index, actorIDs: actorIDs, articles: articles)
      pledge.status = .announced
      pledge.evidence[0].range = TextRange(start: 0, end: UInt32(pledge.evidence[0].quote.unicodeScalars.count))
      pledge.history = [StatusChange(toStatus: .announced, atMs: pledge.madeAtMs, note: "recorded")]
      return pledge
    }, context))
  }
}

// The store's actor cache is warm from the ingest (or from this read); a second store on the same file starts with
// an empty one.
if options.reuse {
  for id in 1...Int64(options.actors) { _ = try await store.actor(id: id) }
}
try await measureReads(store: store, coldStore: try await openStore(options), options: options)

/// The read measurements, nonisolated like the store's API, so that no executor hop is added to what they time.
nonisolated func measureReads(store: any PledgewireStore, coldStore: any PledgewireStore, options: Options) async throws {
  var random = SyntheticData.Random(seed: 7)
  func pick(_ count: Int) -> Int64 { Int64(random.next() % UInt64(count)) + 1 }
  let samples = options.samples
  print("")
  try await measure("get actor by id, from the database (cache empty)", samples: min(samples, options.actors)) { index in
    // Distinct ids (7,919 is prime), so that no read is answered by the cache it fills.
    try await coldStore.actor(id: Int64(index * 7_919 % options.actors + 1)) == nil ? 0 : 1
  }
  try await measure("get actor by id, actor cache (async API)", samples: samples) { _ in try await store.actor(id: pick(options.actors)) == nil ? 0 : 1 }
  try await measure("get actor by id, actor cache (server fast path)", samples: samples) { _ in store.cachedActor(id: pick(options.actors)) == nil ? 0 : 1 }
  try await measure("get article by id", samples: samples) { _ in try await store.article(id: pick(options.articles)) == nil ? 0 : 1 }
  try await measure("get pledge by id", samples: samples) { _ in try await store.pledge(id: pick(options.pledges)) == nil ? 0 : 1 }
  let pledgeQueries: [(String, () -> PledgeQuery)] = [
    ("list pledges: newest 20", { PledgeQuery(limit: 20) }),
    ("list pledges: by maker actor", { PledgeQuery(actorIDs: [pick(options.actors)], limit: 20) }),
    ("list pledges: by beneficiary", { PledgeQuery(beneficiaryID: pick(options.actors), limit: 20) }),
    ("list pledges: status + category", { PledgeQuery(categories: [.militaryAid], statuses: [.announced], limit: 20) }),
    ("list pledges: made-at window", { let from = 1_735_689_600_000 + Int64(random.next() % 900_000) * 1_000; return PledgeQuery(madeAfter: from, madeBefore: from + 86_400_000, limit: 20) }),
    ("list pledges: citing an article", { PledgeQuery(articleID: pick(options.articles), limit: 20) }),
    ("list pledges: conditional, by maker", { PledgeQuery(actorIDs: [pick(options.actors)], conditional: true, limit: 20) }),
    ("list pledges: page 2 by keyset", { PledgeQuery(after: TimeCursor(at: 1_735_689_600_000 + Int64(options.pledges / 2) * 1_000, id: Int64(options.pledges / 2)), limit: 20) }),
  ]
  for (name, query) in pledgeQueries {
    try await measure(name, samples: samples) { _ in try await store.listPledges(query()).count }
  }
  let articleQueries: [(String, () -> ArticleQuery)] = [
    ("list articles: newest 20", { ArticleQuery(limit: 20) }),
    ("list articles: by outlet", { ArticleQuery(outlet: "Outlet \(random.next() % 20)", limit: 20) }),
  ]
  for (name, query) in articleQueries {
    try await measure(name, samples: samples) { _ in try await store.listArticles(query()).count }
  }
  let words = SyntheticData.vocabulary
  try await measure("search: common word (~25% of articles), top 20", samples: min(samples, 200)) { _ in
    try await store.searchArticles(ArticleSearchQuery(match: "\"\(words[Int(random.next() % UInt64(words.count))])\"", limit: 20)).count
  }
  try await measure("search: two common words, top 20", samples: min(samples, 200)) { _ in
    try await store.searchArticles(ArticleSearchQuery(match: "\"\(words[Int(random.next() % 50)])\" AND \"\(words[Int(random.next() % 50)])\"", limit: 20)).count
  }
  let fillers = SyntheticData.fillers
  try await measure("search: ordinary word (~3% of articles), top 20", samples: min(samples, 500)) { _ in
    try await store.searchArticles(ArticleSearchQuery(match: "\"\(fillers[Int(random.next() % UInt64(fillers.count))])\"", limit: 20)).count
  }
  try await measure("search: rare phrase (article number)", samples: min(samples, 500)) { _ in
    try await store.searchArticles(ArticleSearchQuery(match: "\"article \(pick(options.articles))\"", limit: 20)).count
  }

  print("\nquery plans:")
  for (name, query) in pledgeQueries {
    print("  \(name):")
    for line in try await explain(store, query()) { print("    \(line)") }
  }
  for (name, query) in articleQueries {
    print("  \(name):")
    for line in try await explain(store, query()) { print("    \(line)") }
  }
  if options.db == nil {
    let size = (try? FileManager.default.attributesOfItem(atPath: options.path)[.size] as? Int) ?? 0
    print("\ndatabase size: \(size / 1_048_576) MiB")
  }
}

/// The plan of a pledge list, from whichever store runs it.
nonisolated func explain(_ store: any PledgewireStore, _ query: PledgeQuery) async throws -> [String] {
  switch store {
  case let sqlite as SQLiteStore: try await sqlite.explainListPledges(query)
  case let postgres as PostgresStore: try await postgres.explainListPledges(query)
  default: []
  }
}

/// The plan of an article list, from whichever store runs it.
nonisolated func explain(_ store: any PledgewireStore, _ query: ArticleQuery) async throws -> [String] {
  switch store {
  case let sqlite as SQLiteStore: try await sqlite.explainListArticles(query)
  case let postgres as PostgresStore: try await postgres.explainListArticles(query)
  default: []
  }
}
