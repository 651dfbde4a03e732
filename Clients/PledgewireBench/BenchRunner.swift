import Foundation
import Histogram
import PledgewireClient
import PledgewireTransport
import Synchronization

/// Runs a load test: seeds data if asked, finds the ids to call with, warms up, measures, reports.
///
/// Each worker is a task that prefers the I/O loop of the connection it uses, so that a response resumes its
/// worker on the thread that decoded it: the harness adds no thread hop per call of its own.
public struct BenchRunner: Sendable {
  public let configuration: BenchConfiguration
  /// Where progress lines go; nil: nowhere.
  let progressSink: (@Sendable (String) -> Void)?

  public init(configuration: BenchConfiguration, progress: (@Sendable (String) -> Void)? = BenchRunner.standardError) {
    self.configuration = configuration
    self.progressSink = configuration.progress ? progress : nil
  }

  /// Writes a line to standard error.
  public static let standardError: @Sendable (String) -> Void = { FileHandle.standardError.write(Data(($0 + "\n").utf8)) }

  /// The ids calls pick from.
  struct Targets: Sendable {
    var actorIDs: [Int64] = []
    var pledgeIDs: [Int64] = []
    var articles: [(id: Int64, quote: String)] = []
    var searchWords = SyntheticData.vocabulary
    /// The texts `extract` sends: 16 bodies of about 5 KB.
    var newsBodies = (0..<16).map { SyntheticNews.body($0) }
  }

  public func run() async throws -> BenchReport {
    try configuration.validate()
    let client = try await PledgewireClient.connect(
      to: configuration.target,
      configuration: ClientConfiguration(connections: configuration.connections, defaultTimeout: configuration.timeout, token: configuration.token)
    )
    defer { client.close() }
    if configuration.writes && !configuration.allowWrites {
      try await SeededData.requireEmptyServer(client)
    }
    var seeding: [BenchReport.Seeding] = []
    var targets = try await seed(client, into: &seeding)
    try await discover(client, &targets)
    try check(targets)

    let workers = (0..<configuration.concurrency).map { _ in WorkerStats() }
    if configuration.warmup > .zero {
      try await runWorkers(client, targets, workers, budget: CallBudget(limit: nil), until: .now + configuration.warmup, measure: false)
      for worker in workers { worker.reset() }
    }
    let cpuBefore = Self.cpuSeconds()
    let start = ContinuousClock.now
    let deadline = configuration.duration.map { start + $0 }
    try await runWorkers(client, targets, workers, budget: CallBudget(limit: configuration.requests), until: deadline, measure: true)
    let elapsed = ContinuousClock.now - start
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    let cores = (Self.cpuSeconds() - cpuBefore) / max(seconds, 0.001)
    return report(workers, seconds: seconds, cores: cores, seeding: seeding)
  }

  // MARK: Data

  private func seed(_ client: PledgewireClient, into seeding: inout [BenchReport.Seeding]) async throws -> Targets {
    var targets = Targets()
    let synthetic = SyntheticData(seed: UInt64(UInt32(truncatingIfNeeded: Int(Date().timeIntervalSince1970))))
    let runTag = String(Int(Date().timeIntervalSince1970 * 1000), radix: 36)
    if configuration.seedActors > 0 {
      let (ids, record) = try await timed("actors", count: configuration.seedActors) {
        try await client.actor.importActors(
          (0..<configuration.seedActors).lazy.map { CreateActorRequest(actor: synthetic.actor($0)) },
          options: Self.seedingOptions
        )
      }
      targets.actorIDs = ids
      seeding.append(record)
    }
    if configuration.seedArticles > 0 {
      let (ids, record) = try await timed("articles", count: configuration.seedArticles) {
        try await client.article.importArticles(
          (0..<configuration.seedArticles).lazy.map { index in
            var article = synthetic.article(index)
            article.canonicalURL += "?run=\(runTag)"
            return CreateArticleRequest(article: article)
          },
          options: Self.seedingOptions
        )
      }
      targets.articles = ids.enumerated().map { ($1, SyntheticData.quote(forArticle: $0)) }
      seeding.append(record)
    }
    if configuration.seedPledges > 0 {
      if targets.actorIDs.isEmpty { try await discoverActors(client, &targets) }
      if targets.articles.isEmpty { try await discoverArticles(client, &targets) }
      guard !targets.actorIDs.isEmpty, !targets.articles.isEmpty else {
        throw BenchError("seeding pledges needs actors and articles: add --seed-actors and --seed-articles, or load data first")
      }
      let targetsForPledges = targets
      let (ids, record) = try await timed("pledges", count: configuration.seedPledges) {
        // In streams of 100,000, each well inside the seeding deadline.
        var summary = ImportResponse()
        var start = 0
        while start < configuration.seedPledges {
          let end = min(configuration.seedPledges, start + 100_000)
          let part = try await client.pledge.importPledges(
            (start..<end).lazy.map { CreatePledgeRequest(pledge: synthetic.pledge($0, actorIDs: targetsForPledges.actorIDs, articles: targetsForPledges.articles)) },
            options: Self.seedingOptions
          )
          summary.received += part.received
          summary.created += part.created
          summary.ids += part.ids
          summary.failures += part.failures
          start = end
        }
        return summary
      }
      targets.pledgeIDs = ids
      seeding.append(record)
    }
    return targets
  }

