import Histogram
import PledgewireWire

/// What one worker measured. Workers record into their own stats (an uncontended lock), one histogram per
/// operation; the progress line and the report merge them, overall figures included.
final class WorkerStats: Sendable {
  struct Counts {
    var byOperation: [Operation: Histogram<UInt64>] = [:]
    var errors: [StatusCode: UInt64] = [:]
    var errorsByOperation: [Operation: UInt64] = [:]
    var calls: UInt64 = 0
  }

  let counts = Locked(Counts())

  func record(_ operation: Operation, microseconds: UInt64, error: StatusCode?) {
    let value = max(1, min(microseconds, 60_000_000))
    counts.withLock { counts in
      counts.calls += 1
      _ = counts.byOperation[operation, default: Histogram(lowestDiscernibleValue: 1, highestTrackableValue: 60_000_000, numberOfSignificantValueDigits: .two)].record(value)
      if let error {
        counts.errors[error, default: 0] += 1
        counts.errorsByOperation[operation, default: 0] += 1
      }
    }
  }

  func reset() {
    counts.withLock { $0 = Counts() }
  }
}
