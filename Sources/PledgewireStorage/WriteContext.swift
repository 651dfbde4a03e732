import PledgewireWire

/// Who writes, through which call, from where and when: every write method of ``PledgewireStore`` takes one, stamps
/// the records it changes with `now`, and records the write in the audit log in the same transaction.
public struct WriteContext: Sendable, Hashable {
  /// The caller's identity: the name of its token once authentication exists, "anonymous" until then.
  public var principal: String
  /// The full method name: "/pledgewire.v1.PledgeService/UpdatePledge".
  public var method: String
  /// The caller's address, when it came over the network.
  public var peer: String
  /// Unix milliseconds.
  public var now: Int64

  public init(principal: String = "anonymous", method: String, peer: String = "", now: Int64) {
    self.principal = principal
    self.method = method
    self.peer = peer
    self.now = now
  }
}
