/// What an I/O loop calls back: a connection or a listener registered with it. Every method runs on the loop's
/// queue, isolated to the loop (an actor on the loop's executor uses `assumeIsolated`).
package protocol LoopHandler: AnyObject, Sendable {
  /// `epoll_wait` reported the registered socket ready.
  func socketReady(_ events: SocketEvents)
  /// The wake time the handler asked for (``IOLoop/wake(_:at:)``) has come; `now` is the loop clock's time.
  func wake(now: UInt64)
  /// The handler asked for a flush (``IOLoop/needsFlush(_:)``): the loop's turn is ending, send the output now.
  func flush()
}

/// The readiness `epoll_wait` reported for one socket.
package struct SocketEvents: OptionSet, Sendable {
  package let rawValue: UInt32
  package init(rawValue: UInt32) { self.rawValue = rawValue }

  package static let readable = SocketEvents(rawValue: 1)
  package static let writable = SocketEvents(rawValue: 2)
  /// The peer hung up or the socket has an error: reading tells which.
  package static let hangUp = SocketEvents(rawValue: 4)
}

/// A registration with an I/O loop. The generation tells a reused slot from the one an old event was for.
package struct LoopToken: Hashable, Sendable {
  let index: UInt32
  let generation: UInt32

  var epollData: UInt64 { UInt64(generation) << 32 | UInt64(index) }

  init(index: UInt32, generation: UInt32) {
    self.index = index
    self.generation = generation
  }

  init(epollData: UInt64) {
    self.index = UInt32(truncatingIfNeeded: epollData)
    self.generation = UInt32(truncatingIfNeeded: epollData >> 32)
  }
}
