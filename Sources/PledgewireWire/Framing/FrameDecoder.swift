/// An incremental frame decoder with no I/O: bytes go in as they arrive, in pieces of any size; complete frames come
/// out. It checks the connection preface, that SETTINGS comes first, and every frame header: length (before any
/// byte of the payload is buffered), type, flags, reserved bits and stream id. Every violation throws an
/// ``RPCError`` whose ``RPCError/connectionError`` is the GOAWAY code to send; after one, the connection is over.
///
/// ```swift
/// var decoder = FrameDecoder(role: .server)
/// decoder.append(bytesFromSocket)
/// while let frame = try decoder.next() { handle(frame) }
/// ```
public struct FrameDecoder: Sendable {
  /// Which end of the connection decodes: a server decodes what clients send, and the other way round.
  public enum Role: Sendable {
    case server
    case client
  }

  /// Which end of the connection this decoder serves.
  public let role: Role
  /// The largest payload accepted; a longer frame is rejected from its header alone.
  public var maxFrameSize: Int
  /// The version in the peer's preface, once it has arrived.
  public private(set) var peerVersion: ProtocolVersion?

  private var buffer: [UInt8] = []
  /// The buffer capacity kept once everything in it is decoded; a larger one is freed.
  package static let keptCapacity = 128 << 10
  /// Bytes the buffer holds allocated, decoded or not.
  package var bufferCapacity: Int { buffer.capacity }
  private var readIndex = 0
  private var state = State.awaitingPreface

  private enum State {
    case awaitingPreface
    case awaitingSettings
    case open
  }

  /// Creates a decoder for one connection.
  public init(role: Role, maxFrameSize: Int = WireProtocol.defaultMaxFrameSize) {
    self.role = role
    self.maxFrameSize = maxFrameSize
  }

  /// Bytes received but not yet decoded: at most one partial frame after ``next()`` returned nil.
  public var bufferedByteCount: Int { buffer.count - readIndex }

  /// Adds received bytes.
  public mutating func append(_ bytes: UnsafeRawBufferPointer) {
    compact()
    buffer.append(contentsOf: bytes)
  }

  /// Adds received bytes.
  public mutating func append(contentsOf bytes: some Sequence<UInt8>) {
    compact()
    buffer.append(contentsOf: bytes)
  }

  /// The next complete frame, or nil when more bytes are needed. Frames of unknown types are skipped.
  public mutating func next() throws -> Frame? {
    while true {
      if state == .awaitingPreface {
        guard try decodePreface() else { return nil }
        continue
      }
      guard bufferedByteCount >= WireProtocol.frameHeaderLength else {
        compact()
        return nil
      }
      let header = try decodeHeader()
      let frameLength = WireProtocol.frameHeaderLength + header.length
      guard bufferedByteCount >= frameLength else {
        compact()
        return nil
      }
      let payloadStart = readIndex + WireProtocol.frameHeaderLength
      readIndex = payloadStart + header.length
      guard let type = header.type else { continue }
      let frame = try buffer.withUnsafeBytes { bytes in
        try decodePayload(type, header, UnsafeRawBufferPointer(rebasing: bytes[payloadStart..<payloadStart + header.length]))
      }
      state = .open
      return frame
    }
  }

  /// Drops the decoded bytes, so that a large frame's buffer is not kept while the connection waits.
  private mutating func compact() {
    if readIndex == buffer.count {
      // Keep a working buffer (two socket reads), but not one a single large frame grew: an idle connection
      // must not pin its largest frame.
      buffer.removeAll(keepingCapacity: buffer.capacity <= Self.keptCapacity)
      readIndex = 0
    } else if readIndex >= 64 << 10 {
      buffer.removeFirst(readIndex)
      readIndex = 0
    }
  }

  private mutating func decodePreface() throws -> Bool {
    let available = min(bufferedByteCount, WireProtocol.magic.count)
    for index in 0..<available where buffer[readIndex + index] != WireProtocol.magic[index] {
      throw RPCError.protocolError("bad connection preface: the first bytes are not \"PWRP\"")
    }
    guard bufferedByteCount >= WireProtocol.prefaceLength else { return false }
    let version = ProtocolVersion(major: buffer[readIndex + 4], minor: buffer[readIndex + 5])
    guard version.major == ProtocolVersion.current.major else {
      throw RPCError(
        .unimplemented,
        "protocol version \(version) is not supported; this side speaks \(ProtocolVersion.current)",
        connectionError: .unsupportedVersion
      )
    }
    guard buffer[readIndex + 6] == 0, buffer[readIndex + 7] == 0 else {
      throw RPCError.protocolError("bad connection preface: reserved bytes are not zero")
    }
    peerVersion = version
    readIndex += WireProtocol.prefaceLength
    state = .awaitingSettings
    return true
  }

