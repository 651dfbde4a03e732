import PledgewireTransport
import PledgewireWire

/// Calls whose client stalls: a call waiting for its client's request (or a client stream's next message) ends
/// `DEADLINE_EXCEEDED` once the client sent nothing on it for ``Configuration/requestStallTimeout``, whatever
/// the call's own deadline. One wake time per connection (``nextStallCheck``), so a call costs nothing here
/// unless its client keeps it waiting.
extension ServerConnectionStateMachine {
  /// Ends the calls whose client sent nothing on them for the stall timeout, and sets the next check.
  mutating func endStalledCalls(now: UInt64) {
    guard let timeout = configuration.requestStallTimeout else { return }
    nextStallCheck = nil
    guard core.wantsRead else {
      // The server is not reading (its output or buffered requests are over their bounds): no client can progress.
      for id in streams.keys where streams[id]!.awaitsClient { streams[id]!.lastProgress = now }
      nextStallCheck = now &+ timeout
      return
    }
    for id in streams.keys.sorted() {
      guard streams[id]?.awaitsClient == true else { continue }
      if streams[id]!.bufferedRequestCount > 0 {
        // A handler with requests still to take is the one keeping the client waiting.
        streams[id]!.lastProgress = now
      }
      let stream = streams[id]!
      if now >= stream.lastProgress &+ timeout {
        end(id, Trailers(
          code: .deadlineExceeded,
          message: "the client sent nothing on the call for \(Self.describe(timeout)) while it waited for the request",
          details: ErrorDetails(reason: "REQUEST_STALLED")
        ), now: now)
      } else {
        nextStallCheck = min(nextStallCheck ?? .max, stream.lastProgress &+ timeout)
      }
    }
  }

  /// A call now waits for its client: make sure a stall check is due.
  mutating func awaitClient(now: UInt64) {
    if let timeout = configuration.requestStallTimeout, nextStallCheck == nil {
      nextStallCheck = now &+ timeout
    }
  }
}
