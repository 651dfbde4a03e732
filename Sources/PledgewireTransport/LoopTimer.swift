/// A one-shot timer on an I/O loop's clock: runs `action` on the loop once `nanoseconds` have passed, unless
/// cancelled first. On a manual clock it fires when the test advances the clock, without sleeping.
package actor LoopTimer: LoopHandler {
  package nonisolated let loop: IOLoop
  package nonisolated var unownedExecutor: UnownedSerialExecutor { loop.asUnownedSerialExecutor() }
  private let action: @Sendable () -> Void
  private var token: LoopToken?
  private var isDone = false

  private init(loop: IOLoop, action: @escaping @Sendable () -> Void) {
    self.loop = loop
    self.action = action
  }

  /// Starts a timer.
  package static func schedule(on loop: IOLoop, after nanoseconds: UInt64, _ action: @escaping @Sendable () -> Void) -> LoopTimer {
    let timer = LoopTimer(loop: loop, action: action)
    loop.execute {
      timer.assumeIsolated { timer in
        guard !timer.isDone else { return }
        let token = loop.register(timer, fd: nil)
        timer.token = token
        loop.wake(token, at: loop.clock.now() &+ nanoseconds)
      }
    }
    return timer
  }

  /// Stops the timer if it has not fired.
  package nonisolated func cancel() {
    loop.execute { self.assumeIsolated { $0.finish(run: false) } }
  }

  package nonisolated func wake(now: UInt64) {
    assumeIsolated { $0.finish(run: true) }
  }

  package nonisolated func socketReady(_ events: SocketEvents) {}
  package nonisolated func flush() {}

  private func finish(run: Bool) {
    guard !isDone else { return }
    isDone = true
    if let token {
      loop.deregister(token)
    }
    if run {
      action()
    }
  }
}
