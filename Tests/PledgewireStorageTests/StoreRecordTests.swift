import PledgewireStorage
import PledgewireWire
import Testing

@Suite("Store contract: records")
struct StoreRecordTests {
  @Test("every field of a pledge, an actor and an article survives a write and a read", arguments: StoreFactory.all)
  func roundTrip(_ factory: StoreFactory) async throws {
    let fixture = try await Fixture.make(factory)
    let store = fixture.store
    var actor = Actor(
      kind: .person, canonicalName: "Keir Starmer", aliases: ["Starmer", "Sir Keir", "starmer"], role: "Prime Minister",
      countryCode: "GBR", affiliations: [Affiliation(actorID: fixture.maker.id, kind: .officialOf), Affiliation(actorID: fixture.other.id, kind: .memberOf)],
      externalIDs: [ExternalId(scheme: "wikidata", value: "Q6384843")], description: "Host of the summit", labels: ["uk", "people"]
    )
    let storedActor = try await store.insertActors([actor], context(42))[0].get()
    actor.id = storedActor.id
    actor.version = 1
    actor.createdAtMs = 42
    actor.updatedAtMs = 42
    #expect(storedActor == actor)
    #expect(try await store.actor(id: actor.id) == actor)

    var article = Fixture.article("https://news.example/2", body: "Keir Starmer spoke. Starmer left.")
    article.byline = "A. Reporter"
    article.dateline = "LONDON"
    article.labels = ["summit", "uk"]
    article.mentions = [
      ActorMention(actorID: actor.id, range: TextRange(start: 0, end: 12), surfaceText: "Keir Starmer", confidence: 0.9),
      ActorMention(actorID: actor.id, range: TextRange(start: 20, end: 27), surfaceText: "Starmer"),
    ]
    article.submittedURL = "https://NEWS.example/2/?utm_source=x"
    let storedArticle = try await store.insertArticles([article], context())[0].get()
    article.id = storedArticle.id
    #expect(storedArticle == article)
    #expect(try await store.article(id: article.id) == article)

    var pledge = fixture.pledge("lend 1.5 billion pounds")
    pledge.parties.append(PledgeParty(actorID: actor.id, role: .announcer))
    pledge.condition = Condition(text: "if parliament approves", state: .met, evidenceID: -2, changedAtMs: 1_745_000_000_000)
    pledge.amount = Money(amount: "1500000000", currency: "GBP", qualifier: .about, period: .perYear, text: "£1.5bn a year")
    pledge.stageAmounts = [StageAmount(stage: .committed, amount: Money(amount: "1", currency: "GBP"), asOfMs: 1_741_000_000_000)]
    pledge.dueAtMs = 1_767_225_600_000
    pledge.duePrecision = .year
    pledge.madePrecision = .unspecified
    pledge.extraction = Extraction(extractor: "model:x", confidence: 0.5, candidateID: 7)
    pledge.quantity = Quantity(value: "200", unit: "engineers", qualifier: .atLeast, text: "at least 200 engineers")
    pledge.target = Ratio(percent: "2.5", of: "GDP")
    pledge.makersIncomplete = true
    pledge.note = "an editor's note"
    pledge.labels = ["loan", "uk"]
    pledge.evidence.append(Evidence(
      id: -2, articleID: fixture.article.id, quote: "Paris promised troops", range: TextRange(start: 35, end: 56), stance: .reports,
      addedAtMs: 1_745_000_000_000, reportedAmount: Money(amount: "1900000000", currency: "EUR"), reportedQuantity: Quantity(value: "5000", unit: "missiles"),
      partyActorID: fixture.maker.id, note: "second outlet", addedBy: "importer"
    ))
    pledge.status = .inProgress
    pledge.history.append(StatusChange(
      fromStatus: .announced, toStatus: .inProgress, atMs: 1_745_000_000_000, evidence: pledge.evidence[1], note: "moving", reopened: false,
      changedBy: "editor", recordedAtMs: 1_745_000_000_001
    ))
    let stored = try await fixture.insert(pledge)
    #expect(stored.id > 0 && stored.version == 1 && stored.createdAtMs == 1_750_000_000_000)
    #expect(stored.evidence.map(\.id).allSatisfy { $0 > 0 } && Set(stored.evidence.map(\.id)).count == 2)
    // References to provisional evidence ids now name the stored evidence.
    #expect(stored.condition?.evidenceID == stored.evidence[1].id)
    #expect(stored.history.map { $0.evidence?.id } == stored.evidence.map(\.id))
    // The store fills what the caller left empty, and keeps what it gave.
    #expect(stored.evidence[0].addedBy == "tester" && stored.evidence[0].addedAtMs == 1_750_000_000_000)
    #expect(stored.evidence[1].addedBy == "importer" && stored.evidence[1].addedAtMs == 1_745_000_000_000)
    #expect(stored.history[0].changedBy == "tester" && stored.history[1].changedBy == "editor" && stored.history[1].recordedAtMs == 1_745_000_000_001)
    var expected = pledge
    expected.id = stored.id
    expected.version = 1
    expected.createdAtMs = 1_750_000_000_000
    expected.updatedAtMs = 1_750_000_000_000
    expected.evidence = stored.evidence
    expected.history = stored.history
    expected.condition?.evidenceID = stored.evidence[1].id
    #expect(stored == expected)
    #expect(try await store.pledge(id: stored.id) == stored)
    #expect(try await store.listPledges(PledgeQuery(limit: 10)) == [stored])
  }

