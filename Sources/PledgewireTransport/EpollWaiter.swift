import CEpoll
import Dispatch
import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// Watches an I/O loop's epoll set from a thread of its own: whenever the set has something ready it asks the loop
/// for a turn, then waits until a turn has polled the set (``didPoll()``) before it watches again. That is the
/// level-triggered wake-up the loop needs.
///
/// A Dispatch read source on the epoll descriptor did not give it: under fifty connections that stopped reading,
/// libdispatch left both loops' sources disarmed (`EPOLLONESHOT` without `EPOLLIN` in its own epoll set) with a
/// socket ready, so every other connection of those loops went unserved until some timer fired.
final class EpollWaiter: Sendable {
  /// The epoll data of the waiter's stop descriptor; no registration has it (its slot index is out of range).
  static let stopToken = UInt64.max

  let epollFD: Int32
  private let stopFD: Int32
  private let polled = DispatchSemaphore(value: 0)
  private let waitingForPoll = Atomic<Bool>(false)

  /// Takes ownership of `epollFD`: the waiter's thread closes it when it stops.
  init(epollFD: Int32) {
    self.epollFD = epollFD
    stopFD = eventfd(0, Int32(EFD_CLOEXEC))
    precondition(stopFD >= 0, "eventfd failed: errno \(errno)")
    var event = epoll_event()
    event.events = EPOLLIN.rawValue
    event.data.u64 = Self.stopToken
    epoll_ctl(epollFD, Int32(EPOLL_CTL_ADD), stopFD, &event)
  }

  /// Starts the thread. It calls `ready` whenever the set has something ready; `ready` schedules a turn that calls
  /// ``didPoll()``, or returns false when there is no loop any more, which stops the thread.
  func start(_ ready: @escaping @Sendable () -> Bool) {
    Thread.detachNewThread { [self] in
      var event = epoll_event()
      while true {
        let count = epoll_wait(epollFD, &event, 1, -1)
        if count < 0 && errno == EINTR { continue }
        guard count > 0, event.data.u64 != Self.stopToken else { break }
        waitingForPoll.store(true, ordering: .sequentiallyConsistent)
        guard ready() else { break }
        polled.wait()
      }
      _ = Glibc.close(stopFD)
      _ = Glibc.close(epollFD)
    }
  }

  /// A turn has polled the set: the thread may watch it again. On the loop, after its `epoll_wait(0)`.
  func didPoll() {
    if waitingForPoll.exchange(false, ordering: .sequentiallyConsistent) {
      polled.signal()
    }
  }

  /// Stops the thread, which then closes the epoll set. When the loop goes away.
  func stop() {
    var one: UInt64 = 1
    _ = Glibc.write(stopFD, &one, MemoryLayout<UInt64>.size)
  }
}
