import Testing
@testable import PledgewireWire

/// The frames of Golden/client-to-server.hex.
let goldenClientFrames: [Frame] = [
  .settings(Settings(maxFrameSize: 4_194_304, maxMetadataSize: 8192, agent: "example-client/1.0")),
  .settingsAck,
  .requestHeaders(
    streamID: 1,
    RequestHeaders(
      method: "/pledgewire.v1.ActorService/GetActor",
      timeoutUs: 5_000_000,
      metadata: [MetadataEntry(key: "x-request-id", value: Array("r-1".utf8))]
    ),
    endStream: false
  ),
  .message(streamID: 1, GetActorRequest(id: 42).serializedBytes(), endStream: true),
  .requestHeaders(streamID: 3, RequestHeaders(method: "/pledgewire.v1.ActorService/GetActor"), endStream: false),
  .message(streamID: 3, GetActorRequest(id: 7).serializedBytes(), endStream: true),
  .ping(0x0102_0304_0506_0708),
  .requestHeaders(streamID: 5, RequestHeaders(method: "/pledgewire.v1.ActorService/GetActor"), endStream: false),
  .cancel(streamID: 5, Cancel(errorCode: .cancel)),
  .requestHeaders(streamID: 7, RequestHeaders(method: "/pledgewire.v1.ActorService/ImportActors"), endStream: false),
  .halfClose(streamID: 7),
]

/// The frames of Golden/server-to-client.hex.
let goldenServerFrames: [Frame] = [
  .settings(Settings(maxFrameSize: 4_194_304, maxMetadataSize: 8192, maxConcurrentStreams: 100, idleTimeoutMs: 300_000, agent: "pledgewire-server/0.1")),
  .settingsAck,
  .message(
    streamID: 1,
    Actor(
      id: 42, kind: .person, canonicalName: "Keir Starmer", aliases: ["Starmer"],
      role: "Prime Minister of the United Kingdom", countryCode: "GBR", version: 1
    ).serializedBytes(),
    endStream: false
  ),
  .trailers(streamID: 1, Trailers(code: .ok)),
  .trailers(streamID: 3, Trailers(code: .notFound, message: "actor 7 does not exist")),
  .pingAck(0x0102_0304_0506_0708),
  .message(streamID: 7, ImportResponse().serializedBytes(), endStream: false),
  .trailers(streamID: 7, Trailers(code: .ok)),
  .goAway(GoAway(lastStreamID: 7, errorCode: .noError, message: "server shutting down")),
]

func encode(_ frames: [Frame], preface: Bool = true) throws -> [UInt8] {
  var encoder = FrameEncoder()
  if preface {
    encoder.writePreface()
  }
  for frame in frames {
    try encoder.write(frame)
  }
  return encoder.bytes
}

/// Decodes everything, feeding the bytes in pieces split at the given offsets.
func decodeAll(_ bytes: [UInt8], role: FrameDecoder.Role, splits: [Int] = []) throws -> [Frame] {
  var decoder = FrameDecoder(role: role)
  var frames: [Frame] = []
  var start = 0
  for end in splits + [bytes.count] {
    decoder.append(contentsOf: bytes[start..<end])
    start = end
    while let frame = try decoder.next() {
      frames.append(frame)
    }
  }
  #expect(decoder.bufferedByteCount == 0)
  return frames
}

/// A valid preface and SETTINGS from a client, then `rest`.
func clientStream(_ rest: [UInt8]) throws -> [UInt8] {
  try encode([.settings(Settings())]) + rest
}

/// A frame header.
func header(length: UInt32, type: UInt8, flags: UInt8 = 0, reserved: UInt16 = 0, stream: UInt32) -> [UInt8] {
  [
    UInt8(length >> 24), UInt8(length >> 16 & 0xff), UInt8(length >> 8 & 0xff), UInt8(length & 0xff),
    type, flags, UInt8(reserved >> 8), UInt8(reserved & 0xff),
    UInt8(stream >> 24), UInt8(stream >> 16 & 0xff), UInt8(stream >> 8 & 0xff), UInt8(stream & 0xff),
  ]
}

@Suite("Frame codec")
struct FrameCodecTests {
  @Test("the encoder writes the golden vectors byte for byte")
  func encoderMatchesGolden() throws {
    #expect(try encode(goldenClientFrames) == GoldenFile.bytes("client-to-server.hex"))
    #expect(try encode(goldenServerFrames) == GoldenFile.bytes("server-to-client.hex"))
  }

  @Test("the decoder reads the golden vectors back")
  func decoderReadsGolden() throws {
    #expect(try decodeAll(GoldenFile.bytes("client-to-server.hex"), role: .server) == goldenClientFrames)
    #expect(try decodeAll(GoldenFile.bytes("server-to-client.hex"), role: .client) == goldenServerFrames)
  }

