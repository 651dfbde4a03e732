#if canImport(Glibc)
import Glibc
#endif

/// Unix time in milliseconds; the services take it as a function so that tests can fix the time.
public enum WallClock {
  public static func now() -> Int64 {
    var time = timespec()
    clock_gettime(CLOCK_REALTIME, &time)
    return Int64(time.tv_sec) * 1_000 + Int64(time.tv_nsec) / 1_000_000
  }
}
