import PledgewireClient
import PledgewireTransport

/// One in-flight slot of a load test: sends a call, records its latency, repeats.
struct Worker {
  let index: Int
  let client: PledgewireClient
  let targets: BenchRunner.Targets
  let stats: WorkerStats
  let mix: Mix
  /// The method of a `--call` run.
  let unaryCall: UnaryCall?
  var random: SyntheticData.Random

  /// Closed loop: the next call leaves when the previous one answers.
  mutating func runClosedLoop(until deadline: ContinuousClock.Instant?, budget: CallBudget) async throws {
    while !Task.isCancelled {
      if let deadline, ContinuousClock.now >= deadline { return }
      guard budget.take() else { return }
      let started = MonotonicTime.now()
      let (operation, error) = await call()
      stats.record(operation, microseconds: (MonotonicTime.now() - started) / 1_000, error: error)
    }
  }

  /// Open loop: calls leave on a fixed schedule, `rate` per second for this worker; latency counts from the
  /// scheduled time, so time a call spends waiting behind a slow one is counted, not hidden. Every call scheduled
  /// before the end of the run is made, however late: a slow server makes the run longer, not smaller.
  mutating func runOpenLoop(rate: Double, offset: Double, start: UInt64, until deadline: ContinuousClock.Instant?, budget: CallBudget) async throws {
    let interval = 1e9 / rate
    var scheduled = Double(start) + offset * interval
    let end = deadline.map { Double(MonotonicTime.now()) + Double(ContinuousClock.now.duration(to: $0).nanoseconds) }
    while !Task.isCancelled {
      if let end, scheduled >= end { return }
      guard budget.take() else { return }
      let now = MonotonicTime.now()
      if Double(now) < scheduled {
        try? await Task.sleep(for: .nanoseconds(Int64(scheduled - Double(now))))
      }
      let (operation, error) = await call()
      stats.record(operation, microseconds: UInt64(max(0, Double(MonotonicTime.now()) - scheduled)) / 1_000, error: error)
      scheduled += interval
    }
  }

  private mutating func pick<T>(_ values: [T]) -> T {
    values[Int(random.next() % UInt64(values.count))]
  }

  /// Makes one call of the mix; returns which, and its error status if it failed.
  private mutating func call() async -> (Operation, StatusCode?) {
    let operation = mix.pick(Int(random.next() % 1_000_000))
    do {
      switch operation {
      case .getActor:
        _ = try await client.actor.getActor(GetActorRequest(id: pick(targets.actorIDs)))
      case .getPledge:
        _ = try await client.pledge.getPledge(GetPledgeRequest(id: pick(targets.pledgeIDs)))
      case .listPledges:
        _ = try await client.pledge.listPledges(ListPledgesRequest(filter: PledgeFilter(actorID: pick(targets.actorIDs)), pageSize: 20))
      case .search:
        _ = try await client.article.searchArticles(SearchArticlesRequest(query: pick(targets.searchWords), pageSize: 10))
      case .createPledge:
        let number = Int(random.next() % 1_000_000_000)
        _ = try await client.pledge.createPledge(CreatePledgeRequest(pledge: SyntheticData(seed: 7).pledge(number, actorIDs: targets.actorIDs, articles: targets.articles)))
      case .updateStatus:
        let status: PledgeStatus = random.next() % 2 == 0 ? .inProgress : .stalled
        _ = try await client.pledge.updatePledgeStatus(UpdatePledgeStatusRequest(pledgeID: pick(targets.pledgeIDs), status: status, note: "load test"))
      case .extract:
        _ = try await client.extraction.extract(ExtractRequest(text: pick(targets.newsBodies)))
      case .call:
        try await unaryCall?.call(client)
      }
      return (operation, nil)
    } catch let error as RPCError {
      return (operation, error.code)
    } catch {
      return (operation, .unknown)
    }
  }
}
