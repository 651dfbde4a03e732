import Foundation
import GRDB
@testable import PledgewireStorage
import PledgewireWire
import Testing

/// What only the SQLite store has to prove: databases in the field, created by the v1 schema, open with every record
/// intact; and rows a newer build wrote keep what this build does not know.
@Suite("SQLite store: migration and rows from other builds")
struct SQLiteMigrationTests {
  @Test("a v1 database migrates with every actor, article, pledge, evidence id and event kept, and works afterwards")
  func migrateV1() async throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("pledgewire-migration-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let path = directory.appendingPathComponent("v1.sqlite").path

    // The records as a v1 build stored them: whole protobuf blobs, with narrow index tables.
    let uk = Actor(id: 3, kind: .country, canonicalName: "United Kingdom", aliases: ["UK", "Britain"], countryCode: "GBR", version: 2, createdAtMs: 10, updatedAtMs: 20)
    let starmer = Actor(id: 7, kind: .person, canonicalName: "Keir Starmer", affiliations: [Affiliation(actorID: 3, kind: .officialOf)], version: 1, createdAtMs: 10, updatedAtMs: 10)
    let body = "Britain will send engineers. They arrived in April."
    let article = Article(
      id: 5, canonicalURL: "https://news.example/engineers", title: "Engineers", outlet: "Wire", publishedAtMs: 1_740_000_000_000, body: body,
      contentHash: "sha256:abc", ingestedAtMs: 11, mentions: [ActorMention(actorID: 3, range: TextRange(start: 0, end: 7), surfaceText: "Britain")]
    )
    let announcement = Evidence(id: 12, articleID: 5, quote: "Britain will send engineers.", range: TextRange(start: 0, end: 28), stance: .announces, addedAtMs: 12)
    let progress = Evidence(id: 13, articleID: 5, quote: "They arrived in April.", range: TextRange(start: 29, end: 51), stance: .progress, addedAtMs: 13)
    let pledge = Pledge(
      id: 9, parties: [PledgeParty(actorID: 3, role: .maker), PledgeParty(actorID: 7, role: .announcer)], action: "send engineers",
      category: .militaryAid, modality: .promise, condition: Condition(text: "if asked", state: .pending), amount: Money(amount: "5", currency: "GBP"),
      madeAtMs: 1_740_000_000_000, status: .inProgress, evidence: [announcement, progress],
      history: [
        StatusChange(fromStatus: .unspecified, toStatus: .announced, atMs: 1_740_000_000_000, note: "recorded"),
        StatusChange(fromStatus: .announced, toStatus: .inProgress, atMs: 1_741_000_000_000, evidence: progress, note: "arrived"),
      ],
      version: 2, createdAtMs: 12, updatedAtMs: 13
    )
    do {
      let queue = try DatabaseQueue(path: path)
      try Schema.migrator.migrate(queue, upTo: "v1")
      try await queue.write { db in
        for actor in [uk, starmer] {
          try db.execute(sql: "INSERT INTO actor (id, kind, sort_name, version, data) VALUES (?, ?, ?, ?, ?)",
            arguments: [actor.id, actor.kind.rawValue, NameFolding.fold(actor.canonicalName), actor.version, Data(actor.serializedBytes())])
        }
        try db.execute(sql: "INSERT INTO affiliation (actor_id, related_id, kind) VALUES (7, 3, ?)", arguments: [AffiliationKind.officialOf.rawValue])
        var meta = article
        meta.body = ""
        try db.execute(sql: "INSERT INTO article (id, canonical_url, outlet, published_at, title, body, meta) VALUES (?, ?, ?, ?, ?, ?, ?)",
          arguments: [article.id, article.canonicalURL, article.outlet, article.publishedAtMs, article.title, body, Data(meta.serializedBytes())])
        try db.execute(sql: "INSERT INTO mention (article_id, actor_id) VALUES (5, 3)")
        try db.execute(sql: "INSERT INTO pledge (id, category, status, made_at, conditional, version, data) VALUES (?, ?, ?, ?, 1, ?, ?)",
          arguments: [pledge.id, pledge.category.rawValue, pledge.status.rawValue, pledge.madeAtMs, pledge.version, Data(pledge.serializedBytes())])
        try db.execute(sql: "INSERT INTO party (pledge_id, actor_id, role) VALUES (9, 3, 1), (9, 7, 2)")
        try db.execute(sql: "INSERT INTO evidence (id, pledge_id, article_id) VALUES (12, 9, 5), (13, 9, 5)")
        try db.execute(sql: "INSERT INTO pledge_event (pledge_id, kind, at, data) VALUES (9, ?, 12, ?)",
          arguments: [PledgeEventKind.created.rawValue, Data(pledge.serializedBytes())])
      }
    }

    let store = try SQLiteStore(path: path)
    #expect(try await store.actor(id: 3) == uk)
    #expect(try await store.actor(id: 7) == starmer)
    var migratedArticle = article
    migratedArticle.submittedURL = article.canonicalURL
    #expect(try await store.article(id: 5) == migratedArticle)
    let migrated = try #require(try await store.pledge(id: 9))
    #expect(migrated.evidence.map(\.id) == [12, 13])
    #expect(migrated.history.map { $0.evidence?.id } == [nil, 13])
    var expected = pledge
    expected.history[0].changedBy = ""
    #expect(migrated == expected)
    #expect(try await store.pledgeEvents(after: 0, limit: 10).map { $0.pledge?.id } == [9])
    #expect(try await store.resolveActors("Britain", kind: nil, limit: 3).first?.actor?.id == 3)
    #expect(try await store.searchArticles(ArticleSearchQuery(match: "\"engineers\"")).map(\.articleID) == [5])
    #expect(try await store.listPledges(PledgeQuery(actorIDs: [7])).map(\.id) == [9])
    #expect(try await store.listPledges(PledgeQuery(conditional: true)).map(\.id) == [9])
    #expect(try await store.integrityCheck() == ["ok"])
    // New records get ids after the copied ones.
    let next = try await store.insertActors([Actor(kind: .group, canonicalName: "New")], WriteContext(method: "test", now: 1))[0].get()
    #expect(next.id == 8)
  }

