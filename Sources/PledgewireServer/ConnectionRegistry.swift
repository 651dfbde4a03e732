import PledgewireWire

/// The open connections, and the counts the connection limit and the statistics need.
final class ConnectionRegistry: Sendable {
  private struct State {
    var connections: [UInt64: ServerConnection] = [:]
    var nextID: UInt64 = 1
    var serving = 0
    var accepted: UInt64 = 0
    var rejected: UInt64 = 0
    var draining = false
    var emptyWaiters: [CheckedContinuation<Void, Never>] = []
  }

  private let state = Locked(State())
  let maxConnections: Int

  init(maxConnections: Int) {
    self.maxConnections = maxConnections
  }

  enum Admission {
    case serve(UInt64)
    case reject(UInt64)
    case refuse
  }

  /// Decides what to do with a new connection.
  func admit() -> Admission {
    state.withLock { state in
      guard !state.draining else { return .refuse }
      let id = state.nextID
      state.nextID += 1
      if state.serving >= maxConnections {
        state.rejected += 1
        return .reject(id)
      }
      state.serving += 1
      state.accepted += 1
      return .serve(id)
    }
  }

  func add(_ connection: ServerConnection) {
    state.withLock { _ = $0.connections[connection.id] = connection }
  }

  func remove(_ connection: ServerConnection, wasServing: Bool) {
    let waiters = state.withLock { state in
      if state.connections.removeValue(forKey: connection.id) != nil && wasServing {
        state.serving -= 1
      }
      guard state.connections.isEmpty else { return [CheckedContinuation<Void, Never>]() }
      defer { state.emptyWaiters.removeAll() }
      return state.emptyWaiters
    }
    for waiter in waiters {
      waiter.resume()
    }
  }

  /// Returns once no connection is open.
  func waitUntilEmpty() async {
    await withCheckedContinuation { continuation in
      let empty = state.withLock { state in
        if !state.connections.isEmpty {
          state.emptyWaiters.append(continuation)
        }
        return state.connections.isEmpty
      }
      if empty {
        continuation.resume()
      }
    }
  }

  /// Stops admitting connections; returns the open ones.
  func beginDraining() -> [ServerConnection] {
    state.withLock { state in
      state.draining = true
      return Array(state.connections.values)
    }
  }

  var all: [ServerConnection] { state.withLock { Array($0.connections.values) } }
  var isEmpty: Bool { state.withLock { $0.connections.isEmpty } }
  var counts: (open: Int, accepted: UInt64, rejected: UInt64) {
    state.withLock { ($0.serving, $0.accepted, $0.rejected) }
  }
}