  @Test("ids are never reused, even after the newest record of each kind is deleted", arguments: StoreFactory.all)
  func idsNeverReused(_ factory: StoreFactory) async throws {
    let fixture = try await Fixture.make(factory)
    let store = fixture.store
    let pledge = try await fixture.insert(fixture.pledge())
    let article = try await store.insertArticles([Fixture.article("https://news.example/spare")], context())[0].get()
    let actor = try await store.insertActors([Actor(kind: .group, canonicalName: "Spare")], context())[0].get()
    _ = try await store.deletePledge(id: pledge.id, expectedVersion: nil, context())
    _ = try await store.deleteArticle(id: article.id, force: false, context())
    try await store.deleteActor(id: actor.id, expectedVersion: nil, context())
    let nextPledge = try await fixture.insert(fixture.pledge())
    #expect(nextPledge.id > pledge.id)
    #expect(nextPledge.evidence[0].id > pledge.evidence[0].id)
    #expect(try await store.insertArticles([Fixture.article("https://news.example/spare")], context())[0].get().id > article.id)
    #expect(try await store.insertActors([Actor(kind: .group, canonicalName: "Spare")], context())[0].get().id > actor.id)
    #expect(try await store.pledge(id: pledge.id) == nil)
    #expect(try await store.actor(id: actor.id) == nil)
  }

  @Test("fields this build does not know survive inserts and every revision, top level and nested", arguments: StoreFactory.all)
  func unknownFields(_ factory: StoreFactory) async throws {
    let fixture = try await Fixture.make(factory)
    var pledge = fixture.pledge()
    pledge = try extended(pledge, 99)
    pledge.parties[0] = try extended(pledge.parties[0], 98)
    pledge.evidence[0] = try extended(pledge.evidence[0], 97)
    pledge.evidence[0].range = try extended(pledge.evidence[0].range!, 96)
    pledge.history[0] = try extended(pledge.history[0], 95)
    pledge.condition = try extended(Condition(text: "if", state: .pending), 94)
    let stored = try await fixture.insert(pledge)
    func check(_ pledge: Pledge?) {
      #expect(pledge?.unknownFields.numbers == [99])
      #expect(pledge?.parties[0].unknownFields.numbers == [98])
      #expect(pledge?.evidence[0].unknownFields.numbers == [97])
      #expect(pledge?.evidence[0].range?.unknownFields.numbers == [96])
      #expect(pledge?.history[0].unknownFields.numbers == [95])
      #expect(pledge?.condition?.unknownFields.numbers == [94])
    }
    check(stored)
    let revised = try await fixture.store.revisePledge(id: stored.id, expectedVersion: 1, kind: .updated, context()) { current in
      var next = current
      next.action = "changed"
      next.labels = ["x"]
      next.parties.append(PledgeParty(actorID: fixture.other.id, role: .announcer))
      return PledgeRevision(pledge: next, summary: "edit")
    }
    check(revised.pledge)
    check(try await fixture.store.pledge(id: stored.id))

    let actor = try await fixture.store.insertActors([try extended(Actor(kind: .country, canonicalName: "Spain", affiliations: [try extended(Affiliation(actorID: fixture.maker.id, kind: .memberOf), 93)]), 92)], context())[0].get()
    let revisedActor = try await fixture.store.reviseActor(id: actor.id, expectedVersion: 1, context()) { current in
      var next = current
      next.aliases = ["España"]
      return ActorRevision(actor: next, summary: "alias")
    }
    #expect(revisedActor.unknownFields.numbers == [92] && revisedActor.affiliations[0].unknownFields.numbers == [93])
  }

