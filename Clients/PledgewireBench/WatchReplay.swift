import PledgewireClient
import PledgewireTransport

/// Server-streaming throughput: one Watch from the first event, read as fast as the client can.
public enum WatchReplay {
  public struct Result: Sendable, Codable, Hashable {
    public var events: Int
    public var seconds: Double
    public var eventsPerSecond: Double
  }

  /// Reads `events` events of a Watch that replays the log from its start, sending `token` if given. Fails with a ``BenchError`` when the
  /// log holds fewer and no more arrive within `timeout`.
  public static func run(target: String, events: Int, timeout: Duration = .seconds(30), token: String? = nil) async throws -> Result {
    guard events > 0 else { throw BenchError("--watch-replay must be at least 1") }
    let client = try await PledgewireClient.connect(to: target, configuration: ClientConfiguration(token: token))
    defer { client.close() }
    let start = MonotonicTime.now()
    var received = 0
    do {
      for try await _ in client.pledge.watchPledges(WatchPledgesRequest(resumeToken: "e0"), options: CallOptions(timeout: timeout)) {
        received += 1
        if received == events { break }
      }
    } catch let error as RPCError where error.code == .deadlineExceeded {
      throw BenchError("only \(received) of \(events) events arrived in \(timeout): the event log holds fewer; seed more pledges or ask for fewer events")
    }
    let seconds = Double(MonotonicTime.now() - start) / 1e9
    return Result(events: received, seconds: seconds, eventsPerSecond: Double(received) / seconds)
  }
}
