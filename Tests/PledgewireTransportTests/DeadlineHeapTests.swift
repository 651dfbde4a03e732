import PledgewireTransport
import Testing

@Suite("Deadline heap")
struct DeadlineHeapTests {
  @Test("pops expired deadlines earliest first, whether they arrived in order or not")
  func ordering() {
    var generator = SystemRandomNumberGenerator()
    for round in 0..<50 {
      var heap = DeadlineHeap()
      var pending: [UInt64] = []  // the reference: what is in the heap, kept sorted
      var now: UInt64 = 0
      func pop(at now: UInt64) {
        while let entry = heap.popExpired(now: now) {
          #expect(entry.deadline <= now)
          #expect(entry.deadline == pending.first, "popped \(entry.deadline), earliest was \(pending.first ?? 0)")
          pending.removeFirst()
        }
        #expect(pending.first.map { $0 > now } ?? true)
      }
      for step in 0..<2_000 {
        // Mostly ascending deadlines (one timeout for every call), sometimes an earlier one.
        let deadline = round % 2 == 0 || step % 7 != 0 ? now + 1_000 + UInt64(step) : now + UInt64.random(in: 0...5_000, using: &generator)
        heap.push(deadline, id: UInt64(step))
        pending.insert(deadline, at: pending.firstIndex { $0 > deadline } ?? pending.count)
        #expect(heap.earliest == pending.first)
        if step % 3 == 0 {
          now += UInt64.random(in: 0...1_500, using: &generator)
          pop(at: now)
        }
      }
      pop(at: .max)
      #expect(pending.isEmpty)
      #expect(heap.isEmpty)
      #expect(heap.earliest == nil)
    }
  }

  @Test("earliest is the minimum of both lanes, and nothing pops before its time")
  func earliest() {
    var heap = DeadlineHeap()
    heap.push(100, id: 1)
    heap.push(200, id: 3)
    heap.push(50, id: 5)
    #expect(heap.earliest == 50)
    #expect(heap.popExpired(now: 49) == nil)
    #expect(heap.popExpired(now: 150)?.id == 5)
    #expect(heap.popExpired(now: 150)?.id == 1)
    #expect(heap.popExpired(now: 150) == nil)
    #expect(heap.earliest == 200)
    heap.removeAll()
    #expect(heap.isEmpty)
  }
}

@Suite("Deadline heap compaction")
struct DeadlineHeapCompactionTests {
  @Test("compaction drops what is no longer live and keeps the order of the rest")
  func compact() {
    var heap = DeadlineHeap()
    for id in 0..<100 as Range<UInt64> {
      heap.push(UInt64(1_000 + id), id: id)  // in order: the FIFO lane
    }
    for id in 0..<50 as Range<UInt64> {
      heap.push(UInt64(500 - id), id: 1_000 + id)  // out of order: the heap
    }
    heap.compact { $0.id % 2 == 0 }
    #expect(heap.count == 75)
    var popped: [UInt64] = []
    while let entry = heap.popExpired(now: .max) {
      #expect(entry.id % 2 == 0)
      popped.append(entry.deadline)
    }
    #expect(popped == popped.sorted())
    #expect(popped.count == 75)
  }
}

@Suite("Deadline heap tolerance")
struct DeadlineHeapToleranceTests {
  @Test("deadlines a little out of order stay in the FIFO and come out at most the tolerance late")
  func tolerance() {
    var heap = DeadlineHeap(tolerance: 10)
    heap.push(100, id: 1)
    heap.push(95, id: 2)   // within 10 of the tail: FIFO, behind 100
    heap.push(50, id: 3)   // far earlier: the heap
    #expect(heap.popExpired(now: 60)?.id == 3)
    #expect(heap.popExpired(now: 99) == nil, "95 waits behind 100: at most 10 late")
    #expect(heap.popExpired(now: 100)?.id == 1)
    #expect(heap.popExpired(now: 100)?.id == 2)
  }
}
