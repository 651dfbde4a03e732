import Foundation

/// The result of a load test, for people (``text``) and for scripts (``json``, or ``csv``).
public struct BenchReport: Sendable, Codable, Hashable {
  public struct Latency: Sendable, Codable, Hashable {
    public var min: UInt64
    public var mean: Double
    public var p50: UInt64
    public var p90: UInt64
    public var p99: UInt64
    public var p999: UInt64
    public var p9999: UInt64
    public var max: UInt64
  }

  public struct OperationResult: Sendable, Codable, Hashable {
    public var operation: String
    public var count: UInt64
    public var errors: UInt64
    public var latencyMicroseconds: Latency
  }

  public struct Seeding: Sendable, Codable, Hashable {
    public var kind: String
    public var created: Int
    public var failed: Int
    public var seconds: Double
    public var perSecond: Double
  }

  public struct ClientCPU: Sendable, Codable, Hashable {
    /// Processor time the harness used, in cores (1.0: one core busy the whole run).
    public var coresUsed: Double
    public var coresAvailable: Int
    /// The harness itself used nearly every core: the figures measure the harness as much as the server.
    public var saturated: Bool
  }

  public var target: String
  public var mode: String
  public var connections: Int
  public var concurrency: Int
  public var rate: Double?
  public var mix: String
  public var durationSeconds: Double
  public var count: UInt64
  public var errors: [String: UInt64]
  public var throughput: Double
  public var latencyMicroseconds: Latency
  public var operations: [OperationResult]
  public var seeding: [Seeding]
  public var clientCPU: ClientCPU

  /// The report for people.
  public var text: String {
    var lines: [String] = []
    for seed in seeding {
      lines.append("seeded \(seed.created) \(seed.kind) in \(Self.format(seed.seconds)) s (\(Int(seed.perSecond))/s)\(seed.failed > 0 ? ", \(seed.failed) failed" : "")")
    }
    lines.append("target \(target), \(mode) loop\(rate.map { " at \(Int($0)) calls/s" } ?? ""), \(connections) connections, \(concurrency) in flight, mix \(mix)")
    let errorTotal = errors.values.reduce(0, +)
    lines.append("\(count) calls in \(Self.format(durationSeconds)) s: \(Int(throughput)) calls/s, \(errorTotal) errors\(errorTotal > 0 ? " (" + errors.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ") + ")" : "")")
    let l = latencyMicroseconds
    lines.append("latency µs: min \(l.min)  p50 \(l.p50)  p90 \(l.p90)  p99 \(l.p99)  p99.9 \(l.p999)  p99.99 \(l.p9999)  max \(l.max)  mean \(Self.format(l.mean))")
    if operations.count > 1 {
      for operation in operations {
        lines.append("  \(operation.operation): \(operation.count) calls, \(operation.errors) errors, p50 \(operation.latencyMicroseconds.p50) µs, p99 \(operation.latencyMicroseconds.p99) µs")
      }
    }
    lines.append("harness CPU: \(Self.format(clientCPU.coresUsed)) of \(clientCPU.coresAvailable) cores\(clientCPU.saturated ? " — SATURATED: the harness, not only the server, limited this run" : "")")
    return lines.joined(separator: "\n")
  }

  /// One JSON object, keys in snake_case: `throughput`, `latency_microseconds.p99`, `errors.UNAVAILABLE`...
  public var json: String {
    let encoder = JSONEncoder()
    encoder.keyEncodingStrategy = .convertToSnakeCase
    encoder.outputFormatting = [.sortedKeys]
    return (try? encoder.encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
  }

  /// One CSV header line and one row per operation plus a total row.
  public var csv: String {
    var lines = ["operation,count,errors,throughput,min_us,p50_us,p90_us,p99_us,p999_us,p9999_us,max_us,mean_us"]
    func row(_ name: String, _ count: UInt64, _ errors: UInt64, _ latency: Latency) -> String {
      let rate = durationSeconds > 0 ? Double(count) / durationSeconds : 0
      return "\(name),\(count),\(errors),\(Self.format(rate)),\(latency.min),\(latency.p50),\(latency.p90),\(latency.p99),\(latency.p999),\(latency.p9999),\(latency.max),\(Self.format(latency.mean))"
    }
    for operation in operations {
      lines.append(row(operation.operation, operation.count, operation.errors, operation.latencyMicroseconds))
    }
    lines.append(row("total", count, errors.values.reduce(0, +), latencyMicroseconds))
    return lines.joined(separator: "\n")
  }

  static func format(_ value: Double) -> String {
    let hundredths = Int((value * 100).rounded())
    let fraction = abs(hundredths % 100)
    return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)"
  }
}