  @Test("a row a newer build wrote keeps the fields this build does not know through a revision")
  func newerBuildsRow() async throws {
    let store = try SQLiteStore(path: ":memory:")
    let writes = WriteContext(method: "test", now: 1_750_000_000_000)
    let actor = try await store.insertActors([Actor(kind: .country, canonicalName: "Spain")], writes)[0].get()
    let article = try await store.insertArticles([Fixture.article("https://news.example/x")], writes)[0].get()
    let pledge = try await store.insertPledges([Pledge(
      parties: [PledgeParty(actorID: actor.id, role: .maker)], action: "act", category: .other, madeAtMs: 1, status: .announced,
      evidence: [Evidence(id: -1, articleID: article.id, quote: "London", range: TextRange(start: 0, end: 6), stance: .announces)]
    )], writes)[0].get().pledge!
    // A newer build wrote field 40, which this build does not know, into the row's blob and the snapshot it
    // rewrote from the rows.
    let newer = try extended(Pledge(amount: Money(amount: "3", currency: "EUR")), 40)
    var snapshot = try extended(pledge, 40)
    snapshot.amount = newer.amount
    try await store.writer.write { [snapshot] db in
      try db.execute(sql: "UPDATE pledge SET extra = ?, snapshot = ? WHERE id = ?", arguments: [Data(newer.serializedBytes()), Data(snapshot.serializedBytes()), pledge.id])
    }
    #expect(try await store.integrityCheck() == ["ok"])
    _ = try await store.revisePledge(id: pledge.id, expectedVersion: nil, kind: .updated, writes) { current in
      var next = current
      next.amount = Money(amount: "4", currency: "EUR")
      next.action = "act now"
      return PledgeRevision(pledge: next, summary: "edit")
    }
    let extra = try await store.writer.read { db in
      try Data.fetchOne(db, sql: "SELECT extra FROM pledge WHERE id = ?", arguments: [pledge.id])
    }
    let kept = try Pledge(serializedBytes: try #require(extra))
    #expect(kept.unknownFields.numbers == [40])
    #expect(kept.amount?.amount == "4")
    #expect(try await store.pledge(id: pledge.id)?.unknownFields.numbers == [40])
    #expect(try await store.integrityCheck() == ["ok"])
  }

  @Test("a snapshot another build wrote in another layout is not used: the pledge is read from its rows")
  func otherSnapshotFormat() async throws {
    let fixture = try await Fixture.make(StoreFactory.all[0])
    let store = try #require(fixture.store as? SQLiteStore)
    let pledge = try await fixture.insert(fixture.pledge())
    var wrong = pledge
    wrong.action = "what another layout said"
    try await store.writer.write { [wrong] db in
      try db.execute(sql: "UPDATE pledge SET snapshot = ?, snapshot_format = ? WHERE id = ?", arguments: [Data(wrong.serializedBytes()), PledgeRows.snapshotFormat + 1, pledge.id])
    }
    #expect(try await store.pledge(id: pledge.id) == pledge)
    #expect(try await store.listPledges(PledgeQuery()) == [pledge])
    // A write brings the snapshot back to this build's layout.
    let revised = try await store.revisePledge(id: pledge.id, expectedVersion: nil, kind: .updated, context()) { current in
      var next = current
      next.note = "n"
      return PledgeRevision(pledge: next, summary: "note")
    }
    let format = try await store.writer.read { db in try Int64.fetchOne(db, sql: "SELECT snapshot_format FROM pledge WHERE id = ?", arguments: [pledge.id]) }
    #expect(format == PledgeRows.snapshotFormat && revised.pledge?.action == pledge.action)
    #expect(try await store.integrityCheck() == ["ok"])
  }
}
