/// Call deadlines, earliest first. Deadlines that arrive in order (the usual case: calls with the same timeout)
/// go to a FIFO in O(1); the others to a min-heap. Entries of calls that ended early stay until their deadline and
/// are skipped then, so ending a call costs nothing here.
package struct DeadlineHeap {
  package struct Entry {
    package var deadline: UInt64
    package var streamID: UInt32
  }

  private var heap: [Entry] = []
  private var queue: [Entry] = []
  private var queueHead = 0

  package init() {}

  package var isEmpty: Bool { heap.isEmpty && queueHead == queue.count }

  /// The earliest deadline.
  package var earliest: UInt64? {
    switch (heap.first?.deadline, queueHead < queue.count ? queue[queueHead].deadline : nil) {
    case (let a?, let b?): min(a, b)
    case (let a?, nil): a
    case (nil, let b?): b
    case (nil, nil): nil
    }
  }

  package mutating func push(_ deadline: UInt64, streamID: UInt32) {
    let entry = Entry(deadline: deadline, streamID: streamID)
    if queueHead == queue.count || deadline >= queue[queue.count - 1].deadline {
      queue.append(entry)
      return
    }
    heap.append(entry)
    var child = heap.count - 1
    while child > 0 {
      let parent = (child - 1) / 2
      guard heap[child].deadline < heap[parent].deadline else { break }
      heap.swapAt(child, parent)
      child = parent
    }
  }

  /// Removes and returns the earliest entry if its deadline is at or before `now`.
  package mutating func popExpired(now: UInt64) -> Entry? {
    let fromQueue = queueHead < queue.count ? queue[queueHead] : nil
    if let fromQueue, fromQueue.deadline <= now, heap.first.map({ fromQueue.deadline <= $0.deadline }) ?? true {
      queueHead += 1
      if queueHead == queue.count {
        queue.removeAll(keepingCapacity: true)
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
      var parent = 0
      while true {
        let left = 2 * parent + 1
        let right = left + 1
        var smallest = parent
        if left < heap.count && heap[left].deadline < heap[smallest].deadline { smallest = left }
        if right < heap.count && heap[right].deadline < heap[smallest].deadline { smallest = right }
        if smallest == parent { break }
        heap.swapAt(parent, smallest)
        parent = smallest
      }
    }
    return first
  }

  package mutating func removeAll() {
    heap.removeAll()
    queue.removeAll()
    queueHead = 0
  }
}
