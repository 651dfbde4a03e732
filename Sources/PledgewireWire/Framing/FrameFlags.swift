/// The flags byte of a frame header. A bit a frame type does not define is a protocol error.
public struct FrameFlags: OptionSet, Sendable, Hashable {
  public let rawValue: UInt8

  public init(rawValue: UInt8) {
    self.rawValue = rawValue
  }

  /// SETTINGS and PING: this frame acknowledges the peer's.
  public static let ack = FrameFlags(rawValue: 0x1)
  /// HEADERS and MESSAGE from a client: no more messages follow on the stream.
  public static let endStream = FrameFlags(rawValue: 0x1)
}
