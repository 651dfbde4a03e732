/// A min-heap of call deadlines. Entries of calls that ended early stay in place and are skipped when popped, so
/// ending a call costs nothing here.
package struct DeadlineHeap {
  package struct Entry {
    package var deadline: UInt64
    package var streamID: UInt32
  }

  private var entries: [Entry] = []

  package init() {}

  package var isEmpty: Bool { entries.isEmpty }

  /// The earliest deadline.
  package var earliest: UInt64? { entries.first?.deadline }

  package mutating func push(_ deadline: UInt64, streamID: UInt32) {
    entries.append(Entry(deadline: deadline, streamID: streamID))
    var child = entries.count - 1
    while child > 0 {
      let parent = (child - 1) / 2
      guard entries[child].deadline < entries[parent].deadline else { break }
      entries.swapAt(child, parent)
      child = parent
    }
  }

  /// Removes and returns the earliest entry if its deadline is at or before `now`.
  package mutating func popExpired(now: UInt64) -> Entry? {
    guard let first = entries.first, first.deadline <= now else { return nil }
    let last = entries.removeLast()
    if !entries.isEmpty {
      entries[0] = last
      var parent = 0
      while true {
        let left = 2 * parent + 1
        let right = left + 1
        var smallest = parent
        if left < entries.count && entries[left].deadline < entries[smallest].deadline { smallest = left }
        if right < entries.count && entries[right].deadline < entries[smallest].deadline { smallest = right }
        if smallest == parent { break }
        entries.swapAt(parent, smallest)
        parent = smallest
      }
    }
    return first
  }

  package mutating func removeAll() {
    entries.removeAll()
  }
}
