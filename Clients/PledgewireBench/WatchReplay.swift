import PledgewireClient
import PledgewireTransport

/// Server-streaming throughput: one Watch from the first event, read as fast as the client can.
public enum WatchReplay {
  public struct Result: Sendable, Codable, Hashable {
    public var events: Int
    public var seconds: Double
    public var eventsPerSecond: Double
  }

  /// Reads `events` events of a Watch that replays the log from its start.
  public static func run(target: String, events: Int) async throws -> Result {
    let client = try await PledgewireClient.connect(to: target)
    defer { client.close() }
    let start = MonotonicTime.now()
    var received = 0
    for try await _ in client.pledges.watchPledges(WatchPledgesRequest(resumeToken: "e0")) {
      received += 1
      if received == events { break }
    }
    let seconds = Double(MonotonicTime.now() - start) / 1e9
    return Result(events: received, seconds: seconds, eventsPerSecond: Double(received) / seconds)
  }
}
