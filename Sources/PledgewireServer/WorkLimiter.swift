import PledgewireWire

/// The bound on expensive calls — those that compute or read much (quote search, resolving names, search ranking,
/// extraction, imports): at most `global` run at once in the whole server and `perConnection` on one connection.
/// A call over either limit is refused at once with `RESOURCE_EXHAUSTED` rather than queued, so that no client can
/// line up work without bound. Admitted calls run on the global concurrent executor, never on an I/O loop.
final class WorkLimiter: Sendable {
  private struct State {
    var running = 0
    var byConnection: [UInt64: Int] = [:]
  }

  let global: Int
  let perConnection: Int
  private let state = Locked(State())

  init(global: Int, perConnection: Int) {
    self.global = global
    self.perConnection = perConnection
  }

  /// Takes a slot for a call on `connection`, or throws `RESOURCE_EXHAUSTED` naming the limit reached. Every slot
  /// taken is given back with ``release(connection:)`` once the call's handler has returned.
  func acquire(connection: UInt64) throws(RPCError) {
    let refusal: RPCError? = state.withLock { state in
      if state.running >= global {
        return RPCError(
          .resourceExhausted, "the server is running its limit of \(global) expensive calls; retry later",
          details: ErrorDetails(reason: "SERVER_BUSY", retryAfterMs: 100)
        )
      }
      let mine = state.byConnection[connection, default: 0]
      if mine >= perConnection {
        return RPCError(
          .resourceExhausted, "this connection is running its limit of \(perConnection) expensive calls; wait for one to finish",
          details: ErrorDetails(reason: "TOO_MANY_EXPENSIVE_CALLS")
        )
      }
      state.running += 1
      state.byConnection[connection] = mine + 1
      return nil
    }
    if let refusal { throw refusal }
  }

  func release(connection: UInt64) {
    state.withLock { state in
      state.running -= 1
      let mine = state.byConnection[connection, default: 1] - 1
      state.byConnection[connection] = mine > 0 ? mine : nil
    }
  }

  /// Expensive calls running now.
  var running: Int { state.withLock { $0.running } }
}
