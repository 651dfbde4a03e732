/// Deadlines, earliest first, each with the id of what it belongs to (a stream, a call, a loop registration).
/// Deadlines that arrive in order (the usual case: calls with the same timeout) go to a FIFO in O(1); the others to
/// a min-heap. With a `tolerance`, deadlines up to that much earlier than the FIFO's last still go to the FIFO, and
/// may then come out that much late: timeouts of calls with the same timeout, whose clocks differ by microseconds,
/// stay out of the heap. Entries whose owner ended early stay until their deadline and are skipped then, so ending
/// costs nothing here; ``compact(keeping:)`` drops them when they pile up.
package struct DeadlineHeap {
  package struct Entry {
    package var deadline: UInt64
    package var id: UInt64
  }

  private var heap: [Entry] = []
  private var queue: [Entry] = []
  private var queueHead = 0
  private let tolerance: UInt64

  package init(tolerance: UInt64 = 0) {
    self.tolerance = tolerance
  }

  package var isEmpty: Bool { heap.isEmpty && queueHead == queue.count }

  /// Entries held, stale ones included.
  package var count: Int { heap.count + queue.count - queueHead }

  /// The earliest deadline.
  package var earliest: UInt64? {
    switch (heap.first?.deadline, queueHead < queue.count ? queue[queueHead].deadline : nil) {
    case (let a?, let b?): min(a, b)
    case (let a?, nil): a
    case (nil, let b?): b
    case (nil, nil): nil
    }
  }

  package mutating func push(_ deadline: UInt64, id: UInt64) {
    let entry = Entry(deadline: deadline, id: id)
    if queueHead == queue.count || deadline &+ tolerance >= queue[queue.count - 1].deadline {
      queue.append(entry)
      return
    }
    heap.append(entry)
    siftUp(heap.count - 1)
  }

  /// Removes and returns the earliest entry if its deadline is at or before `now`.
  package mutating func popExpired(now: UInt64) -> Entry? {
    let fromQueue = queueHead < queue.count ? queue[queueHead] : nil
    if let fromQueue, fromQueue.deadline <= now, heap.first.map({ fromQueue.deadline <= $0.deadline }) ?? true {
      queueHead += 1
      if queueHead == queue.count {
        queue.removeAll(keepingCapacity: queue.count <= 4_096)
        queueHead = 0
      } else if queueHead >= 4_096 && queueHead * 2 >= queue.count {
        queue.removeFirst(queueHead)
        queueHead = 0
      }
      return fromQueue
    }
    guard let first = heap.first, first.deadline <= now else { return nil }
    let last = heap.removeLast()
    if !heap.isEmpty {
      heap[0] = last
      siftDown(0)
    }
    return first
  }

  /// Keeps only the entries `isLive` accepts, in O(n).
  package mutating func compact(keeping isLive: (Entry) -> Bool) {
    queue = queue[queueHead...].filter(isLive)
    queueHead = 0
    heap = heap.filter(isLive)
    for index in stride(from: heap.count / 2 - 1, through: 0, by: -1) {
      siftDown(index)
    }
  }

  package mutating func removeAll() {
    heap.removeAll()
    queue.removeAll()
    queueHead = 0
  }

  private mutating func siftUp(_ start: Int) {
    var child = start
    while child > 0 {
      let parent = (child - 1) / 2
      guard heap[child].deadline < heap[parent].deadline else { break }
      heap.swapAt(child, parent)
      child = parent
    }
  }

  private mutating func siftDown(_ start: Int) {
    var parent = start
    while true {
      let left = 2 * parent + 1
      let right = left + 1
      var smallest = parent
      if left < heap.count && heap[left].deadline < heap[smallest].deadline { smallest = left }
      if right < heap.count && heap[right].deadline < heap[smallest].deadline { smallest = right }
      if smallest == parent { return }
      heap.swapAt(parent, smallest)
      parent = smallest
    }
  }
}