  @Test("every split of the input at any byte decodes to the same frames")
  func everySplitPoint() throws {
    for (file, role, expected) in [
      ("client-to-server.hex", FrameDecoder.Role.server, goldenClientFrames),
      ("server-to-client.hex", FrameDecoder.Role.client, goldenServerFrames),
    ] {
      let bytes = try GoldenFile.bytes(file)
      for split in 0...bytes.count {
        #expect(try decodeAll(bytes, role: role, splits: [split]) == expected, "split at \(split)")
      }
      #expect(try decodeAll(bytes, role: role, splits: Array(0..<bytes.count)) == expected, "byte by byte")
    }
  }

  @Test("the preface version is recorded")
  func peerVersion() throws {
    var decoder = FrameDecoder(role: .server)
    decoder.append(contentsOf: try clientStream([]))
    _ = try decoder.next()
    #expect(decoder.peerVersion == ProtocolVersion(major: 1, minor: 0))
  }

  @Test("a higher minor version is accepted")
  func newerMinorVersion() throws {
    var bytes = try clientStream([])
    bytes[5] = 7
    var decoder = FrameDecoder(role: .server)
    decoder.append(contentsOf: bytes)
    #expect(try decoder.next() == .settings(Settings()))
    #expect(decoder.peerVersion?.minor == 7)
  }

  @Test("frames of unknown types are skipped")
  func unknownFrameType() throws {
    let unknown = header(length: 3, type: 0x42, flags: 0xff, stream: 77) + [1, 2, 3]
    let ping = try encode([.ping(9)], preface: false)
    #expect(try decodeAll(try clientStream(unknown + ping), role: .server) == [.settings(Settings()), .ping(9)])
  }

  struct Violation: Sendable, CustomTestStringConvertible {
    let name: String
    let bytes: @Sendable () throws -> [UInt8]
    let code: StatusCode
    let connectionError: ErrorCode
    let role: FrameDecoder.Role
    var testDescription: String { name }

    init(
      _ name: String, _ code: StatusCode = .internal, _ connectionError: ErrorCode = .protocolError,
      role: FrameDecoder.Role = .server, _ bytes: @escaping @Sendable () throws -> [UInt8]
    ) {
      self.name = name
      self.bytes = bytes
      self.code = code
      self.connectionError = connectionError
      self.role = role
    }
  }

  static let violations: [Violation] = [
    Violation("HTTP instead of a preface") { Array("GET / HTTP/1.1\r\n".utf8) },
    Violation("bad magic, one byte") { [0x50, 0x58] },
    Violation("unsupported major version", .unimplemented, .unsupportedVersion) { [0x50, 0x57, 0x52, 0x50, 2, 0, 0, 0] },
    Violation("non-zero reserved preface bytes") { [0x50, 0x57, 0x52, 0x50, 1, 0, 0, 1] },
    Violation("first frame is not SETTINGS") {
      try encode([.ping(1)])
    },
    Violation("frame longer than the maximum", .resourceExhausted, .frameSizeError) {
      try clientStream(header(length: 4_194_305, type: 5, stream: 1))
    },
    Violation("non-zero reserved header bits") { try clientStream(header(length: 0, type: 6, reserved: 1, stream: 1)) },
    Violation("stream id with the high bit set") { try clientStream(header(length: 0, type: 6, stream: 0x8000_0001)) },
    Violation("unknown flag on MESSAGE") { try clientStream(header(length: 0, type: 5, flags: 0x2, stream: 1)) },
    Violation("flag on TRAILERS", role: .client) {
      try encode([.settings(Settings())]) + header(length: 0, type: 7, flags: 0x1, stream: 1)
    },
    Violation("END_STREAM on a server MESSAGE", role: .client) {
      try encode([.settings(Settings())]) + header(length: 0, type: 5, flags: 0x1, stream: 1)
    },
    Violation("PING on a stream") { try clientStream(header(length: 8, type: 2, stream: 1) + [UInt8](repeating: 0, count: 8)) },
    Violation("HEADERS on stream 0") { try clientStream(header(length: 0, type: 4, stream: 0)) },
    Violation("MESSAGE on stream 0") { try clientStream(header(length: 0, type: 5, stream: 0)) },
    Violation("TRAILERS from a client") { try clientStream(header(length: 0, type: 7, stream: 1)) },
    Violation("CANCEL from a server", role: .client) {
      try encode([.settings(Settings())]) + header(length: 0, type: 8, stream: 1)
    },
    Violation("HALF_CLOSE from a server", role: .client) {
      try encode([.settings(Settings())]) + header(length: 0, type: 6, stream: 1)
    },
    Violation("PING of 7 bytes") { try clientStream(header(length: 7, type: 2, stream: 0) + [UInt8](repeating: 0, count: 7)) },
    Violation("SETTINGS ACK with a payload") { try clientStream(header(length: 1, type: 1, flags: 1, stream: 0) + [0]) },
    Violation("HALF_CLOSE with a payload") { try clientStream(header(length: 1, type: 6, stream: 1) + [0]) },
    Violation("malformed HEADERS payload") { try clientStream(header(length: 2, type: 4, stream: 1) + [0x0a, 0x05]) },
    Violation("invalid UTF-8 in the method name") {
      try clientStream(header(length: 4, type: 4, stream: 1) + [0x0a, 0x02, 0xff, 0xff])
    },
  ]

