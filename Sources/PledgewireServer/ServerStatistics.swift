import Histogram
import PledgewireWire

/// Counters of calls by method and status, latency histograms, connections and bytes. Each I/O loop writes its own
/// shard, so recording a call takes one uncontended lock; a snapshot merges the shards.
final class ServerStatistics: Sendable {
  /// One loop's counters.
  final class Shard: Sendable {
    struct MethodCounters {
      var statusCounts = [UInt64](repeating: 0, count: 17)
      var otherStatuses: UInt64 = 0
      /// Microseconds, 1 µs to 1 hour, two significant digits.
      var latency = Histogram<UInt64>(lowestDiscernibleValue: 1, highestTrackableValue: 3_600_000_000, numberOfSignificantValueDigits: .two)
    }

    struct Counters {
      /// By method number (``MethodTable``), growing as numbers are met.
      var methods: [MethodCounters] = []
      var streamsOpen = 0
      var bytesReceived: UInt64 = 0
      var bytesSent: UInt64 = 0
      var protocolErrors: UInt64 = 0
    }

    let counters = Locked(Counters())

    /// Streams opened and calls ended during one event of a connection, under one lock.
    func record(opened: Int, ended: [CallEnd]) {
      counters.withLock { counters in
        counters.streamsOpen += opened
        for end in ended {
          if end.wasOpen {
            counters.streamsOpen -= 1
          }
          while counters.methods.count <= end.method {
            counters.methods.append(MethodCounters())
          }
          counters.methods[end.method].record(code: end.code, microseconds: max(1, end.nanoseconds / 1_000))
        }
      }
    }

    func received(_ bytes: Int) { counters.withLock { $0.bytesReceived += UInt64(bytes) } }
    func sent(_ bytes: Int) { counters.withLock { $0.bytesSent += UInt64(bytes) } }
    func protocolError() { counters.withLock { $0.protocolErrors += 1 } }
  }

  let shards: [Shard]
  let startedAt = ContinuousClock.now
  /// Method names by number: the server's ``MethodTable``, then "unknown".
  private let methodNames = Locked<[String]>([])

  func name(methods names: [String]) {
    methodNames.withLock { $0 = names }
  }
  let startedAtUnixMs: Int64

  init(shards: Int, startedAtUnixMs: Int64) {
    self.shards = (0..<shards).map { _ in Shard() }
    self.startedAtUnixMs = startedAtUnixMs
  }

  /// Everything merged, for `StatsService/GetServerStats`.
  func snapshot(connectionsOpen: Int, accepted: UInt64, rejected: UInt64) -> ServerStats {
    var methods: [String: Shard.MethodCounters] = [:]
    var stats = ServerStats(
      startedAtMs: startedAtUnixMs,
      uptimeMs: UInt64((ContinuousClock.now - startedAt).components.seconds * 1_000),
      connectionsOpen: UInt32(connectionsOpen),
      connectionsAccepted: accepted,
      connectionsRejected: rejected
    )
    var streams = 0
    for shard in shards {
      shard.counters.withLock { counters in
        streams += counters.streamsOpen
        stats.bytesReceived += counters.bytesReceived
        stats.bytesSent += counters.bytesSent
        stats.protocolErrors += counters.protocolErrors
        let names = methodNames.withLock { $0 }
        for (index, counts) in counters.methods.enumerated() where index < names.count && counts.latency.totalCount > 0 {
          methods[names[index], default: Shard.MethodCounters()].add(counts)
        }
      }
    }
    stats.streamsOpen = UInt32(max(0, streams))
    stats.methods = methods.keys.sorted().map { name in
      let counts = methods[name]!
      let latency = counts.latency
      return MethodStats(
        method: name,
        calls: latency.totalCount,
        statuses: counts.statusCounts.enumerated().compactMap { code, count in
          count == 0 ? nil : StatusCount(code: StatusCode(rawValue: Int32(code)), count: count)
        },
        latency: LatencySummary(
          count: latency.totalCount,
          meanUs: latency.mean,
          p50Us: latency.valueAtPercentile(50),
          p90Us: latency.valueAtPercentile(90),
          p99Us: latency.valueAtPercentile(99),
          p999Us: latency.valueAtPercentile(99.9),
          maxUs: latency.max
        )
      )
    }
    return stats
  }
}

extension ServerStatistics.Shard.MethodCounters {
  mutating func record(code: StatusCode, microseconds: UInt64) {
    let index = Int(code.rawValue)
    if index >= 0 && index < statusCounts.count {
      statusCounts[index] += 1
    } else {
      otherStatuses += 1
    }
    _ = latency.record(min(microseconds, 3_600_000_000))
  }

  mutating func add(_ other: Self) {
    for index in statusCounts.indices {
      statusCounts[index] += other.statusCounts[index]
    }
    otherStatuses += other.otherStatuses
    latency.add(other.latency)
  }
}
