import Testing
@testable import PledgewireWire

@Suite("Messages through protobuf-c and back")
struct MessageRoundTripTests {
  @Test("every message, every field set, survives a round trip", arguments: allPopulatedMessages.indices)
  func populatedRoundTrip(index: Int) throws {
    func check<M: ProtobufMessage>(_ message: M) throws {
      let bytes = message.serializedBytes()
      let decoded = try M(serializedBytes: bytes)
      #expect(decoded == message, "\(M.protoName) changed in a round trip")
    }
    try check(allPopulatedMessages[index])
  }

  @Test("a message with every field at its zero value encodes to no bytes")
  func emptyMessage() throws {
    #expect(Pledge().serializedBytes().isEmpty)
    #expect(try Pledge(serializedBytes: [UInt8]()) == Pledge())
  }

  @Test("enum values the schema does not know survive a round trip")
  func unknownEnumValue() throws {
    let actor = Actor(kind: ActorKind(rawValue: 77))
    #expect(actor.kind == .unrecognized(77))
    #expect(!actor.kind.isKnown)
    let decoded = try Actor(serializedBytes: actor.serializedBytes())
    #expect(decoded.kind == .unrecognized(77))
  }

  @Test("enum names parse ignoring case and dashes")
  func enumNames() {
    #expect(PledgeStatus(name: "in-progress") == .inProgress)
    #expect(PledgeStatus(name: "PARTIALLY_FULFILLED") == .partiallyFulfilled)
    #expect(PledgeStatus(name: "nonsense") == nil)
    #expect(StatusCode.notFound.name == "NOT_FOUND")
    #expect(StatusCode.internal.rawValue == 13)
  }

  @Test("the 17 gRPC status codes keep gRPC's numbers")
  func statusCodes() {
    let names = StatusCode.allCases.map(\.name)
    #expect(names == [
      "OK", "CANCELLED", "UNKNOWN", "INVALID_ARGUMENT", "DEADLINE_EXCEEDED", "NOT_FOUND", "ALREADY_EXISTS",
      "PERMISSION_DENIED", "RESOURCE_EXHAUSTED", "FAILED_PRECONDITION", "ABORTED", "OUT_OF_RANGE",
      "UNIMPLEMENTED", "INTERNAL", "UNAVAILABLE", "DATA_LOSS", "UNAUTHENTICATED",
    ])
    #expect(StatusCode.allCases.map(\.rawValue) == Array(0...16))
  }

  @Test("truncated and garbled bytes are INVALID_ARGUMENT errors naming the message")
  func malformedBytes() throws {
    let bytes = Pledge.populated().serializedBytes()
    let truncated = Array(bytes.dropLast(3))
    let error = #expect(throws: RPCError.self) { try Pledge(serializedBytes: truncated) }
    #expect(error?.code == .invalidArgument)
    #expect(error?.details?.reason == "MALFORMED_MESSAGE")
    #expect(error?.message.contains("pledgewire.v1.Pledge") == true)

    // Field 2 of Actor (kind, an enum) sent as a length-delimited value: the wrong wire type, named.
    let wireType = #expect(throws: RPCError.self) { try Actor(serializedBytes: [0x12, 0x01, 0x00]) }
    #expect(wireType?.code == .invalidArgument)
    #expect(wireType?.details?.fieldViolations.first?.field == "kind")
    // Every field with its own wire type still decodes.
    #expect(try Pledge(serializedBytes: Pledge.populated().serializedBytes()) == Pledge.populated())
    // Wire types 3 and 4 (groups) are not accepted anywhere.
    #expect(throws: RPCError.self) { try Actor(serializedBytes: [0x0b, 0x0c]) }
    // A varint that never ends.
    #expect(throws: RPCError.self) { try Actor(serializedBytes: [0x08] + [UInt8](repeating: 0xff, count: 11)) }
  }

  @Test("invalid UTF-8 in a string field is INVALID_ARGUMENT naming the field")
  func invalidUTF8() throws {
    // Actor.canonical_name (field 3) = 0xff 0xfe.
    let error = #expect(throws: RPCError.self) { try Actor(serializedBytes: [0x1a, 0x02, 0xff, 0xfe]) }
    #expect(error?.code == .invalidArgument)
    #expect(error?.message == "canonical_name: not valid UTF-8, or contains U+0000")
    #expect(error?.details?.fieldViolations.first?.field == "canonical_name")
  }

  @Test("a string holding U+0000 is refused rather than cut short by C")
  func embeddedNUL() throws {
    let error = #expect(throws: RPCError.self) { try Actor(serializedBytes: [0x1a, 0x03, 0x41, 0x00, 0x42]) }
    #expect(error?.code == .invalidArgument)
  }

  @Test("errors in nested messages name the path")
  func nestedFieldPath() throws {
    // CreatePledgeRequest.pledge (1) { Pledge.action (3) = 0xc0 0xaf (an overlong '/') }
    let bytes: [UInt8] = [0x0a, 0x04, 0x1a, 0x02, 0xc0, 0xaf]
    let error = #expect(throws: RPCError.self) { try CreatePledgeRequest(serializedBytes: bytes) }
    #expect(error?.message.hasPrefix("pledge.action:") == true)
  }

  @Test("UTF-8 validation accepts every valid form and rejects the invalid ones")
  func utf8Validation() {
    func valid(_ bytes: [UInt8]) -> Bool {
      bytes.withUnsafeBytes { UTF8Validation.isValidWithoutNUL($0) }
    }
    #expect(valid(Array("Zelenskyy Зеленський 🇺🇦 — ASCII runs longer than eight bytes".utf8)))
    #expect(valid([]))
    #expect(!valid([0xc0, 0x80]))          // overlong NUL
    #expect(!valid([0xed, 0xa0, 0x80]))    // surrogate
    #expect(!valid([0xf4, 0x90, 0x80, 0x80]))  // past U+10FFFF
    #expect(!valid([0xe2, 0x82]))          // truncated
    #expect(!valid(Array("0123456789\0abc".utf8)))  // NUL inside an ASCII run
    #expect(!valid([0x80]))
  }

  @Test("the generated catalog matches protoc-c's service descriptors")
  func catalogMatchesProtobufC() throws {
    let cMethods = ServiceCatalog.protobufCMethods
    #expect(cMethods.count == ServiceCatalog.services.count)
    for service in ServiceCatalog.services {
      let c = try #require(cMethods[service.name])
      #expect(c.map(\.name) == service.methods.map(\.name))
      #expect(c.map(\.input) == service.methods.map(\.inputType))
      #expect(c.map(\.output) == service.methods.map(\.outputType))
    }
    #expect(PledgeService.WatchPledges.descriptor.kind == .serverStreaming)
    #expect(PledgeService.ImportPledges.descriptor.kind == .clientStreaming)
    #expect(HealthService.Watch.descriptor.isServerStreaming)
    #expect(ActorService.GetActor.descriptor.fullName == "/pledgewire.v1.ActorService/GetActor")
  }
}
