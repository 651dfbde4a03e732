/// Writes frames into a reusable byte buffer, with no I/O: the owner sends ``bytes`` and then removes what was sent.
/// Messages are serialized straight into the buffer behind their frame header.
public struct FrameEncoder: Sendable {
  /// Encoded frames; the first `head` bytes were sent already.
  private var storage: [UInt8] = []
  private var head = 0
  /// The peer's largest accepted payload; a frame that would exceed it is not written, and the write throws.
  public var maxFrameSize: Int

  /// Creates an encoder.
  public init(maxFrameSize: Int = WireProtocol.defaultMaxFrameSize) {
    self.maxFrameSize = maxFrameSize
  }

  /// Encoded frames not yet removed.
  public var bytes: [UInt8] { head == 0 ? storage : Array(storage[head...]) }

  /// Whether nothing is waiting to be sent.
  public var isEmpty: Bool { head == storage.count }

  /// Bytes waiting to be sent.
  public var count: Int { storage.count - head }

  /// Calls `body` with the bytes waiting to be sent, without copying them.
  public func withUnsentBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
    try storage.withUnsafeBytes { try body(UnsafeRawBufferPointer(rebasing: $0[head...])) }
  }

  /// Forgets the first `count` bytes, after they were sent: in O(1), so a slow peer taking a little at a time
  /// does not make every partial send move the rest. The space is reclaimed once everything is sent, or once the
  /// sent part is large and more than half of the buffer.
  public mutating func removeFirst(_ count: Int) {
    head += count
    if head >= storage.count {
      // Keep a working buffer, but not one a single large response grew.
      storage.removeAll(keepingCapacity: storage.capacity <= 1 << 20)
      head = 0
    } else if head >= 256 << 10 && head * 2 >= storage.count {
      storage.removeFirst(head)
      head = 0
    }
  }

  /// Takes back the last `count` bytes written (not yet sent): a response that is not to go after all.
  public mutating func removeLast(_ count: Int) {
    precondition(count <= self.count, "cannot take back bytes already sent")
    storage.removeLast(count)
  }

  /// Forgets everything.
  public mutating func removeAll() {
    storage.removeAll(keepingCapacity: storage.capacity <= 1 << 20)
    head = 0
  }

  /// Writes the connection preface.
  public mutating func writePreface(_ version: ProtocolVersion = .current) {
    storage.append(contentsOf: WireProtocol.magic)
    storage.append(contentsOf: [version.major, version.minor, 0, 0])
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
      if trailers.code == .ok && trailers.message.isEmpty && trailers.details == nil && trailers.metadata.isEmpty
        && trailers.unknownFields.isEmpty
      {
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
    let start = storage.count
    storage.reserveCapacity(start + WireProtocol.frameHeaderLength)
    for _ in 0..<4 { storage.append(0) }
    storage.append(type.rawValue)
    storage.append(flags.rawValue)
    storage.append(0)
    storage.append(0)
    Self.appendUInt32(streamID, to: &storage)
    payload(&storage)
    let length = storage.count - start - WireProtocol.frameHeaderLength
    guard length <= maxFrameSize else {
      storage.removeSubrange(start...)
      throw RPCError(
        .resourceExhausted,
        "\(type.name) frame of \(length) bytes exceeds the peer's maximum frame size of \(maxFrameSize) bytes"
      )
    }
    storage[start] = UInt8(truncatingIfNeeded: length >> 24)
    storage[start + 1] = UInt8(truncatingIfNeeded: length >> 16)
    storage[start + 2] = UInt8(truncatingIfNeeded: length >> 8)
    storage[start + 3] = UInt8(truncatingIfNeeded: length)
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
