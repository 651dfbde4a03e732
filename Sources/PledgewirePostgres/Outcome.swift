import PledgewireWire

/// The result of a database call, which the call or its timer sets first.
final class Outcome<T: Sendable>: Sendable {
  private struct State {
    /// When the connection came, or the database last answered a statement on it.
    var answered: ContinuousClock.Instant?
    var result: Result<T, any Error>?
    var waiter: CheckedContinuation<T, any Error>?
  }

  private let state = Locked(State())

  @Sendable func markAnswered() {
    let now = ContinuousClock.now
    state.withLock { $0.answered = now }
  }

  var lastAnswer: ContinuousClock.Instant? { state.withLock { $0.answered } }

  /// Sets the result unless one is set; resumes the waiter.
  func finish(_ result: Result<T, any Error>) {
    let waiter = state.withLock { state -> CheckedContinuation<T, any Error>? in
      guard state.result == nil else { return nil }
      state.result = result
      defer { state.waiter = nil }
      return state.waiter
    }
    waiter?.resume(with: result)
  }

  func value() async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
      let result = state.withLock { state -> Result<T, any Error>? in
        if state.result == nil { state.waiter = continuation }
        return state.result
      }
      if let result { continuation.resume(with: result) }
    }
  }
}
