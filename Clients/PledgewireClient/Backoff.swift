import PledgewireWire

/// Exponential backoff with jitter, as gRPC reconnects: the n-th wait is `initial × multiplier^n`, at most `maximum`,
/// moved up or down by `jitter` (a fraction) at random so that many clients do not retry in step.
public struct Backoff: Sendable, Hashable {
  public var initial: Duration
  public var maximum: Duration
  public var multiplier: Double
  public var jitter: Double

  /// The defaults: 100 ms, ×1.6, ±20 %, at most 5 s.
  public init(initial: Duration = .milliseconds(100), maximum: Duration = .seconds(5), multiplier: Double = 1.6, jitter: Double = 0.2) {
    self.initial = initial
    self.maximum = maximum
    self.multiplier = multiplier
    self.jitter = jitter
  }

  /// The wait before attempt `attempt` (0 for the first retry).
  public func delay(attempt: Int, using generator: inout some RandomNumberGenerator) -> Duration {
    let base = min(Self.seconds(initial) * pow(multiplier, Double(max(0, attempt))), Self.seconds(maximum))
    let factor = 1 + Double.random(in: -jitter...jitter, using: &generator)
    return .milliseconds(Int64(max(0, base * factor) * 1_000))
  }

  /// The wait before attempt `attempt`, with the system's random numbers.
  public func delay(attempt: Int) -> Duration {
    var generator = SystemRandomNumberGenerator()
    return delay(attempt: attempt, using: &generator)
  }

  static func seconds(_ duration: Duration) -> Double {
    let (seconds, attoseconds) = duration.components
    return Double(seconds) + Double(attoseconds) / 1e18
  }

  private func pow(_ base: Double, _ exponent: Double) -> Double {
    var result = 1.0
    for _ in 0..<Int(exponent) {
      result *= base
    }
    return result
  }
}
