import CEpoll
import Dispatch
import PledgewireWire
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// One serial Dispatch queue that owns a share of the connections: their sockets, their timers, and the Swift jobs
/// that touch them.
///
/// - **Batched readiness.** The loop's sockets are in one epoll set, watched by an ``EpollWaiter`` thread that asks
///   for a turn when something is ready. The turn drains every ready socket with `epoll_wait(0)`: one Dispatch
///   block per batch of sockets instead of one Dispatch source (with its re-arm and `FIONREAD`) per socket.
/// - **One timer.** Handlers ask for a wake time (``wake(_:at:)``); the loop keeps them in a ``DeadlineHeap`` and
///   arms one Dispatch timer at the earliest, on the loop's ``LoopClock`` (a manual one in tests).
/// - **An executor.** The loop is a `SerialExecutor` (actors that own connections run on it, and
///   `assumeIsolated` works in its callbacks) and a `TaskExecutor` (handler and client tasks prefer it, so a task
///   that does not suspend runs on the queue of the connection it talks to, without a thread hop). Jobs wait in
///   a queue of their own and run in batches, right after the socket events that created them.
/// - **Flushes at the end of a turn.** Output written during a turn goes out in one `send` per connection when
///   the turn ends (``needsFlush(_:)``).
///
/// Thread safety: `@unchecked Sendable` because the mutable state below the `Loop-confined` mark is touched only
/// on `queue` — every entry point is a Dispatch handler on that queue, a block it runs, or a method documented
/// "on the loop", which `precondition(isCurrent)` guards in debug builds — and the job queue is behind a lock.
package final class IOLoop: SerialExecutor, TaskExecutor, @unchecked Sendable {
  package let index: Int
  package let queue: DispatchQueue
  package let clock: LoopClock
  /// Scratch space for `read`: only the loop's queue uses it, one read at a time.
  package let readBuffer: UnsafeMutableRawBufferPointer

  package static let readBufferSize = 64 << 10
  static let maxEvents = 256

  private let key = DispatchSpecificKey<ObjectIdentifier>()
  private let epollFD: Int32
  private let waiter: EpollWaiter
  private let pending = Locked(PendingJobs())

  private struct PendingJobs {
    var jobs: [UnownedJob] = []
    /// A turn is running or scheduled and will run the jobs: no need to schedule another.
    var turnScheduled = false
  }

  // Loop-confined.
  private var timerSource: (any DispatchSourceTimer)?
  private var timerArmedAt: UInt64?
  var slots: [Slot] = []
  var freeSlots: [UInt32] = []
  var timers = DeadlineHeap(tolerance: 1_000_000)
  private var dirty: [LoopToken] = []
  private var runningJobs: [UnownedJob] = []
  /// Some socket may still be ready after this turn (a read filled the buffer, reading resumed): poll again at
  /// once rather than wait for the waiter's next wake-up.
  var pollAgain = false
  private let events: UnsafeMutablePointer<epoll_event>

  struct Slot {
    var generation: UInt32 = 0
    var handler: (any LoopHandler)?
    var fd: Int32 = -1
    var interest: UInt32 = 0
    var wakeAt: UInt64?
    var isDirty = false
  }

  package init(index: Int, label: String = "pledgewire.io", clock: LoopClock = .monotonic) {
    self.index = index
    self.clock = clock
    self.queue = DispatchQueue(label: "\(label).\(index)", qos: .userInitiated)
    self.readBuffer = .allocate(byteCount: Self.readBufferSize, alignment: 16)
    self.events = .allocate(capacity: Self.maxEvents)
    let epollFD = Self.makeEpollSet()
    self.epollFD = epollFD
    self.waiter = EpollWaiter(epollFD: epollFD)
    queue.setSpecific(key: key, value: ObjectIdentifier(self))

    waiter.start { [weak self] in
      guard let self else { return false }
      queue.async { self.turn() }
      return true
    }
    switch clock {
    case .monotonic:
      let timer = DispatchSource.makeTimerSource(flags: [], queue: queue)
      timer.setEventHandler { [weak self] in
        self?.timerArmedAt = nil
        self?.turn()
      }
      timerSource = timer
      timer.activate()
    case .manual(let manual):
      manual.attach(self)
    }
  }

  deinit {
    waiter.stop()  // its thread closes the epoll set
    timerSource?.cancel()
    events.deallocate()
    readBuffer.deallocate()
  }

  /// A new epoll set.
  private static func makeEpollSet() -> Int32 {
    let fd = epoll_create1(Int32(EPOLL_CLOEXEC))
    precondition(fd >= 0, "epoll_create1 failed: errno \(errno)")
    return fd
  }

  /// The processors online.
  package static var processorCount: Int {
    max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
  }

  /// One loop per processor, or `count` when it is positive.
  package static func makeLoops(count: Int, label: String, clock: LoopClock = .monotonic) -> [IOLoop] {
    (0..<(count > 0 ? count : processorCount)).map { IOLoop(index: $0, label: label, clock: clock) }
  }

  /// Whether the caller runs on this loop's queue.
  package var isCurrent: Bool {
    DispatchQueue.getSpecific(key: key) == ObjectIdentifier(self)
  }

  /// Runs `body` on the loop's queue: at once when already there (output it writes is flushed when the current
  /// turn ends), otherwise soon, followed by the flushes it asked for.
  package func execute(_ body: @escaping @Sendable () -> Void) {
    if isCurrent {
      body()
    } else {
      queue.async { [self] in
        body()
        endTurn()
      }
    }
  }

  // MARK: Executor

  package func enqueue(_ job: consuming ExecutorJob) {
    let job = UnownedJob(job)
    let schedule = pending.withLock { pending in
      pending.jobs.append(job)
      guard !pending.turnScheduled else { return false }
      pending.turnScheduled = true
      return true
    }
    if schedule {
      queue.async { [self] in turn() }
    }
  }

  package func asUnownedSerialExecutor() -> UnownedSerialExecutor {
    UnownedSerialExecutor(ordinary: self)
  }

  package func checkIsolated() {
    dispatchPrecondition(condition: .onQueue(queue))
  }

  package func isIsolatingCurrentContext() -> Bool? {
    isCurrent
  }

  // MARK: Turns

  /// One turn of the loop: socket events, timers that came due, the jobs queued, then the flushes and the next
  /// timer. Every turn polls the epoll set, whatever started it (one `epoll_wait(0)`), and then lets the waiter
  /// watch the set again.
  private func turn() {
    pending.withLock { $0.turnScheduled = true }
    pollReady()
    waiter.didPoll()
    fireTimers()
    runJobs()
    endTurn()
  }

  private func pollReady() {
    for _ in 0..<4 {
      let count = Int(epoll_wait(epollFD, events, Int32(Self.maxEvents), 0))
      guard count > 0 else { return }
      for offset in 0..<count {
        let event = events[offset]
        let token = LoopToken(epollData: event.data.u64)
        guard Int(token.index) < slots.count, slots[Int(token.index)].generation == token.generation,
          let handler = slots[Int(token.index)].handler
        else { continue }
        var ready: SocketEvents = []
        if event.events & EPOLLIN.rawValue != 0 { ready.insert(.readable) }
        if event.events & EPOLLOUT.rawValue != 0 { ready.insert(.writable) }
        if event.events & (EPOLLHUP.rawValue | EPOLLERR.rawValue) != 0 { ready.insert(.hangUp) }
        handler.socketReady(ready)
      }
      guard count == Self.maxEvents else { return }
    }
  }

  /// Runs the queued jobs, and those they queue, for a bounded number of rounds; what is left gets a turn of its
  /// own, so that socket events are not starved.
  private func runJobs() {
    for _ in 0..<16 {
      let more = pending.withLock { pending in
        if pending.jobs.isEmpty {
          pending.turnScheduled = false
          return false
        }
        swap(&pending.jobs, &runningJobs)
        return true
      }
      guard more else { return }
      for job in runningJobs {
        job.runSynchronously(isolatedTo: asUnownedSerialExecutor(), taskExecutor: asUnownedTaskExecutor())
      }
      runningJobs.removeAll(keepingCapacity: true)
    }
    queue.async { [self] in turn() }
  }

  /// Called by ``ManualClock`` after it moved.
  func timeMoved() {
    queue.async { [self] in turn() }
  }

  private func endTurn() {
    if pollAgain {
      pollAgain = false
      queue.async { [self] in turn() }
    }
    while !dirty.isEmpty {
      let tokens = dirty
      dirty.removeAll(keepingCapacity: true)
      for token in tokens where slots[Int(token.index)].generation == token.generation {
        slots[Int(token.index)].isDirty = false
        slots[Int(token.index)].handler?.flush()
      }
    }
    armTimer()
  }

  // MARK: Wake times

  /// Asks for ``LoopHandler/wake(now:)`` at `time` or earlier (an earlier wake already asked for stands). The
  /// handler asks again from there for what is still ahead. On the loop.
  package func wake(_ token: LoopToken, at time: UInt64) {
    assert(isCurrent)
    let index = Int(token.index)
    guard slots[index].generation == token.generation else { return }
    if let armed = slots[index].wakeAt, armed <= time { return }
    slots[index].wakeAt = time
    timers.push(time, id: token.epollData)
  }

  private func fireTimers() {
    let now = clock.now()
    while let entry = timers.popExpired(now: now) {
      let token = LoopToken(epollData: entry.id)
      let index = Int(token.index)
      guard slots[index].generation == token.generation, slots[index].wakeAt == entry.deadline,
        let handler = slots[index].handler
      else { continue }
      slots[index].wakeAt = nil
      handler.wake(now: now)
    }
    // Wake times of handlers that went away stay until they pass; drop them when they pile up.
    if timers.count > 4_096 && timers.count > 4 * (slots.count - freeSlots.count) {
      timers.compact { [slots] entry in
        let token = LoopToken(epollData: entry.id)
        return slots[Int(token.index)].generation == token.generation && slots[Int(token.index)].wakeAt == entry.deadline
      }
    }
  }

  private func armTimer() {
    guard case .monotonic = clock, let timerSource else { return }
    guard let earliest = timers.earliest else { return }
    if let armed = timerArmedAt, armed <= earliest { return }
    timerArmedAt = earliest
    timerSource.schedule(deadline: DispatchTime(uptimeNanoseconds: earliest), leeway: .milliseconds(1))
  }

  // MARK: Flushes

  /// Asks for ``LoopHandler/flush()`` when the current turn ends. On the loop.
  package func needsFlush(_ token: LoopToken) {
    assert(isCurrent)
    let index = Int(token.index)
    guard slots[index].generation == token.generation, !slots[index].isDirty else { return }
    slots[index].isDirty = true
    dirty.append(token)
  }
}

