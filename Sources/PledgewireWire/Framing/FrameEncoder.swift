/// Writes frames into a reusable byte buffer, with no I/O: the owner sends ``bytes`` and then removes what was sent.
/// Messages are serialized straight into the buffer behind their frame header.
public struct FrameEncoder: Sendable {
  /// Encoded frames not yet removed.
  public private(set) var bytes: [UInt8] = []
  /// The peer's largest accepted payload; a frame that would exceed it is not written, and the write throws.
  public var maxFrameSize: Int

  /// Creates an encoder.
  public init(maxFrameSize: Int = WireProtocol.defaultMaxFrameSize) {
    self.maxFrameSize = maxFrameSize
  }

  /// Whether nothing is waiting to be sent.
  public var isEmpty: Bool { bytes.isEmpty }

  /// Forgets the first `count` bytes, after they were sent. The buffer keeps its capacity.
  public mutating func removeFirst(_ count: Int) {
    if count >= bytes.count {
      bytes.removeAll(keepingCapacity: true)
    } else {
      bytes.removeFirst(count)
    }
  }

  /// Forgets everything, keeping the capacity.
  public mutating func removeAll() {
    bytes.removeAll(keepingCapacity: true)
  }

  /// Writes the connection preface.
  public mutating func writePreface(_ version: ProtocolVersion = .current) {
    bytes.append(contentsOf: WireProtocol.magic)
    bytes.append(contentsOf: [version.major, version.minor, 0, 0])
  }

  /// Writes one frame. Throws `RESOURCE_EXHAUSTED` (and writes nothing) when its payload exceeds ``maxFrameSize``.
  public mutating func write(_ frame: Frame) throws {
    switch frame {
    case .settings(let settings):
      try writeFrame(.settings, [], 0) { settings.serialize(into: &$0) }
    case .settingsAck:
      try writeFrame(.settings, .ack, 0) { _ in }
    case .ping(let value):
      try writeFrame(.ping, [], 0) { Self.appendUInt64(value, to: &$0) }
    case .pingAck(let value):
      try writeFrame(.ping, .ack, 0) { Self.appendUInt64(value, to: &$0) }
    case .goAway(let goAway):
      try writeFrame(.goAway, [], 0) { goAway.serialize(into: &$0) }
    case .requestHeaders(let stream, let headers, let endStream):
      try writeFrame(.headers, endStream ? .endStream : [], stream) { headers.serialize(into: &$0) }
    case .responseHeaders(let stream, let headers):
      try writeFrame(.headers, [], stream) { headers.serialize(into: &$0) }
    case .message(let stream, let payload, let endStream):
      try writeFrame(.message, endStream ? .endStream : [], stream) { $0.append(contentsOf: payload) }
    case .halfClose(let stream):
      try writeFrame(.halfClose, [], stream) { _ in }
    case .trailers(let stream, let trailers):
      if trailers.code == .ok && trailers.message.isEmpty && trailers.details == nil && trailers.metadata.isEmpty {
        // The common case, and all its fields are defaults: proto3 encodes it as no bytes at all.
        try writeFrame(.trailers, [], stream) { _ in }
      } else {
        try writeFrame(.trailers, [], stream) { trailers.serialize(into: &$0) }
      }
    case .cancel(let stream, let cancel):
      try writeFrame(.cancel, [], stream) { cancel.serialize(into: &$0) }
    }
  }

  /// Writes a MESSAGE frame holding `message`, serialized in place.
  public mutating func writeMessage(_ message: some ProtobufMessage, streamID: UInt32, endStream: Bool = false) throws {
    try writeFrame(.message, endStream ? .endStream : [], streamID) { message.serialize(into: &$0) }
  }

  private mutating func writeFrame(
    _ type: FrameType,
    _ flags: FrameFlags,
    _ streamID: UInt32,
    payload: (inout [UInt8]) -> Void
  ) throws {
    let start = bytes.count
    bytes.reserveCapacity(start + WireProtocol.frameHeaderLength)
    for _ in 0..<4 { bytes.append(0) }
    bytes.append(type.rawValue)
    bytes.append(flags.rawValue)
    bytes.append(0)
    bytes.append(0)
    Self.appendUInt32(streamID, to: &bytes)
    payload(&bytes)
    let length = bytes.count - start - WireProtocol.frameHeaderLength
    guard length <= maxFrameSize else {
      bytes.removeSubrange(start...)
      throw RPCError(
        .resourceExhausted,
        "\(type.name) frame of \(length) bytes exceeds the peer's maximum frame size of \(maxFrameSize) bytes"
      )
    }
    bytes[start] = UInt8(truncatingIfNeeded: length >> 24)
    bytes[start + 1] = UInt8(truncatingIfNeeded: length >> 16)
    bytes[start + 2] = UInt8(truncatingIfNeeded: length >> 8)
    bytes[start + 3] = UInt8(truncatingIfNeeded: length)
  }

  private static func appendUInt32(_ value: UInt32, to bytes: inout [UInt8]) {
    bytes.append(UInt8(truncatingIfNeeded: value >> 24))
    bytes.append(UInt8(truncatingIfNeeded: value >> 16))
    bytes.append(UInt8(truncatingIfNeeded: value >> 8))
    bytes.append(UInt8(truncatingIfNeeded: value))
  }

  private static func appendUInt64(_ value: UInt64, to bytes: inout [UInt8]) {
    appendUInt32(UInt32(value >> 32), to: &bytes)
    appendUInt32(UInt32(value & 0xffff_ffff), to: &bytes)
  }
}
