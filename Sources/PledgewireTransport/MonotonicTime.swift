import Dispatch

/// Nanoseconds of the monotonic clock Dispatch timers use.
package enum MonotonicTime {
  package static func now() -> UInt64 {
    DispatchTime.now().uptimeNanoseconds
  }
}

extension Duration {
  /// The duration in whole nanoseconds, saturating; 0 for negative durations.
  package var nanoseconds: UInt64 {
    let (seconds, attoseconds) = components
    guard seconds >= 0 else { return 0 }
    let (whole, overflow) = UInt64(seconds).multipliedReportingOverflow(by: 1_000_000_000)
    return overflow ? UInt64.max : whole + UInt64(attoseconds / 1_000_000_000)
  }
}