  @Test("protocol violations are typed errors that end the connection", arguments: violations)
  func violation(_ violation: Violation) throws {
    var decoder = FrameDecoder(role: violation.role)
    decoder.append(contentsOf: try violation.bytes())
    let error = #expect(throws: RPCError.self) {
      while try decoder.next() != nil {}
    }
    #expect(error?.code == violation.code)
    #expect(error?.connectionError == violation.connectionError)
  }

  @Test("an oversized frame is refused from its header, before its payload is buffered")
  func oversizeCheckedBeforeBuffering() throws {
    var decoder = FrameDecoder(role: .server, maxFrameSize: 1024)
    decoder.append(contentsOf: try clientStream([]))
    _ = try decoder.next()
    decoder.append(contentsOf: header(length: 1025, type: 5, stream: 1))
    #expect(decoder.bufferedByteCount == 12)
    #expect(throws: RPCError.self) { try decoder.next() }
  }

  @Test("once a large frame is decoded, the decoder frees its buffer without waiting for more bytes")
  func largeFrameBufferFreed() throws {
    var decoder = FrameDecoder(role: .server)
    decoder.append(contentsOf: try clientStream([]))
    _ = try decoder.next()
    let payload = [UInt8](repeating: 7, count: 1 << 20)
    let frame = try encode([.message(streamID: 1, payload, endStream: false)], preface: false)
    // Arriving in socket-sized pieces, the way a connection reads it.
    for start in stride(from: 0, to: frame.count, by: 64 << 10) {
      decoder.append(contentsOf: frame[start..<min(frame.count, start + (64 << 10))])
      if start + (64 << 10) < frame.count {
        #expect(try decoder.next() == nil)
      }
    }
    #expect(try decoder.next() == .message(streamID: 1, payload, endStream: false))
    #expect(try decoder.next() == nil)
    #expect(decoder.bufferedByteCount == 0)
    #expect(decoder.bufferCapacity <= FrameDecoder.keptCapacity, "an idle connection keeps \(decoder.bufferCapacity) bytes")
  }

  @Test("the encoder refuses a frame over the peer's maximum and writes nothing")
  func encoderRefusesOversize() throws {
    var encoder = FrameEncoder(maxFrameSize: 64)
    try encoder.write(.ping(1))
    let before = encoder.bytes
    let error = #expect(throws: RPCError.self) {
      try encoder.writeMessage(Article(body: String(repeating: "x", count: 100)), streamID: 1)
    }
    #expect(error?.code == .resourceExhausted)
    #expect(encoder.bytes == before)
    try encoder.writeMessage(GetActorRequest(id: 1), streamID: 1, endStream: true)
    #expect(encoder.bytes.count == before.count + 14)
  }

  @Test("writeMessage matches a MESSAGE frame built from serialized bytes")
  func writeMessageMatchesFrame() throws {
    var direct = FrameEncoder()
    try direct.writeMessage(Pledge.populated(), streamID: 11, endStream: true)
    #expect(direct.bytes == (try encode([.message(streamID: 11, Pledge.populated().serializedBytes(), endStream: true)], preface: false)))
  }

  @Test("removing sent bytes keeps the rest")
  func removeSentBytes() throws {
    var encoder = FrameEncoder()
    try encoder.write(.ping(1))
    try encoder.write(.ping(2))
    encoder.removeFirst(20)
    #expect(encoder.bytes == (try encode([.ping(2)], preface: false)))
    encoder.removeFirst(100)
    #expect(encoder.isEmpty)
  }

  @Test("connection error codes map to the statuses gRPC uses")
  func errorCodeStatus() {
    #expect(ErrorCode.noError.statusCode == .unavailable)
    #expect(ErrorCode.refusedStream.statusCode == .unavailable)
    #expect(ErrorCode.protocolError.statusCode == .internal)
    #expect(ErrorCode.resourceExhausted.statusCode == .resourceExhausted)
    #expect(ErrorCode.cancel.statusCode == .cancelled)
    #expect(ErrorCode.deadlineExceeded.statusCode == .deadlineExceeded)
  }
}
