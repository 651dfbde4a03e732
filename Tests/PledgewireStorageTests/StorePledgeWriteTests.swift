import PledgewireStorage
import PledgewireWire
import Testing

@Suite("Store contract: pledge writes")
struct StorePledgeWriteTests {
  @Test("a revision sees the pledge inside the transaction; versions, tombstones and absent pledges are refused", arguments: StoreFactory.all)
  func revise(_ factory: StoreFactory) async throws {
    let fixture = try await Fixture.make(factory)
    let store = fixture.store
    var draft = fixture.pledge()
    draft.condition = Condition(text: "if a deal is reached", state: .pending)
    let pledge = try await fixture.insert(draft)
    let event = try await store.revisePledge(id: pledge.id, expectedVersion: 1, kind: .evidenceAdded, context(1_760_000_000_000)) { current in
      var next = current
      let evidence = Evidence(id: -1, articleID: fixture.article.id, quote: "Paris promised troops", range: TextRange(start: 35, end: 56), stance: .optsOut, partyActorID: fixture.maker.id)
      next.evidence.append(evidence)
      next.parties[0].optedOut = true
      next.parties[0].optOutEvidenceID = -1
      next.condition?.state = .met
      next.condition?.evidenceID = -1
      next.status = .inProgress
      next.history.append(StatusChange(fromStatus: .announced, toStatus: .inProgress, atMs: 1_759_000_000_000, evidence: evidence))
      // What the store owns is not the revision's to set.
      next.version = 99
      next.createdAtMs = 1
      next.mergedIntoID = 5
      return PledgeRevision(pledge: next, summary: "opt-out")
    }
    let revised = try #require(event.pledge)
    let added = try #require(revised.evidence.last)
    #expect(event.kind == .evidenceAdded && event.sequence > 0 && event.atMs == 1_760_000_000_000)
    #expect(revised.version == 2 && revised.createdAtMs == pledge.createdAtMs && revised.updatedAtMs == 1_760_000_000_000 && revised.mergedIntoID == 0)
    #expect(added.id > pledge.evidence[0].id && added.addedAtMs == 1_760_000_000_000 && added.addedBy == "tester")
    #expect(revised.parties[0].optOutEvidenceID == added.id && revised.condition?.evidenceID == added.id)
    #expect(revised.history.last?.evidence?.id == added.id && revised.history.last?.recordedAtMs == 1_760_000_000_000)
    #expect(try await store.pledge(id: pledge.id) == revised)
    let audit = try await store.listAuditEntries(AuditQuery(recordType: .pledge, recordID: pledge.id))
    #expect(audit.map(\.summary) == ["created: pay", "opt-out"] && audit.last?.versionBefore == 1 && audit.last?.versionAfter == 2)

    let noChange: @Sendable (Pledge) throws -> PledgeRevision = { PledgeRevision(pledge: $0, summary: "none") }
    #expect(await storeError { _ = try await store.revisePledge(id: pledge.id, expectedVersion: 1, kind: .updated, context(), noChange) }?.code == .aborted)
    #expect(await storeError { _ = try await store.revisePledge(id: 404, expectedVersion: nil, kind: .updated, context(), noChange) }?.code == .notFound)
    // A revision that throws changes nothing.
    let refused = await storeError {
      _ = try await store.revisePledge(id: pledge.id, expectedVersion: nil, kind: .updated, context()) { current in
        var next = current
        next.action = "never stored"
        _ = next
        throw RPCError.invalidArgument(field: "x", "no")
      }
    }
    #expect(refused?.code == .invalidArgument)
    // Recorded evidence is not removed by a revision.
    let removal = await storeError {
      _ = try await store.revisePledge(id: pledge.id, expectedVersion: nil, kind: .updated, context()) { current in
        var next = current
        next.evidence.removeLast()
        return PledgeRevision(pledge: next, summary: "drop")
      }
    }
    #expect(removal?.code == .internal)
    #expect(try await store.pledge(id: pledge.id) == revised)
    #expect(try await store.latestEventSequence() == event.sequence)
    #expect(try await store.integrityCheck() == ["ok"])
  }

