import Dispatch
import PledgewireWire

/// One serial queue that owns a share of the connections, and a task executor running on that queue.
///
/// Handlers start as tasks preferring their connection's loop, so a handler that does not suspend runs right on
/// the connection's queue: no thread hop, and its response joins the same batched write as its neighbours'.
final class IOLoop: TaskExecutor, @unchecked Sendable {
  let index: Int
  let queue: DispatchQueue
  /// Scratch space for `read`: only the loop's queue uses it, one read at a time.
  let readBuffer: UnsafeMutableRawBufferPointer
  /// This loop's share of the server's statistics.
  let statistics: ServerStatistics.Shard

  private let key = DispatchSpecificKey<ObjectIdentifier>()

  static let readBufferSize = 64 << 10

  init(index: Int, statistics: ServerStatistics.Shard) {
    self.index = index
    self.queue = DispatchQueue(label: "pledgewire.io.\(index)", qos: .userInitiated)
    self.readBuffer = .allocate(byteCount: Self.readBufferSize, alignment: 16)
    self.statistics = statistics
    queue.setSpecific(key: key, value: ObjectIdentifier(self))
  }

  deinit {
    readBuffer.deallocate()
  }

  /// Whether the caller runs on this loop's queue.
  var isCurrent: Bool {
    DispatchQueue.getSpecific(key: key) == ObjectIdentifier(self)
  }

  /// Runs `body` on the loop's queue: at once when already there, otherwise soon.
  func execute(_ body: @escaping @Sendable () -> Void) {
    if isCurrent {
      body()
    } else {
      queue.async(execute: body)
    }
  }

  func enqueue(_ job: consuming ExecutorJob) {
    let job = UnownedJob(job)
    queue.async {
      job.runSynchronously(on: self.asUnownedTaskExecutor())
    }
  }
}
