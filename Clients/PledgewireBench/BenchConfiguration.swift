/// What a load test does. Validate with ``validate()`` before running.
public struct BenchConfiguration: Sendable, Hashable {
  /// The server, host:port.
  public var target: String
  /// TCP connections; calls are spread over them.
  public var connections: Int
  /// Calls in flight at once (closed loop: each worker sends its next call when the last one answers).
  public var concurrency: Int
  /// How long to measure; nil when ``requests`` bounds the run.
  public var duration: Duration?
  /// How many calls to measure; nil when ``duration`` bounds the run.
  public var requests: Int?
  /// Calls before measuring starts, to warm connections, caches and the JIT-less code paths.
  public var warmup: Duration
  /// Open loop: calls per second across all workers, sent on a fixed schedule; latency counts from the
  /// scheduled time, so a stalled server is not hidden (coordinated omission). nil: closed loop.
  public var rate: Double?
  /// Each call's deadline.
  public var timeout: Duration
  /// What to call.
  public var mix: Mix
  /// Instead of the mix: this unary method with this request (`--call METHOD -d JSON`).
  public var call: UnaryCall?
  /// Data to create before the run, through the import streams.
  public var seedActors: Int
  public var seedArticles: Int
  public var seedPledges: Int
  /// A live progress line every second on standard error.
  public var progress: Bool
  /// Seed and make writing calls even when the server holds data the harness did not create. Without it, a run
  /// that writes (seeding, create-pledge, update-status) refuses a server whose database is not empty.
  public var allowWrites: Bool
  /// The access token calls send; nil: none.
  public var token: String?

  /// The label every record the harness creates carries, so that it can be found (`--label`) and deleted.
  public static let seedLabel = SyntheticData.label

  /// Whether the run creates or changes records.
  public var writes: Bool {
    seedActors > 0 || seedArticles > 0 || seedPledges > 0 || mix.operations.contains(where: \.writes)
      || call.map { !$0.method.isIdempotent } == true
  }

  public init(
    target: String = "127.0.0.1:7979", connections: Int = 1, concurrency: Int = 16, duration: Duration? = .seconds(10),
    requests: Int? = nil, warmup: Duration = .seconds(1), rate: Double? = nil, timeout: Duration = .seconds(5),
    mix: Mix = Mix([(.getActor, 1)]), seedActors: Int = 0, seedArticles: Int = 0, seedPledges: Int = 0, progress: Bool = true,
    allowWrites: Bool = false, call: UnaryCall? = nil, token: String? = nil
  ) {
    self.target = target
    self.connections = connections
    self.concurrency = concurrency
    self.duration = duration
    self.requests = requests
    self.warmup = warmup
    self.rate = rate
    self.timeout = timeout
    self.mix = call == nil ? mix : Mix([(.call, 1)])
    self.call = call
    self.seedActors = seedActors
    self.seedArticles = seedArticles
    self.seedPledges = seedPledges
    self.progress = progress
    self.allowWrites = allowWrites
    self.token = token
  }

  /// Throws a ``BenchError`` naming the option at fault.
  public func validate() throws {
    guard (1...10_000).contains(connections) else { throw BenchError("--connections must be 1...10000, not \(connections)") }
    guard (1...100_000).contains(concurrency) else { throw BenchError("--concurrency must be 1...100000, not \(concurrency)") }
    guard concurrency >= connections else {
      throw BenchError("--concurrency (\(concurrency)) must be at least --connections (\(connections)): each connection needs a call in flight")
    }
    switch (duration, requests) {
    case (nil, nil): throw BenchError("give --duration or --requests")
    case (.some, .some): throw BenchError("give --duration or --requests, not both")
    case (.some(let duration), nil): guard duration > .zero else { throw BenchError("--duration must be positive") }
    case (nil, .some(let requests)): guard requests > 0 else { throw BenchError("--requests must be positive") }
    }
    guard warmup >= .zero else { throw BenchError("--warmup must not be negative") }
    if let rate {
      guard rate > 0 && rate.isFinite else { throw BenchError("--rate must be a positive number of calls per second") }
    }
    guard timeout > .zero else { throw BenchError("--timeout must be positive") }
    if let call, call.method.kind != .unary {
      throw BenchError("--call: \(call.method.fullName) is not unary; bench calls unary methods")
    }
    for (name, value) in [("--seed-actors", seedActors), ("--seed-articles", seedArticles), ("--seed-pledges", seedPledges)] where value < 0 {
      throw BenchError("\(name) must not be negative")
    }
    if seedPledges > 0 && seedActors == 0 && seedArticles == 0 {
      // Pledges need actors and articles; the run finds existing ones, or fails with a clear message then.
    }
  }
}
