import PledgewireStorage
import PledgewireWire
import Testing

@Suite("Store contract: queries")
struct StoreQueryTests {
  @Test("pledge queries: every filter, newest first, keyset pages, tombstones never", arguments: StoreFactory.all)
  func pledges(_ factory: StoreFactory) async throws {
    let fixture = try await Fixture.make(factory)
    let store = fixture.store
    var a = fixture.pledge("a", madeAt: 1_000_000)
    a.labels = ["x"]
    a.dueAtMs = 1_767_225_600_000
    a.duePrecision = .year
    let storedA = try await fixture.insert(a)
    var b = fixture.pledge("b", madeAt: 2_000_000)
    b.parties = [PledgeParty(actorID: fixture.other.id, role: .maker), PledgeParty(actorID: fixture.maker.id, role: .announcer)]
    b.category = .sanctions
    b.condition = Condition(text: "if", state: .pending)
    b.partOfID = storedA.id
    b.dueAtMs = 1_769_904_000_000
    b.duePrecision = .unspecified
    let storedB = try await fixture.insert(b)
    var c = fixture.pledge("c", madeAt: 3_000_000)
    c.status = .stalled
    let storedC = try await fixture.insert(c)
    let tombstone = try await fixture.insert(fixture.pledge("d", madeAt: 4_000_000))
    _ = try await store.mergePledges(survivorID: storedC.id, duplicateID: tombstone.id, survivorVersion: nil, duplicateVersion: nil, context())

    func actions(_ query: PledgeQuery) async throws -> [String] {
      try await store.listPledges(query).map(\.action)
    }
    #expect(try await actions(PledgeQuery()) == ["c", "b", "a"])
    #expect(try await actions(PledgeQuery(actorIDs: [fixture.maker.id])) == ["c", "b", "a"])
    #expect(try await actions(PledgeQuery(actorIDs: [fixture.maker.id], makersOnly: true)) == ["c", "a"])
    #expect(try await actions(PledgeQuery(beneficiaryID: fixture.other.id)) == ["c", "a"])
    #expect(try await actions(PledgeQuery(categories: [.sanctions])) == ["b"])
    #expect(try await actions(PledgeQuery(statuses: [.stalled, .fulfilled])) == ["c"])
    #expect(try await actions(PledgeQuery(madeAfter: 2_000_000, madeBefore: 3_000_000)) == ["b"])
    #expect(try await actions(PledgeQuery(articleID: fixture.article.id)) == ["c", "b", "a"])
    #expect(try await actions(PledgeQuery(conditional: true)) == ["b"])
    #expect(try await actions(PledgeQuery(conditional: false)) == ["c", "a"])
    #expect(try await actions(PledgeQuery(partOfID: storedA.id)) == ["b"])
    // "By 2026" falls due at the start of 2027; an exact deadline just after it.
    #expect(try await actions(PledgeQuery(dueBefore: 1_798_761_600_000)) == ["b", "a"])
    #expect(try await actions(PledgeQuery(dueBefore: 1_769_904_000_001)) == ["b"])
    #expect(try await actions(PledgeQuery(dueBefore: 1_769_904_000_000)).isEmpty)
    #expect(try await actions(PledgeQuery(label: "x")) == ["a"])
    #expect(try await actions(PledgeQuery(after: TimeCursor(at: storedC.madeAtMs, id: storedC.id), limit: 1)) == ["b"])
    #expect(try await actions(PledgeQuery(limit: 2)) == ["c", "b"])
    _ = storedB
    #expect(try await store.integrityCheck() == ["ok"])
  }

  @Test("actor and article queries: kind, name prefix, label, mentions, time, outlet; tombstones never", arguments: StoreFactory.all)
  func actorsAndArticles(_ factory: StoreFactory) async throws {
    let fixture = try await Fixture.make(factory)
    let store = fixture.store
    let labelled = try await store.insertActors([Actor(kind: .person, canonicalName: "Émile Zola", aliases: ["Zola"], labels: ["writer"])], context())[0].get()
    let gone = try await store.insertActors([Actor(kind: .person, canonicalName: "Zola copy")], context())[0].get()
    _ = try await store.mergeActors(survivorID: labelled.id, duplicateID: gone.id, survivorVersion: nil, duplicateVersion: nil, context())
    #expect(try await store.listActors(ActorQuery()).map(\.canonicalName) == ["Émile Zola", "France", "United Kingdom"])
    #expect(try await store.listActors(ActorQuery(kind: .country)).map(\.id) == [fixture.other.id, fixture.maker.id])
    #expect(try await store.listActors(ActorQuery(namePrefix: "zol")).map(\.id) == [labelled.id])
    #expect(try await store.listActors(ActorQuery(label: "writer")).map(\.id) == [labelled.id])
    #expect(try await store.listActors(ActorQuery(after: ActorCursor(sortName: "france", id: fixture.other.id))).map(\.id) == [fixture.maker.id])

    var later = Fixture.article("https://news.example/later", body: "Zola wrote.")
    later.publishedAtMs = 1_741_000_000_000
    later.outlet = "Other"
    later.labels = ["books"]
    later.mentions = [ActorMention(actorID: labelled.id, range: TextRange(start: 0, end: 4), surfaceText: "Zola")]
    let stored = try await store.insertArticles([later], context())[0].get()
    #expect(try await store.listArticles(ArticleQuery()).map(\.id) == [stored.id, fixture.article.id])
    #expect(try await store.listArticles(ArticleQuery()).allSatisfy { $0.body.isEmpty && $0.mentions.isEmpty })
    #expect(try await store.listArticles(ArticleQuery(includeBody: true)).first == stored)
    #expect(try await store.listArticles(ArticleQuery(outlet: "Other")).map(\.id) == [stored.id])
    #expect(try await store.listArticles(ArticleQuery(publishedBefore: 1_741_000_000_000)).map(\.id) == [fixture.article.id])
    #expect(try await store.listArticles(ArticleQuery(mentionsActorID: labelled.id)).map(\.id) == [stored.id])
    #expect(try await store.listArticles(ArticleQuery(label: "books")).map(\.id) == [stored.id])
    #expect(try await store.articleBodies(ids: [stored.id, 404]) == [stored.id: "Zola wrote."])
  }

