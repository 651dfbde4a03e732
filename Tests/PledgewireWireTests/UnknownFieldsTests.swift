import Testing
@testable import PledgewireWire

@Suite("Fields a schema does not know survive a decode and re-encode")
struct UnknownFieldsTests {
  /// An Actor as a newer build might write it: a known field, then fields 90 (varint), 91 (fixed64),
  /// 92 (length-delimited) and 93 (fixed32) that this schema does not define.
  static let newerActor: [UInt8] = [
    0x1a, 0x04, 0x4e, 0x41, 0x54, 0x4f,                          // canonical_name = "NATO"
    0xd0, 0x05, 0xac, 0x02,                                      // 90: varint 300
    0xd9, 0x05, 1, 2, 3, 4, 5, 6, 7, 8,                          // 91: fixed64
    0xe2, 0x05, 0x03, 0x61, 0x62, 0x63,                          // 92: "abc"
    0xed, 0x05, 9, 8, 7, 6,                                      // 93: fixed32
  ]

  @Test("every wire type is kept, byte for byte, through a change by an older build")
  func olderBuildKeepsNewerFields() throws {
    var actor = try Actor(serializedBytes: Self.newerActor)
    #expect(actor.canonicalName == "NATO")
    #expect(actor.unknownFields.numbers == [90, 91, 92, 93])
    actor.role = "alliance"   // the older build changes a field it knows and writes the record back
    let rewritten = actor.serializedBytes()
    let unknownTail = Array(Self.newerActor[6...])
    #expect(Array(rewritten.suffix(unknownTail.count)) == unknownTail)
    let again = try Actor(serializedBytes: rewritten)
    #expect(again.role == "alliance")
    #expect(again.unknownFields == actor.unknownFields)
  }

  @Test("unknown fields inside nested and repeated messages are kept too")
  func nested() throws {
    // Pledge.evidence (12) { Evidence.article_id (2) = 5, field 77 = varint 1 }
    let bytes: [UInt8] = [0x62, 0x05, 0x10, 0x05, 0xe8, 0x04, 0x01]
    let pledge = try Pledge(serializedBytes: bytes)
    #expect(pledge.evidence.first?.unknownFields.numbers == [77])
    #expect(try Pledge(serializedBytes: pledge.serializedBytes()) == pledge)
    #expect(pledge.serializedBytes() == bytes)
  }

  @Test("a message without unknown fields has none, and they take part in equality")
  func equality() throws {
    let plain = try Actor(serializedBytes: Array(Self.newerActor[0..<6]))
    #expect(plain.unknownFields.isEmpty)
    let newer = try Actor(serializedBytes: Self.newerActor)
    #expect(plain != newer)
  }

  @Test("OK trailers whose only fields are unknown keep them through a frame's encode and decode (found by fuzzing)")
  func trailersOfUnknownFieldsOnly() throws {
    let trailers = try Trailers(serializedBytes: [0xfa, 0xfa, 0x12, 0x02, 0x61, 0x62])  // field 38831: "ab"
    #expect(trailers.code == .ok && trailers.unknownFields.numbers == [38_831])
    let frames = try decodeAll(try encode([.settings(Settings()), .trailers(streamID: 3, trailers)]), role: .client)
    #expect(frames.last == .trailers(streamID: 3, trailers))
  }
}