  /// Seeding is set-up, not measurement: its imports are not held to the per-call `--timeout`.
  private static let seedingOptions = CallOptions(timeout: .seconds(3_600))

  private func timed(_ kind: String, count: Int, _ body: () async throws -> ImportResponse) async throws -> ([Int64], BenchReport.Seeding) {
    progressSink?("seeding \(count) \(kind)…")
    let start = ContinuousClock.now
    let summary = try await body()
    let elapsed = ContinuousClock.now - start
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    return (summary.ids, BenchReport.Seeding(
      kind: kind, created: Int(summary.created), failed: summary.failures.count, seconds: seconds,
      perSecond: seconds > 0 ? Double(summary.created) / seconds : 0
    ))
  }

  private func discover(_ client: PledgewireClient, _ targets: inout Targets) async throws {
    let operations = Set(configuration.mix.operations)
    if targets.actorIDs.isEmpty && !operations.isDisjoint(with: [.getActor, .listPledges, .createPledge]) {
      try await discoverActors(client, &targets)
    }
    if targets.pledgeIDs.isEmpty && !operations.isDisjoint(with: [.getPledge, .updateStatus]) {
      var token = ""
      repeat {
        let page = try await client.pledge.listPledges(ListPledgesRequest(pageSize: 1000, pageToken: token))
        targets.pledgeIDs += page.pledges.filter { !Self.finalStatuses.contains($0.status) }.map(\.id)
        token = page.nextPageToken
      } while !token.isEmpty && targets.pledgeIDs.count < 100_000
    }
    if targets.articles.isEmpty && operations.contains(.createPledge) {
      try await discoverArticles(client, &targets)
    }
  }

  private static let finalStatuses: Set<PledgeStatus> = [.fulfilled, .broken, .withdrawn]

  private func discoverActors(_ client: PledgewireClient, _ targets: inout Targets) async throws {
    var token = ""
    repeat {
      let page = try await client.actor.listActors(ListActorsRequest(pageSize: 1000, pageToken: token))
      targets.actorIDs += page.actors.map(\.id)
      token = page.nextPageToken
    } while !token.isEmpty && targets.actorIDs.count < 100_000
  }

  private func discoverArticles(_ client: PledgewireClient, _ targets: inout Targets) async throws {
    let page = try await client.article.listArticles(ListArticlesRequest(view: .full, pageSize: 200))
    targets.articles = page.articles.compactMap { article in
      let words = article.body.split(separator: " ").prefix(4).joined(separator: " ")
      return words.isEmpty ? nil : (article.id, words)
    }
  }

  private func check(_ targets: Targets) throws {
    let operations = Set(configuration.mix.operations)
    if targets.actorIDs.isEmpty && !operations.isDisjoint(with: [.getActor, .listPledges, .createPledge]) {
      throw BenchError("the server has no actors to call with; add --seed-actors N (or start it with --sample-data)")
    }
    if targets.pledgeIDs.isEmpty && !operations.isDisjoint(with: [.getPledge, .updateStatus]) {
      throw BenchError("the server has no open pledges to call with; add --seed-pledges N")
    }
    if targets.articles.isEmpty && operations.contains(.createPledge) {
      throw BenchError("the server has no articles to quote; add --seed-articles N")
    }
  }

  // MARK: Workers

