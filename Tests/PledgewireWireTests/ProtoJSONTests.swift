import Testing
@testable import PledgewireWire

@Suite("The proto3 JSON mapping")
struct ProtoJSONTests {
  @Test("every message, every field set, survives a JSON round trip", arguments: allPopulatedMessages.indices)
  func populatedRoundTrip(index: Int) throws {
    func check<M: ProtobufMessage>(_ message: M) throws {
      let decoded = try M(jsonString: message.jsonString())
      #expect(decoded == message, "\(M.protoName) changed in a JSON round trip: \(message.jsonString())")
    }
    try check(allPopulatedMessages[index])
  }

  @Test("names in lowerCamelCase, 64-bit integers as strings, enums by schema name, zero values left out, keys sorted")
  func encoding() {
    let pledge = Pledge(
      id: 12, parties: [PledgeParty(actorID: 4, role: .maker)], action: "send troops", category: .troopDeployment,
      madeAtMs: 1_740_873_600_000, status: .announced
    )
    #expect(pledge.jsonString() == #"{"action":"send troops","category":"PLEDGE_CATEGORY_TROOP_DEPLOYMENT","id":"12","madeAtMs":"1740873600000","parties":[{"actorId":"4","role":"PARTY_ROLE_MAKER"}],"status":"PLEDGE_STATUS_ANNOUNCED"}"#)
    #expect(Pledge().jsonString() == "{}")
    #expect(ErrorDetails(retryAfterMs: 250).jsonString() == #"{"retryAfterMs":250}"#)
    #expect(MetadataEntry(key: "k-bin", value: [0, 0xff, 0x10]).jsonString() == #"{"key":"k-bin","value":"AP8Q"}"#)
  }

  @Test("reading accepts both field spellings, integers as numbers or strings, enums by any name or number")
  func lenientReading() throws {
    let pledge = try Pledge(jsonString: #"""
      {"id": 12, "made_at_ms": "1740873600000", "category": "troop-deployment", "status": 2,
       "parties": [{"actor_id": "4", "role": "MAKER"}], "condition": null, "modality": "MODALITY_OFFER"}
      """#)
    #expect(pledge.id == 12)
    #expect(pledge.madeAtMs == 1_740_873_600_000)
    #expect(pledge.category == .troopDeployment)
    #expect(pledge.status == .inProgress)
    #expect(pledge.parties == [PledgeParty(actorID: 4, role: .maker)])
    #expect(pledge.condition == nil)
    #expect(pledge.modality == .offer)
    #expect(try LatencySummary(jsonString: #"{"meanUs": "NaN"}"#).meanUs.isNaN)
    #expect(try MetadataEntry(jsonString: #"{"value": "AP8Q"}"#).value == [0, 0xff, 0x10])
  }

  @Test("errors are INVALID_ARGUMENT naming the field path")
  func errors() throws {
    func failure(_ json: String) -> RPCError? {
      #expect(throws: RPCError.self) { try CreatePledgeRequest(jsonString: json) }
    }
    let unknown = failure(#"{"pledge": {"evidence": [{"articleId": "1"}, {"artcleId": "2"}]}}"#)
    #expect(unknown?.code == .invalidArgument)
    #expect(unknown?.details?.fieldViolations.first?.field == "pledge.evidence[1].artcleId")
    let badNumber = failure(#"{"pledge": {"madeAtMs": "yesterday"}}"#)
    #expect(badNumber?.details?.fieldViolations.first?.field == "pledge.madeAtMs")
    let badEnum = failure(#"{"pledge": {"status": "DONE"}}"#)
    #expect(badEnum?.details?.fieldViolations.first?.field == "pledge.status")
    #expect(badEnum?.message.contains("PLEDGE_STATUS_FULFILLED") == true)
    let notJSON = failure("{nope")
    #expect(notJSON?.code == .invalidArgument)
    #expect(notJSON?.message.contains("not valid JSON") == true)
    let wrongType = failure(#"{"pledge": {"action": 5}}"#)
    #expect(wrongType?.details?.fieldViolations.first?.field == "pledge.action")
  }

  @Test("base64 decodes standard and URL-safe forms and refuses garbage")
  func base64() {
    let bytes: [UInt8] = Array(0...255)
    #expect(ProtoJSON.base64Decoded(ProtoJSON.base64Encoded(bytes)) == bytes)
    #expect(ProtoJSON.base64Encoded(Array("f".utf8)) == "Zg==")
    #expect(ProtoJSON.base64Encoded(Array("fo".utf8)) == "Zm8=")
    #expect(ProtoJSON.base64Decoded("Zm8") == Array("fo".utf8))
    #expect(ProtoJSON.base64Decoded("_-8") == [0xff, 0xef])
    #expect(ProtoJSON.base64Decoded("Zm8=x") == nil)
    #expect(ProtoJSON.base64Decoded("Z!") == nil)
  }

  @Test("the embedded descriptor set is the schema: it names every service")
  func descriptorSet() {
    let text = String(decoding: ServiceCatalog.fileDescriptorSet, as: UTF8.self)
    for service in ServiceCatalog.services {
      #expect(text.contains(service.name.split(separator: ".").last!))
    }
    #expect(ServiceCatalog.messages["pledgewire.v1.Pledge"] is Pledge.Type)
  }
}