extension IOLoop {
  // MARK: Registrations

  /// Registers `handler`, with `fd` in the epoll set when given (readable interest, level-triggered). On the loop.
  package func register(_ handler: any LoopHandler, fd: Int32?) -> LoopToken {
    assert(isCurrent)
    let index: UInt32
    if let free = freeSlots.popLast() {
      index = free
    } else {
      index = UInt32(slots.count)
      slots.append(Slot())
    }
    slots[Int(index)].handler = handler
    let token = LoopToken(index: index, generation: slots[Int(index)].generation)
    if let fd {
      slots[Int(index)].fd = fd
      slots[Int(index)].interest = EPOLLIN.rawValue
      var event = epoll_event()
      event.events = EPOLLIN.rawValue
      event.data.u64 = token.epollData
      epoll_ctl(epollFD, Int32(EPOLL_CTL_ADD), fd, &event)
      // It may be ready already: look at once rather than count on a notification of the epoll source.
      pollAgain = true
    }
    return token
  }

  /// Sets which readiness of the socket the handler hears of. On the loop.
  package func setInterest(_ token: LoopToken, read: Bool, write: Bool) {
    assert(isCurrent)
    let index = Int(token.index)
    guard slots[index].generation == token.generation, slots[index].fd >= 0 else { return }
    let interest = (read ? EPOLLIN.rawValue : 0) | (write ? EPOLLOUT.rawValue : 0)
    guard interest != slots[index].interest else { return }
    if interest & ~slots[index].interest != 0 {
      // What became of interest may be ready already.
      pollAgain = true
    }
    slots[index].interest = interest
    var event = epoll_event()
    event.events = interest
    event.data.u64 = token.epollData
    epoll_ctl(epollFD, Int32(EPOLL_CTL_MOD), slots[index].fd, &event)
  }

  /// Forgets the handler, and takes its socket out of the epoll set (the caller closes it afterwards). Events
  /// and wake times still pending for it are dropped. On the loop.
  package func deregister(_ token: LoopToken) {
    assert(isCurrent)
    let index = Int(token.index)
    guard slots[index].generation == token.generation else { return }
    if slots[index].fd >= 0 {
      epoll_ctl(epollFD, Int32(EPOLL_CTL_DEL), slots[index].fd, nil)
    }
    slots[index] = Slot(generation: slots[index].generation &+ 1)
    freeSlots.append(token.index)
  }

  /// Handlers registered now.
  package var registrationCount: Int {
    assert(isCurrent)
    return slots.count - freeSlots.count
  }
}