  private func runWorkers(
    _ client: PledgewireClient, _ targets: Targets, _ workers: [WorkerStats], budget: CallBudget,
    until deadline: ContinuousClock.Instant?, measure: Bool
  ) async throws {
    let configuration = self.configuration
    let progress = measure ? progressSink : nil
    let reporter = progress.map { sink in
      Task {
        var second = 0
        var lastCalls: UInt64 = 0
        while !Task.isCancelled {
          try? await Task.sleep(for: .seconds(1))
          guard !Task.isCancelled else { break }
          second += 1
          var merged = Histogram<UInt64>(lowestDiscernibleValue: 1, highestTrackableValue: 60_000_000, numberOfSignificantValueDigits: .two)
          var calls: UInt64 = 0
          var errors: UInt64 = 0
          for worker in workers {
            worker.counts.withLock { counts in
              for histogram in counts.byOperation.values { merged.add(histogram) }
              calls += counts.calls
              errors += counts.errors.values.reduce(0, +)
            }
          }
          sink("\(second)s  \(calls - lastCalls) calls/s  \(errors) errors  p50 \(merged.valueAtPercentile(50)) µs  p99 \(merged.valueAtPercentile(99)) µs")
          lastCalls = calls
        }
      }
    }
    defer { reporter?.cancel() }
    let start = MonotonicTime.now()
    try await withThrowingTaskGroup(of: Void.self) { group in
      for (index, stats) in workers.enumerated() {
        let slot = index % configuration.connections
        let pinned = client.pinned(to: slot)
        group.addTask(executorPreference: client.loop(forSlot: slot)) {
          var worker = Worker(
            index: index, client: pinned, targets: targets, stats: stats, mix: configuration.mix, unaryCall: configuration.call,
            random: SyntheticData.Random(seed: UInt64(index) &* 7_919 &+ 17)
          )
          if let rate = configuration.rate {
            try await worker.runOpenLoop(rate: rate / Double(configuration.concurrency), offset: Double(index) / Double(configuration.concurrency), start: start, until: deadline, budget: budget)
          } else {
            try await worker.runClosedLoop(until: deadline, budget: budget)
          }
        }
      }
      try await group.waitForAll()
    }
  }

  private func report(_ workers: [WorkerStats], seconds: Double, cores: Double, seeding: [BenchReport.Seeding]) -> BenchReport {
    var total = Histogram<UInt64>(lowestDiscernibleValue: 1, highestTrackableValue: 60_000_000, numberOfSignificantValueDigits: .two)
    var byOperation: [Operation: Histogram<UInt64>] = [:]
    var errors: [String: UInt64] = [:]
    var errorsByOperation: [Operation: UInt64] = [:]
    for worker in workers {
      worker.counts.withLock { counts in
        for histogram in counts.byOperation.values { total.add(histogram) }
        for (operation, histogram) in counts.byOperation {
          byOperation[operation, default: Histogram(lowestDiscernibleValue: 1, highestTrackableValue: 60_000_000, numberOfSignificantValueDigits: .two)].add(histogram)
        }
        for (code, count) in counts.errors {
          errors[code.name, default: 0] += count
        }
        for (operation, count) in counts.errorsByOperation {
          errorsByOperation[operation, default: 0] += count
        }
      }
    }
    let available = IOLoop.processorCount
    return BenchReport(
      target: configuration.target, mode: configuration.rate == nil ? "closed" : "open", connections: configuration.connections,
      concurrency: configuration.concurrency, rate: configuration.rate, mix: configuration.mix.description,
      durationSeconds: seconds, count: total.totalCount, errors: errors,
      throughput: seconds > 0 ? Double(total.totalCount) / seconds : 0, latencyMicroseconds: Self.latency(total),
      operations: configuration.mix.operations.map { operation in
        let histogram = byOperation[operation] ?? Histogram(lowestDiscernibleValue: 1, highestTrackableValue: 60_000_000, numberOfSignificantValueDigits: .two)
        return BenchReport.OperationResult(operation: operation.rawValue, count: histogram.totalCount, errors: errorsByOperation[operation] ?? 0, latencyMicroseconds: Self.latency(histogram))
      },
      seeding: seeding,
      clientCPU: BenchReport.ClientCPU(coresUsed: (cores * 100).rounded() / 100, coresAvailable: available, saturated: cores >= 0.9 * Double(available))
    )
  }

  static func latency(_ histogram: Histogram<UInt64>) -> BenchReport.Latency {
    guard histogram.totalCount > 0 else {
      return BenchReport.Latency(min: 0, mean: 0, p50: 0, p90: 0, p99: 0, p999: 0, p9999: 0, max: 0)
    }
    return BenchReport.Latency(
      min: histogram.min, mean: (histogram.mean * 10).rounded() / 10, p50: histogram.valueAtPercentile(50),
      p90: histogram.valueAtPercentile(90), p99: histogram.valueAtPercentile(99), p999: histogram.valueAtPercentile(99.9),
      p9999: histogram.valueAtPercentile(99.99), max: histogram.max
    )
  }

  /// Processor seconds (user and system) this process used so far.
  static func cpuSeconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
  }
}
