/// What a connection's driver needs of a role's state machine (the server's or the client's): the shared core, and
/// the socket's events. ``ConnectionSocket`` feeds one with what it reads and sends its output.
package protocol ConnectionStateMachine {
  var core: ConnectionCore { get }
  mutating func receive(_ bytes: UnsafeRawBufferPointer, now: UInt64)
  /// Handles the frames received so far. Returns true when it stopped early, so that the driver does the effects
  /// so far before the frames behind them (the server starts a call before it reads the next request).
  mutating func processInput(now: UInt64) -> Bool
  /// The peer shut its sending side.
  mutating func endOfInput(now: UInt64)
  /// The socket failed with `errno`.
  mutating func transportFailed(errno: Int32, now: UInt64)
  /// `count` bytes of the output went. Returns whether to shut the sending side now.
  mutating func sent(_ count: Int, now: UInt64) -> Bool
}

extension ConnectionSocket {
  /// Reads once into `machine` (bytes, the end of the input, or a failure); the caller then runs
  /// ``ConnectionStateMachine/processInput(now:)``. Returns the bytes read.
  @inlinable
  package mutating func receive(into machine: inout some ConnectionStateMachine, now: UInt64) -> Int {
    switch read() {
    case .bytes(let bytes):
      machine.receive(bytes, now: now)
      return bytes.count
    case .end:
      machine.endOfInput(now: now)
    case .wouldBlock:
      break
    case .failed(let code):
      machine.transportFailed(errno: code, now: now)
    }
    return 0
  }

  /// Sends what the machine has to send, FIN included; returns the bytes sent.
  @inlinable
  package mutating func flush(_ machine: inout some ConnectionStateMachine, now: UInt64) -> Int {
    guard machine.core.hasOutput, !waitsForWritable else { return 0 }
    switch send(machine.core.output) {
    case .sent(let count, _):
      if machine.sent(count, now: now) {
        shutdownWrite()
      }
      return count
    case .failed(let code):
      machine.transportFailed(errno: code, now: now)
      return 0
    }
  }

  /// Brings the loop up to date after an event: interest, flush, wake time.
  @inlinable
  package func update(for machine: some ConnectionStateMachine, wake: UInt64?) {
    update(wantsRead: machine.core.wantsRead, hasOutput: machine.core.hasOutput, wake: wake)
  }
}