  @Test("a page of full articles ends at its budget of body bytes (UTF-8), at least one article long", arguments: StoreFactory.all)
  func articlePageBytes(_ factory: StoreFactory) async throws {
    let fixture = try await Fixture.make(factory)
    let store = fixture.store
    // Three bodies of 200 characters and 400 bytes each, newest last.
    var ids: [Int64] = []
    for index in 0..<3 {
      var article = Fixture.article("https://news.example/big-\(index)", body: String(repeating: "é", count: 200))
      article.outlet = "Big"
      article.publishedAtMs = 1_741_000_000_000 + Int64(index)
      ids.append(try await store.insertArticles([article], context())[0].get().id)
    }
    func page(_ maxBodyBytes: Int?) async throws -> [Int64] {
      try await store.listArticles(ArticleQuery(outlet: "Big", includeBody: true, maxBodyBytes: maxBodyBytes)).map(\.id)
    }
    // Rows are taken while the bodies before them hold fewer bytes than the budget: counted in characters, 401
    // would take all three.
    #expect(try await page(401) == [ids[2], ids[1]])
    #expect(try await page(400) == [ids[2]])
    #expect(try await page(1) == [ids[2]])
    #expect(try await page(801) == [ids[2], ids[1], ids[0]])
    #expect(try await page(nil) == [ids[2], ids[1], ids[0]])
    #expect(try await store.listArticles(ArticleQuery(outlet: "Big", includeBody: true, limit: 1, maxBodyBytes: 10_000)).map(\.id) == [ids[2]])
  }

  @Test("audit entries: one per record written, oldest first, filtered by record, principal, time and position", arguments: StoreFactory.all)
  func audit(_ factory: StoreFactory) async throws {
    let fixture = try await Fixture.make(factory)
    let store = fixture.store
    _ = try await store.insertActors([Actor(kind: .group, canonicalName: "G")], context(1_760_000_000_000, principal: "alice", method: "/x/CreateActor"))
    let all = try await store.listAuditEntries(AuditQuery(limit: 100))
    #expect(all.map(\.recordType) == [.actor, .actor, .article, .actor])
    #expect(all.map(\.sequence) == all.map(\.sequence).sorted() && Set(all.map(\.sequence)).count == 4)
    let alice = try await store.listAuditEntries(AuditQuery(principal: "alice"))
    #expect(alice.count == 1 && alice[0].method == "/x/CreateActor" && alice[0].atMs == 1_760_000_000_000 && alice[0].peer == "127.0.0.1:1")
    #expect(alice[0].versionBefore == 0 && alice[0].versionAfter == 1 && alice[0].summary == "created: G")
    #expect(try await store.listAuditEntries(AuditQuery(after: 1_760_000_000_000)).count == 1)
    #expect(try await store.listAuditEntries(AuditQuery(before: 1_760_000_000_000)).count == 3)
    #expect(try await store.listAuditEntries(AuditQuery(recordType: .article)).map(\.recordID) == [fixture.article.id])
    #expect(try await store.listAuditEntries(AuditQuery(afterSequence: all[1].sequence, limit: 1)).map(\.sequence) == [all[2].sequence])
  }

  @Test("the event log replays every change in order", arguments: StoreFactory.all)
  func events(_ factory: StoreFactory) async throws {
    let fixture = try await Fixture.make(factory)
    let store = fixture.store
    #expect(try await store.latestEventSequence() == 0)
    let pledge = try await fixture.insert(fixture.pledge())
    _ = try await store.revisePledge(id: pledge.id, expectedVersion: nil, kind: .updated, context()) { current in
      var next = current
      next.note = "n"
      return PledgeRevision(pledge: next, summary: "note")
    }
    let events = try await store.pledgeEvents(after: 0, limit: 10)
    #expect(events.map(\.kind) == [.created, .updated] && events.map(\.sequence) == [1, 2])
    #expect(events[1].pledge?.note == "n" && events[0].pledge?.note == "")
    #expect(try await store.pledgeEvents(after: 1, limit: 10).map(\.sequence) == [2])
    #expect(try await store.latestEventSequence() == 2)
    #expect(try await store.isEmpty() == false)
    #expect(try await factory.make().isEmpty())
  }
}
