import PledgewireWire

/// The clock an I/O loop reads and waits on: the monotonic clock, or a manual one that tests advance.
///
/// Every timeout of a connection (handshake, partial frame, idleness, keepalive, call deadlines, closing) is a wake
/// time on its loop, so a test that runs the server on a ``ManualClock`` checks them all without sleeping.
package enum LoopClock: Sendable {
  /// Nanoseconds of the monotonic clock Dispatch timers use.
  case monotonic
  /// Time that moves only when the test says so.
  case manual(ManualClock)

  /// The time now, in nanoseconds.
  package func now() -> UInt64 {
    switch self {
    case .monotonic: MonotonicTime.now()
    case .manual(let clock): clock.now
    }
  }
}

/// A clock for tests: it starts at one second and moves only by ``advance(by:)``, which then runs the timers that
/// came due on every loop that uses it.
package final class ManualClock: Sendable {
  private struct State {
    var now: UInt64 = 1_000_000_000
    var loops: [WeakLoop] = []
  }

  private struct WeakLoop {
    weak var loop: IOLoop?
  }

  private let state = Locked(State())

  package init() {}

  package var now: UInt64 {
    state.withLock { $0.now }
  }

  /// Moves the time forward and has every loop on this clock run what came due.
  package func advance(by duration: Duration) {
    let loops = state.withLock { state in
      state.now += duration.nanoseconds
      state.loops.removeAll { $0.loop == nil }
      return state.loops.compactMap(\.loop)
    }
    for loop in loops {
      loop.timeMoved()
    }
  }

  func attach(_ loop: IOLoop) {
    state.withLock { $0.loops.append(WeakLoop(loop: loop)) }
  }
}
