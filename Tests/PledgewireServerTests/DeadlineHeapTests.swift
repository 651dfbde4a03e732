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
        heap.push(deadline, streamID: UInt32(step))
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
    heap.push(100, streamID: 1)
    heap.push(200, streamID: 3)
    heap.push(50, streamID: 5)
    #expect(heap.earliest == 50)
    #expect(heap.popExpired(now: 49) == nil)
    #expect(heap.popExpired(now: 150)?.streamID == 5)
    #expect(heap.popExpired(now: 150)?.streamID == 1)
    #expect(heap.popExpired(now: 150) == nil)
    #expect(heap.earliest == 200)
    heap.removeAll()
    #expect(heap.isEmpty)
  }
}
