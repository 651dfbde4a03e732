import PledgewireClient
import PledgewireDomain
import Testing

/// A newer schema's fields, unknown to this build, survive storage and every kind of write: what a newer client (or a
/// newer build sharing the database) wrote is still there when this build changes the record, and the reverse.
@Suite("Unknown fields through the server")
struct UnknownFieldTests {
  /// `message` with field `number` (a length-delimited string) appended to its encoding, decoded again.
  static func withUnknownField<M: ProtobufMessage>(_ message: M, number: UInt32, _ text: String) throws -> M {
    var bytes = message.serializedBytes()
    appendVarint(UInt64(number << 3 | 2), to: &bytes)
    appendVarint(UInt64(text.utf8.count), to: &bytes)
    bytes += Array(text.utf8)
    return try M(serializedBytes: bytes)
  }

  static func appendVarint(_ value: UInt64, to bytes: inout [UInt8]) {
    var value = value
    while value >= 0x80 {
      bytes.append(UInt8(value & 0x7f) | 0x80)
      value >>= 7
    }
    bytes.append(UInt8(value))
  }

  @Test("a pledge's, its evidence's, a party's and its condition's unknown fields survive create, edits, evidence, status changes and merges")
  func pledge() async throws {
    try await withDomainServer { client, _ in
      let world = try await World.make(client)
      var draft = world.pledge()
      draft.condition = try Self.withUnknownField(Condition(text: "if a deal is reached"), number: 90, "condition extension")
      draft.parties[0] = try Self.withUnknownField(draft.parties[0], number: 91, "party extension")
      draft.evidence[0] = try Self.withUnknownField(draft.evidence[0], number: 92, "evidence extension")
      draft = try Self.withUnknownField(draft, number: 99, "pledge extension")
      #expect(draft.unknownFields.numbers == [99])

      let created = try await client.pledge.createPledge(CreatePledgeRequest(pledge: draft))
      func check(_ pledge: Pledge, _ step: String) {
        #expect(pledge.unknownFields.numbers == [99], "\(step)")
        #expect(pledge.condition?.unknownFields.numbers == [90], "\(step)")
        #expect(pledge.parties[0].unknownFields.numbers == [91], "\(step)")
        #expect(pledge.evidence[0].unknownFields.numbers == [92], "\(step)")
        #expect(pledge.unknownFields == draft.unknownFields, "\(step)")
      }
      check(created, "create")
      check(try await client.pledge.getPledge(GetPledgeRequest(id: created.id)), "get")
      var edit = created
      edit.action = "pay in two tranches"
      edit.unknownFields = .init()
      check(try await client.pledge.updatePledge(UpdatePledgeRequest(pledge: edit, updateMask: ["action"])), "update")
      check(try await client.pledge.addEvidence(AddEvidenceRequest(
        pledgeID: created.id, evidence: Evidence(articleID: world.article.id, quote: "Paris promised troops", stance: .reports), conditionState: .met
      )), "evidence")
      check(try await client.pledge.updatePledgeStatus(UpdatePledgeStatusRequest(pledgeID: created.id, status: .withdrawn)), "status")
      let other = try await client.pledge.createPledge(CreatePledgeRequest(pledge: world.pledge(quote: "Zürich stayed quiet.")))
      check(try await client.pledge.mergePledges(MergePledgesRequest(survivorID: created.id, duplicateID: other.id)), "merge")
      // An edit that replaces the condition's text keeps what the condition carried.
      let latest = try await client.pledge.getPledge(GetPledgeRequest(id: created.id))
      var condition = latest
      condition.condition?.text = "if a treaty is signed"
      condition.condition?.unknownFields = .init()
      check(try await client.pledge.updatePledge(UpdatePledgeRequest(pledge: condition, updateMask: ["condition"])), "condition")
    }
  }

  @Test("an actor's and an article's unknown fields survive create, update and merge")
  func actorAndArticle() async throws {
    try await withDomainServer { client, _ in
      let actor = try await client.actor.createActor(CreateActorRequest(actor: try Self.withUnknownField(validActor("United Kingdom"), number: 77, "actor extension")))
      #expect(actor.unknownFields.numbers == [77])
      let updated = try await client.actor.updateActor(UpdateActorRequest(actor: Actor(id: actor.id, version: 1), addAliases: ["UK"]))
      #expect(updated.unknownFields.numbers == [77])
      let dup = try await client.actor.createActor(CreateActorRequest(actor: validActor("Britain")))
      #expect(try await client.actor.mergeActors(MergeActorsRequest(survivorID: actor.id, duplicateID: dup.id)).unknownFields.numbers == [77])
      var article = validArticle()
      article.mentions = [try Self.withUnknownField(ActorMention(actorID: actor.id, range: TextRange(start: 0, end: 7)), number: 66, "mention extension")]
      let stored = try await client.article.createArticle(CreateArticleRequest(article: try Self.withUnknownField(article, number: 88, "article extension")))
      let fetched = try await client.article.getArticle(GetArticleRequest(id: stored.id))
      #expect(fetched.unknownFields.numbers == [88] && fetched.mentions[0].unknownFields.numbers == [66])
    }
  }
}
