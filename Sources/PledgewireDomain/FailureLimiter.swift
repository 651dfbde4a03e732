/// Failed authentication attempts per peer address, as token buckets: each address may fail `burst` times at once,
/// then once per `refillMs`. A value without I/O or clock: the caller passes the time (Unix ms).
struct FailureLimiter: Sendable {
  let burst: Double
  let refillMs: Int64
  /// Addresses kept at most; past it, those whose bucket refilled are forgotten first.
  let maxPeers: Int
  private var buckets: [String: Bucket] = [:]

  private struct Bucket {
    var tokens: Double
    var at: Int64
  }

  init(burst: Int = 10, refillMs: Int64 = 1_000, maxPeers: Int = 10_000) {
    self.burst = Double(max(1, burst))
    self.refillMs = max(1, refillMs)
    self.maxPeers = maxPeers
  }

  /// How long `peer` must wait before its next attempt (ms); 0 when it may try now.
  func retryAfter(_ peer: String, now: Int64) -> Int64 {
    let tokens = available(peer, now: now)
    return tokens >= 1 ? 0 : Int64(((1 - tokens) * Double(refillMs)).rounded(.up))
  }

  /// Counts a failed attempt of `peer`.
  mutating func fail(_ peer: String, now: Int64) {
    let tokens = available(peer, now: now)
    if buckets[peer] == nil && buckets.count >= maxPeers {
      buckets = buckets.filter { $0.value.tokens + Double(now - $0.value.at) / Double(refillMs) < burst }
    }
    buckets[peer] = Bucket(tokens: max(0, tokens - 1), at: now)
  }

  private func available(_ peer: String, now: Int64) -> Double {
    guard let bucket = buckets[peer] else { return burst }
    return min(burst, bucket.tokens + Double(max(0, now - bucket.at)) / Double(refillMs))
  }

  /// The address of "host:port", "[v6]:port" or a bare host: what attempts are counted by.
  static func host(of peer: String) -> String {
    guard let colon = peer.lastIndex(of: ":"), !peer.hasSuffix("]") else { return peer }
    return String(peer[..<colon])
  }
}