  @Test("a batch stores each item on its own: one failure loses only that item", arguments: StoreFactory.all)
  func batches(_ factory: StoreFactory) async throws {
    let fixture = try await Fixture.make(factory)
    let results = try await fixture.store.insertArticles([
      Fixture.article("https://news.example/a"), Fixture.article("https://news.example/1"), Fixture.article("https://news.example/a"),
      Fixture.article("https://news.example/b"),
    ], context())
    #expect(results.map { (try? $0.get()) != nil } == [true, false, false, true])
    if case .failure(let error) = results[1] {
      #expect(error.code == .alreadyExists && error.details?.existingID == fixture.article.id)
    }
    var broken = fixture.pledge()
    broken.parties[0].actorID = 404
    let pledges = try await fixture.store.insertPledges([fixture.pledge("one"), broken, fixture.pledge("three")], context())
    #expect(pledges.map { (try? $0.get()) != nil } == [true, false, true])
    if case .failure(let error) = pledges[1] {
      #expect(error.code == .notFound)
    }
    #expect(try await fixture.store.listPledges(PledgeQuery()).map(\.action) == ["three", "one"])
    #expect(try await fixture.store.integrityCheck() == ["ok"])
  }

  @Test("the same content under another URL is stored with a warning naming the first", arguments: StoreFactory.all)
  func sameContent(_ factory: StoreFactory) async throws {
    let fixture = try await Fixture.make(factory)
    let twin = try await fixture.store.insertArticles([Fixture.article("https://mirror.example/1", hash: fixture.article.contentHash)], context())[0].get()
    #expect(twin.warnings.map(\.reason) == ["SAME_CONTENT"] && twin.warnings[0].relatedID == fixture.article.id)
    #expect(try await fixture.store.article(id: twin.id)?.warnings.isEmpty == true)
    #expect(fixture.article.warnings.isEmpty)
  }

  @Test("record states tell live records from tombstones and absent ones", arguments: StoreFactory.all)
  func states(_ factory: StoreFactory) async throws {
    let fixture = try await Fixture.make(factory)
    let a = try await fixture.insert(fixture.pledge())
    let b = try await fixture.insert(fixture.pledge())
    _ = try await fixture.store.mergePledges(survivorID: a.id, duplicateID: b.id, survivorVersion: nil, duplicateVersion: nil, context())
    #expect(try await fixture.store.pledgeStates([a.id, b.id, 404]) == [a.id: .live, b.id: .merged(into: a.id)])
    _ = try await fixture.store.mergeActors(survivorID: fixture.maker.id, duplicateID: fixture.other.id, survivorVersion: nil, duplicateVersion: nil, context())
    #expect(try await fixture.store.actorStates([fixture.maker.id, fixture.other.id, 404]) == [fixture.maker.id: .live, fixture.other.id: .merged(into: fixture.maker.id)])
  }
}

/// `message` with field `number` (a string) appended to its encoding, decoded again: what a newer schema wrote.
func extended<M: ProtobufMessage>(_ message: M, _ number: UInt32) throws -> M {
  var bytes = message.serializedBytes()
  for byte in [UInt8(truncatingIfNeeded: number << 3 | 2) | (number >= 16 ? 0x80 : 0)] + (number >= 16 ? [UInt8(number >> 4)] : []) {
    bytes.append(byte)
  }
  bytes += [5] + Array("extra".utf8)
  return try M(serializedBytes: bytes)
}
