import PledgewireWire

/// Per-call settings.
public struct CallOptions: Sendable {
  /// The call's deadline, relative to its start; nil: the client's default. With retries it bounds all attempts.
  public var timeout: Duration?
  /// Request metadata.
  public var metadata: Metadata
  /// Retries on `UNAVAILABLE` for idempotent methods (Get, List, Search, Resolve...); nil: none. Calls that are not
  /// idempotent are never retried.
  public var retry: RetryPolicy?

  /// Options for one call.
  public init(timeout: Duration? = nil, metadata: Metadata = Metadata(), retry: RetryPolicy? = nil) {
    self.timeout = timeout
    self.metadata = metadata
    self.retry = retry
  }
}

/// How often and how patiently to retry an idempotent call that failed with `UNAVAILABLE`.
public struct RetryPolicy: Sendable, Hashable {
  /// Attempts in all, the first included.
  public var maxAttempts: Int
  /// Waits between attempts.
  public var backoff: Backoff

  /// Up to `maxAttempts` attempts, waiting `backoff` between them.
  public init(maxAttempts: Int = 5, backoff: Backoff = Backoff(initial: .milliseconds(50), maximum: .seconds(2))) {
    self.maxAttempts = max(1, maxAttempts)
    self.backoff = backoff
  }
}