  @Test("concurrent revisions without an expected version all land, one after the other", arguments: StoreFactory.all)
  func concurrentRevisions(_ factory: StoreFactory) async throws {
    let fixture = try await Fixture.make(factory)
    let pledge = try await fixture.insert(fixture.pledge())
    try await withThrowingTaskGroup(of: Void.self) { group in
      for index in 0..<20 {
        group.addTask {
          _ = try await fixture.store.revisePledge(id: pledge.id, expectedVersion: nil, kind: .updated, context()) { current in
            var next = current
            next.labels.append("l\(index)")
            return PledgeRevision(pledge: next, summary: "label \(index)")
          }
        }
      }
      try await group.waitForAll()
    }
    let final = try #require(try await fixture.store.pledge(id: pledge.id))
    #expect(final.version == 21 && Set(final.labels) == Set((0..<20).map { "l\($0)" }))
    #expect(try await fixture.store.integrityCheck() == ["ok"])
  }

  @Test("links name live pledges and never form a cycle", arguments: StoreFactory.all)
  func links(_ factory: StoreFactory) async throws {
    let fixture = try await Fixture.make(factory)
    let store = fixture.store
    let a = try await fixture.insert(fixture.pledge("a"))
    var bDraft = fixture.pledge("b")
    bDraft.partOfID = a.id
    let b = try await fixture.insert(bDraft)
    var missing = fixture.pledge("c")
    missing.supersedesID = 404
    let error = await storeError { _ = try await fixture.insert(missing) }
    #expect(error?.code == .notFound && error?.details?.fieldViolations.first?.field == "pledge.supersedes_id")
    func link(_ id: Int64, partOf: Int64) async -> RPCError? {
      await storeError {
        _ = try await store.revisePledge(id: id, expectedVersion: nil, kind: .updated, context()) { current in
          var next = current
          next.partOfID = partOf
          return PledgeRevision(pledge: next, summary: "link")
        }
      }
    }
    #expect(await link(a.id, partOf: b.id)?.details?.reason == "LINK_CYCLE")
    #expect(await link(a.id, partOf: a.id)?.details?.fieldViolations.first?.field == "pledge.part_of_id")
    let c = try await fixture.insert(fixture.pledge("c"))
    _ = try await store.mergePledges(survivorID: a.id, duplicateID: c.id, survivorVersion: nil, duplicateVersion: nil, context())
    let toTombstone = await link(b.id, partOf: c.id)
    #expect(toTombstone?.code == .failedPrecondition && toTombstone?.details?.reason == "MERGED" && toTombstone?.details?.existingID == a.id)
    #expect(try await store.listPledges(PledgeQuery(partOfID: a.id)).map(\.id) == [b.id])
    #expect(try await store.integrityCheck() == ["ok"])
  }

  @Test("merge: evidence, history, parties and labels join the survivor; links, tombstones and events follow", arguments: StoreFactory.all)
  func merge(_ factory: StoreFactory) async throws {
    let fixture = try await Fixture.make(factory)
    let store = fixture.store
    var survivorDraft = fixture.pledge("survivor")
    survivorDraft.labels = ["s"]
    let survivor = try await fixture.insert(survivorDraft)
    var duplicateDraft = fixture.pledge("duplicate", quote: TextRange(start: 35, end: 56))
    duplicateDraft.evidence.append(Evidence(id: -2, articleID: fixture.article.id, quote: "London pledged 1.5 billion pounds", range: TextRange(start: 0, end: 33), stance: .reports))
    duplicateDraft.parties.append(PledgeParty(actorID: fixture.other.id, role: .announcer))
    duplicateDraft.labels = ["d"]
    let duplicate = try await fixture.insert(duplicateDraft)
    let older = try await fixture.insert(fixture.pledge("older"))
    _ = try await store.mergePledges(survivorID: duplicate.id, duplicateID: older.id, survivorVersion: nil, duplicateVersion: nil, context())
    var pointDraft = fixture.pledge("point")
    pointDraft.partOfID = duplicate.id
    let point = try await fixture.insert(pointDraft)
    let before = try await store.latestEventSequence()

    let merge = try await store.mergePledges(survivorID: survivor.id, duplicateID: duplicate.id, survivorVersion: 1, duplicateVersion: 2, context(1_760_000_000_000))
    #expect(merge.survivor.evidence.map(\.quote) == ["London pledged 1.5 billion pounds", "Paris promised troops"])
    #expect(merge.survivor.parties.map(\.role) == [.maker, .beneficiary, .announcer])
    #expect(merge.survivor.labels == ["s", "d"])
    #expect(Set(merge.survivor.mergedIDs) == [duplicate.id, older.id])
    #expect(merge.survivor.history.count == 3)
    #expect(merge.events.map(\.kind) == [.updated, .merged, .updated])
    #expect(merge.events.map { $0.pledge?.id } == [survivor.id, duplicate.id, point.id])
    #expect(merge.events.map(\.sequence) == Array(before + 1...before + 3))
    #expect(try await store.pledge(id: point.id)?.partOfID == survivor.id)
    #expect(try await store.pledge(id: older.id)?.mergedIntoID == survivor.id)
    let tombstone = try #require(try await store.pledge(id: duplicate.id))
    #expect(tombstone.mergedIntoID == survivor.id && tombstone.evidence.isEmpty && tombstone.history.isEmpty)
    #expect(try await store.listPledges(PledgeQuery()).map(\.id).sorted() == [survivor.id, point.id])
    // An entry per record the merge changed.
    let audited = try await store.listAuditEntries(AuditQuery(after: 1_760_000_000_000))
    #expect(Set(audited.map(\.recordID)) == [survivor.id, duplicate.id, point.id])
    #expect(try await store.integrityCheck() == ["ok"])
  }

