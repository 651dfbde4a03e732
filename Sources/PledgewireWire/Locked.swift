import Synchronization

#if PLEDGEWIRE_TSAN
import Glibc

/// A value behind a lock, in a ThreadSanitizer build (`make test-tsan` compiles with `-DPLEDGEWIRE_TSAN`).
///
/// `Synchronization.Mutex` locks inside the uninstrumented standard library on Linux, so ThreadSanitizer never sees
/// it and reports every access under it as a race. This variant locks a pthread mutex, which ThreadSanitizer
/// intercepts, and keeps `Mutex`'s interface so that the code under test is the same.
package final class Locked<Value>: @unchecked Sendable {  // Safe: `value` is only reached with `mutex` held.
  private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
  private let value: UnsafeMutablePointer<Value>

  package init(_ initialValue: consuming sending Value) {
    pthread_mutex_init(mutex, nil)
    value = .allocate(capacity: 1)
    value.initialize(to: initialValue)
  }

  deinit {
    value.deinitialize(count: 1)
    value.deallocate()
    pthread_mutex_destroy(mutex)
    mutex.deallocate()
  }

  /// Runs `body` with the value while holding the lock.
  package func withLock<Result, E: Error>(
    _ body: (inout sending Value) throws(E) -> sending Result
  ) throws(E) -> sending Result {
    pthread_mutex_lock(mutex)
    defer { pthread_mutex_unlock(mutex) }
    return try body(&value.pointee)
  }
}
#else
/// A value behind a lock: the standard library's `Mutex`. Use it instead of `Mutex` so that the ThreadSanitizer build
/// can swap in a lock ThreadSanitizer sees.
package typealias Locked<Value: ~Copyable> = Mutex<Value>
#endif
