import Dispatch

#if canImport(Glibc)
import Glibc
#endif

/// One serial queue that owns a share of the connections, and a task executor running on that queue.
///
/// Tasks started with the loop as their executor preference run right on the queue of the connections they talk
/// to: a server handler that does not suspend answers without a thread hop, and a client task resumes where its
/// response was decoded.
package final class IOLoop: TaskExecutor, @unchecked Sendable {
  package let index: Int
  package let queue: DispatchQueue
  /// Scratch space for `read`: only the loop's queue uses it, one read at a time.
  package let readBuffer: UnsafeMutableRawBufferPointer

  private let key = DispatchSpecificKey<ObjectIdentifier>()

  package static let readBufferSize = 64 << 10

  package init(index: Int, label: String = "pledgewire.io") {
    self.index = index
    self.queue = DispatchQueue(label: "\(label).\(index)", qos: .userInitiated)
    self.readBuffer = .allocate(byteCount: Self.readBufferSize, alignment: 16)
    queue.setSpecific(key: key, value: ObjectIdentifier(self))
  }

  /// The processors online.
  package static var processorCount: Int {
    max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
  }

  /// One loop per processor, or `count` when it is positive.
  package static func makeLoops(count: Int, label: String) -> [IOLoop] {
    (0..<(count > 0 ? count : processorCount)).map { IOLoop(index: $0, label: label) }
  }

  deinit {
    readBuffer.deallocate()
  }

  /// Whether the caller runs on this loop's queue.
  package var isCurrent: Bool {
    DispatchQueue.getSpecific(key: key) == ObjectIdentifier(self)
  }

  /// Runs `body` on the loop's queue: at once when already there, otherwise soon.
  package func execute(_ body: @escaping @Sendable () -> Void) {
    if isCurrent {
      body()
    } else {
      queue.async(execute: body)
    }
  }

  package func enqueue(_ job: consuming ExecutorJob) {
    let job = UnownedJob(job)
    queue.async {
      job.runSynchronously(on: self.asUnownedTaskExecutor())
    }
  }
}