  @Test("delete refuses a pledge others link to, takes its tombstones along, and logs DELETED events", arguments: StoreFactory.all)
  func delete(_ factory: StoreFactory) async throws {
    let fixture = try await Fixture.make(factory)
    let store = fixture.store
    let plan = try await fixture.insert(fixture.pledge("plan"))
    var pointDraft = fixture.pledge("point")
    pointDraft.supersedesID = plan.id
    let point = try await fixture.insert(pointDraft)
    let copy = try await fixture.insert(fixture.pledge("copy"))
    _ = try await store.mergePledges(survivorID: plan.id, duplicateID: copy.id, survivorVersion: nil, duplicateVersion: nil, context())
    #expect(await storeError { _ = try await store.deletePledge(id: plan.id, expectedVersion: nil, context()) }?.details?.reason == "PLEDGE_REFERENCED")
    #expect(await storeError { _ = try await store.deletePledge(id: point.id, expectedVersion: 3, context()) }?.code == .aborted)
    _ = try await store.deletePledge(id: point.id, expectedVersion: 1, context())
    let events = try await store.deletePledge(id: plan.id, expectedVersion: nil, context())
    #expect(events.map(\.kind) == [.deleted, .deleted] && events.map { $0.pledge?.id } == [plan.id, copy.id])
    #expect(events[0].pledge?.evidence.isEmpty == false)
    #expect(try await store.pledge(id: copy.id) == nil)
    #expect(try await store.pledge(id: plan.id) == nil)
    let audit = try await store.listAuditEntries(AuditQuery(recordType: .pledge, recordID: copy.id))
    #expect(audit.last?.versionAfter == 0)
    #expect(try await store.integrityCheck() == ["ok"])
  }

  @Test("deleting a cited article is refused, unless forced: the evidence goes, history notes it, the pledge gets a new version", arguments: StoreFactory.all)
  func deleteCitedArticle(_ factory: StoreFactory) async throws {
    let fixture = try await Fixture.make(factory)
    let store = fixture.store
    let other = try await store.insertArticles([Fixture.article("https://news.example/other", body: "Another quote here.")], context())[0].get()
    var draft = fixture.pledge()
    let quote = Evidence(id: -2, articleID: other.id, quote: "Another quote", range: TextRange(start: 0, end: 13), stance: .progress)
    draft.evidence.append(quote)
    draft.status = .inProgress
    draft.history.append(StatusChange(fromStatus: .announced, toStatus: .inProgress, atMs: 1_741_000_000_000, evidence: quote, note: "began"))
    let pledge = try await fixture.insert(draft)
    #expect(await storeError { _ = try await store.deleteArticle(id: other.id, force: false, context()) }?.details?.reason == "ARTICLE_CITED")
    let deletion = try await store.deleteArticle(id: other.id, force: true, context())
    #expect(deletion.evidenceDeleted == 1 && deletion.events.map(\.kind) == [.updated])
    let after = try #require(try await store.pledge(id: pledge.id))
    #expect(after.version == 2 && after.evidence.count == 1)
    #expect(after.history.last?.evidence == nil && after.history.last?.note == "began (evidence removed with article \(other.id))")
    #expect(await storeError { _ = try await store.deleteArticle(id: other.id, force: true, context()) }?.code == .notFound)
    #expect(try await store.integrityCheck() == ["ok"])
  }
}
