import PledgewireWire

/// Hands every committed pledge event to the Watch streams open on this server. A watcher that falls more than
/// ``bufferLimit`` events behind is ended with `UNAVAILABLE`; it resumes from its last token and catches up from the
/// event log, so nothing is lost.
public final class PledgeEventHub: Sendable {
  public static let bufferLimit = 10_000

  private struct State {
    var watchers: [UInt64: AsyncThrowingStream<PledgeEvent, any Error>.Continuation] = [:]
    var nextID: UInt64 = 0
    var finished = false
  }

  private let state = Locked(State())

  public init() {}

  /// A stream of every event published from now on.
  public func subscribe() -> AsyncThrowingStream<PledgeEvent, any Error> {
    let (stream, continuation) = AsyncThrowingStream.makeStream(of: PledgeEvent.self, bufferingPolicy: .bufferingOldest(Self.bufferLimit))
    let id: UInt64? = state.withLock { state in
      guard !state.finished else { return nil }
      let id = state.nextID
      state.nextID += 1
      state.watchers[id] = continuation
      return id
    }
    guard let id else {
      continuation.finish(throwing: RPCError(.unavailable, "the server is shutting down"))
      return stream
    }
    continuation.onTermination = { [weak self] _ in
      _ = self?.state.withLock { $0.watchers.removeValue(forKey: id) }
    }
    return stream
  }

  public func publish(_ events: [PledgeEvent]) {
    guard !events.isEmpty else { return }
    let watchers = state.withLock { Array($0.watchers) }
    for (id, watcher) in watchers {
      for event in events {
        if case .dropped = watcher.yield(event) {
          watcher.finish(throwing: RPCError(
            .unavailable,
            "this watcher fell \(Self.bufferLimit) events behind; resume from the last token",
            details: ErrorDetails(reason: "WATCHER_BEHIND")
          ))
          _ = state.withLock { $0.watchers.removeValue(forKey: id) }
          break
        }
      }
    }
  }

  /// Ends every stream with `UNAVAILABLE`, as the server does when it shuts down; clients resume elsewhere.
  public func finishAll() {
    let watchers = state.withLock { state in
      state.finished = true
      defer { state.watchers.removeAll() }
      return Array(state.watchers.values)
    }
    for watcher in watchers {
      watcher.finish(throwing: RPCError(.unavailable, "the server is shutting down; resume from the last token", details: ErrorDetails(reason: "SHUTTING_DOWN")))
    }
  }
}
