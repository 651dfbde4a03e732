import Dispatch
import PledgewireWire

/// Nanoseconds of the monotonic clock Dispatch timers use.
enum MonotonicTime {
  static func now() -> UInt64 {
    DispatchTime.now().uptimeNanoseconds
  }
}
