import PledgewireStorage
import PledgewireWire
import Testing

@Suite("Store contract: actor writes")
struct StoreActorWriteTests {
  @Test("a revision replaces names, affiliations and labels; the cache and Resolve follow", arguments: StoreFactory.all)
  func revise(_ factory: StoreFactory) async throws {
    let fixture = try await Fixture.make(factory)
    let store = fixture.store
    let revised = try await store.reviseActor(id: fixture.maker.id, expectedVersion: 1, context(1_760_000_000_000)) { current in
      var next = current
      next.canonicalName = "Britain"
      next.aliases = ["UK", "United Kingdom"]
      next.affiliations = [Affiliation(actorID: fixture.other.id, kind: .memberOf)]
      next.labels = ["europe"]
      next.version = 50
      return ActorRevision(actor: next, summary: "renamed")
    }
    #expect(revised.version == 2 && revised.updatedAtMs == 1_760_000_000_000 && revised.createdAtMs == fixture.maker.createdAtMs)
    #expect(try await store.actor(id: fixture.maker.id) == revised)
    if let cached = store.cachedActor(id: fixture.maker.id) {
      #expect(cached == revised)
    }
    #expect(try await store.resolveActors("Britain", kind: nil, limit: 5).first?.actor?.id == fixture.maker.id)
    #expect(try await store.listActors(ActorQuery(label: "europe")).map(\.id) == [fixture.maker.id])
    #expect(try await store.listActors(ActorQuery(namePrefix: "brit")).map(\.id) == [fixture.maker.id])
    #expect(await storeError { _ = try await store.reviseActor(id: fixture.maker.id, expectedVersion: 1, context()) { ActorRevision(actor: $0, summary: "") } }?.code == .aborted)
    #expect(await storeError { _ = try await store.reviseActor(id: 404, expectedVersion: nil, context()) { ActorRevision(actor: $0, summary: "") } }?.code == .notFound)
    #expect(try await store.listAuditEntries(AuditQuery(recordType: .actor, recordID: fixture.maker.id)).map(\.summary) == ["created: United Kingdom", "renamed"])
  }

  @Test("merge moves every reference to the survivor and leaves a tombstone; the cache holds both new versions", arguments: StoreFactory.all)
  func merge(_ factory: StoreFactory) async throws {
    let fixture = try await Fixture.make(factory)
    let store = fixture.store
    let duplicate = try await store.insertActors([Actor(kind: .country, canonicalName: "Great Britain", aliases: ["GB", "uk"], labels: ["dup"])], context())[0].get()
    let official = try await store.insertActors([Actor(kind: .person, canonicalName: "Keir Starmer", affiliations: [Affiliation(actorID: duplicate.id, kind: .officialOf)])], context())[0].get()
    var article = Fixture.article("https://news.example/gb", body: "Great Britain will pay.")
    article.mentions = [ActorMention(actorID: duplicate.id, range: TextRange(start: 0, end: 13), surfaceText: "Great Britain")]
    let mentioning = try await store.insertArticles([article], context())[0].get()
    var draft = fixture.pledge()
    draft.parties = [PledgeParty(actorID: duplicate.id, role: .maker), PledgeParty(actorID: fixture.maker.id, role: .maker)]
    draft.evidence[0].partyActorID = duplicate.id
    draft.history[0].evidence?.partyActorID = duplicate.id
    let pledge = try await fixture.insert(draft)
    _ = try await store.actor(id: duplicate.id)

    let merge = try await store.mergeActors(survivorID: fixture.maker.id, duplicateID: duplicate.id, survivorVersion: 1, duplicateVersion: 1, context())
    #expect(merge.survivor.aliases == ["UK", "Great Britain", "GB"])
    #expect(merge.survivor.labels == ["dup"] && merge.survivor.mergedIDs == [duplicate.id] && merge.survivor.version == 2)
    #expect(merge.duplicate.mergedIntoID == fixture.maker.id && merge.duplicate.aliases.isEmpty && merge.duplicate.version == 2)
    #expect(merge.events.map { $0.pledge?.id } == [pledge.id] && merge.events[0].pledge?.version == 2)
    let moved = try #require(try await store.pledge(id: pledge.id))
    #expect(moved.parties.map(\.actorID) == [fixture.maker.id] && moved.evidence[0].partyActorID == fixture.maker.id)
    #expect(try await store.article(id: mentioning.id)?.mentions.map(\.actorID) == [fixture.maker.id])
    #expect(try await store.actor(id: official.id)?.affiliations.map(\.actorID) == [fixture.maker.id])
    #expect(try await store.actor(id: duplicate.id) == merge.duplicate)
    if let cached = store.cachedActor(id: duplicate.id) {
      #expect(cached == merge.duplicate)
    }
    #expect(try await store.resolveActors("GB", kind: nil, limit: 5).map { $0.actor?.id } == [fixture.maker.id])
    #expect(!(try await store.listActors(ActorQuery()).map(\.id).contains(duplicate.id)))
    #expect(try await store.listArticles(ArticleQuery(mentionsActorID: fixture.maker.id)).map(\.id) == [mentioning.id])
    #expect(await storeError { _ = try await store.mergeActors(survivorID: duplicate.id, duplicateID: official.id, survivorVersion: nil, duplicateVersion: nil, context()) }?.details?.reason == "MERGED")
    #expect(try await store.integrityCheck() == ["ok"])
  }

  @Test("delete refuses an actor anything refers to; a deleted actor leaves the cache for good", arguments: StoreFactory.all)
  func delete(_ factory: StoreFactory) async throws {
    let fixture = try await Fixture.make(factory)
    let store = fixture.store
    _ = try await fixture.insert(fixture.pledge())
    let refused = await storeError { try await store.deleteActor(id: fixture.maker.id, expectedVersion: nil, context()) }
    #expect(refused?.code == .failedPrecondition && refused?.details?.reason == "ACTOR_REFERENCED")
    let spare = try await store.insertActors([Actor(kind: .group, canonicalName: "Spare")], context())[0].get()
    let copy = try await store.insertActors([Actor(kind: .group, canonicalName: "Spare copy")], context())[0].get()
    _ = try await store.mergeActors(survivorID: spare.id, duplicateID: copy.id, survivorVersion: nil, duplicateVersion: nil, context())
    _ = try await store.actor(id: spare.id)
    #expect(await storeError { try await store.deleteActor(id: spare.id, expectedVersion: 1, context()) }?.code == .aborted)
    try await store.deleteActor(id: spare.id, expectedVersion: 2, context())
    #expect(store.cachedActor(id: spare.id) == nil)
    #expect(try await store.actor(id: spare.id) == nil)
    #expect(try await store.actor(id: copy.id) == nil)
    #expect(await storeError { try await store.deleteActor(id: spare.id, expectedVersion: nil, context()) }?.code == .notFound)
    let audit = try await store.listAuditEntries(AuditQuery(recordType: .actor, recordID: copy.id))
    #expect(audit.last?.versionAfter == 0)
  }
}