  private struct Header {
    var length: Int
    var type: FrameType?
    var flags: FrameFlags
    var streamID: UInt32
  }

  private func decodeHeader() throws -> Header {
    let start = readIndex
    let length = Int(readUInt32(at: start))
    let rawType = buffer[start + 4]
    let flags = FrameFlags(rawValue: buffer[start + 5])
    let reserved = UInt16(buffer[start + 6]) << 8 | UInt16(buffer[start + 7])
    let streamID = readUInt32(at: start + 8)
    let type = FrameType(rawValue: rawType)
    let name = type?.name ?? "frame type 0x\(String(rawType, radix: 16))"

    guard length <= maxFrameSize else {
      throw RPCError(
        .resourceExhausted,
        "\(name) frame of \(length) bytes exceeds the maximum frame size of \(maxFrameSize) bytes",
        connectionError: .frameSizeError
      )
    }
    guard reserved == 0 else {
      throw RPCError.protocolError("\(name) frame has non-zero reserved bits")
    }
    guard streamID <= WireProtocol.maxStreamID else {
      throw RPCError.protocolError("\(name) frame has the reserved high bit of its stream id set")
    }
    if state == .awaitingSettings && type != .settings {
      throw RPCError.protocolError("expected SETTINGS as the first frame, got \(name)")
    }
    guard let type else {
      return Header(length: length, type: nil, flags: flags, streamID: streamID)
    }
    guard flags.isSubset(of: allowedFlags(type)) else {
      throw RPCError.protocolError("\(name) frame has unknown flags 0x\(String(flags.rawValue, radix: 16))")
    }
    if type.isConnectionLevel {
      guard streamID == 0 else {
        throw RPCError.protocolError("\(name) frame must be on stream 0, not stream \(streamID)")
      }
    } else {
      guard streamID != 0 else {
        throw RPCError.protocolError("\(name) frame must be on a stream, not stream 0")
      }
    }
    switch (role, type) {
    case (.server, .trailers):
      throw RPCError.protocolError("a client must not send TRAILERS")
    case (.client, .halfClose), (.client, .cancel):
      throw RPCError.protocolError("a server must not send \(name)")
    default:
      break
    }
    return Header(length: length, type: type, flags: flags, streamID: streamID)
  }

  private func allowedFlags(_ type: FrameType) -> FrameFlags {
    switch type {
    case .settings, .ping: .ack
    case .headers, .message: role == .server ? .endStream : []
    case .goAway, .halfClose, .trailers, .cancel: []
    }
  }

  private func readUInt32(at offset: Int) -> UInt32 {
    UInt32(buffer[offset]) << 24 | UInt32(buffer[offset + 1]) << 16 | UInt32(buffer[offset + 2]) << 8
      | UInt32(buffer[offset + 3])
  }

  private func decodePayload(_ type: FrameType, _ header: Header, _ payload: UnsafeRawBufferPointer) throws -> Frame {
    let stream = header.streamID
    let endStream = header.flags.contains(.endStream)
    switch type {
    case .settings:
      if header.flags.contains(.ack) {
        guard payload.isEmpty else { throw RPCError.protocolError("SETTINGS ACK frame must be empty") }
        return .settingsAck
      }
      return .settings(try envelope(Settings.self, type, payload))
    case .ping:
      guard payload.count == 8 else {
        throw RPCError.protocolError("PING frame payload must be 8 bytes, not \(payload.count)")
      }
      let value = payload.reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
      return header.flags.contains(.ack) ? .pingAck(value) : .ping(value)
    case .goAway:
      return .goAway(try envelope(GoAway.self, type, payload))
    case .headers:
      if role == .server {
        return .requestHeaders(streamID: stream, try envelope(RequestHeaders.self, type, payload), endStream: endStream)
      }
      return .responseHeaders(streamID: stream, try envelope(ResponseHeaders.self, type, payload))
    case .message:
      return .message(streamID: stream, Array(payload), endStream: endStream)
    case .halfClose:
      guard payload.isEmpty else { throw RPCError.protocolError("HALF_CLOSE frame must be empty") }
      return .halfClose(streamID: stream)
    case .trailers:
      return .trailers(streamID: stream, try envelope(Trailers.self, type, payload))
    case .cancel:
      return .cancel(streamID: stream, try envelope(Cancel.self, type, payload))
    }
  }

  private func envelope<M: ProtobufMessage>(_: M.Type, _ type: FrameType, _ payload: UnsafeRawBufferPointer) throws -> M {
    do {
      return try M(serializedBytes: payload)
    } catch let error as RPCError {
      throw RPCError.protocolError("\(type.name) frame payload: \(error.message)")
    }
  }
}
