import PledgewireClient
import PledgewireDomain
import Testing

@Suite("AuditService over TCP")
struct AuditTests {
  @Test("every write leaves an entry per record: who, when, which call, versions before and after")
  func entries() async throws {
    let clock = TestClock(1_750_000_000_000)
    try await withDomainServer(now: clock.now) { client, _ in
      let world = try await World.make(client)
      let pledge = try await client.pledge.createPledge(CreatePledgeRequest(pledge: world.pledge()))
      clock.advance(1_000)
      _ = try await client.pledge.updatePledgeStatus(UpdatePledgeStatusRequest(pledgeID: pledge.id, status: .inProgress))
      clock.advance(1_000)
      let duplicate = try await client.pledge.createPledge(CreatePledgeRequest(pledge: world.pledge()))
      _ = try await client.pledge.mergePledges(MergePledgesRequest(survivorID: pledge.id, duplicateID: duplicate.id))

      let entries = try await client.audit.listAuditEntries(ListAuditEntriesRequest(recordType: .pledge, recordID: pledge.id)).entries
      #expect(entries.map(\.method) == [
        "/pledgewire.v1.PledgeService/CreatePledge", "/pledgewire.v1.PledgeService/UpdatePledgeStatus", "/pledgewire.v1.PledgeService/MergePledges",
      ])
      #expect(entries.map(\.versionBefore) == [0, 1, 2] && entries.map(\.versionAfter) == [1, 2, 3])
      #expect(entries.map(\.atMs) == [1_750_000_000_000, 1_750_000_001_000, 1_750_000_002_000])
      #expect(entries.allSatisfy { $0.principal == "anonymous" && $0.peer.hasPrefix("127.0.0.1:") && $0.recordType == .pledge })
      #expect(entries[1].summary == "status ANNOUNCED -> IN_PROGRESS")
      #expect(entries.map(\.sequence) == entries.map(\.sequence).sorted())
      // The merge wrote an entry for the duplicate too.
      let merged = try await client.audit.listAuditEntries(ListAuditEntriesRequest(recordType: .pledge, recordID: duplicate.id)).entries
      #expect(merged.map(\.summary).last == "merged into pledge \(pledge.id)")
      // Actors and articles have theirs.
      #expect(try await client.audit.listAuditEntries(ListAuditEntriesRequest(recordType: .article, recordID: world.article.id)).entries.map(\.versionAfter) == [1])
      #expect(try await client.audit.listAuditEntries(ListAuditEntriesRequest(recordType: .actor)).entries.count == 2)
      // Time and principal filters.
      let late = try await client.audit.listAuditEntries(ListAuditEntriesRequest(afterMs: 1_750_000_001_000)).entries
      #expect(late.count == 4 && late.allSatisfy { $0.atMs >= 1_750_000_001_000 })
      #expect(try await client.audit.listAuditEntries(ListAuditEntriesRequest(principal: "someone else")).entries.isEmpty)
    }
  }

  @Test("audit pages are oldest first, cover every entry once, and the request is checked")
  func paging() async throws {
    try await withDomainServer { client, _ in
      _ = try await client.actor.importActors((0..<25).map { CreateActorRequest(actor: validActor("Actor \($0)")) })
      var seen: [Int64] = []
      var token = ""
      repeat {
        let page = try await client.audit.listAuditEntries(ListAuditEntriesRequest(pageSize: 10, pageToken: token))
        seen += page.entries.map(\.sequence)
        token = page.nextPageToken
      } while !token.isEmpty
      #expect(seen.count == 25 && seen == seen.sorted() && Set(seen).count == 25)
      let errors: [(ListAuditEntriesRequest, String)] = [
        (ListAuditEntriesRequest(recordID: 3), "record_type"),
        (ListAuditEntriesRequest(recordType: .unrecognized(40)), "record_type"),
        (ListAuditEntriesRequest(afterMs: 10, beforeMs: 5), "before_ms"),
        (ListAuditEntriesRequest(pageSize: 1_001), "page_size"),
      ]
      for (request, field) in errors {
        #expect(await rpcError { _ = try await client.audit.listAuditEntries(request) }?.details?.fieldViolations.first?.field == field)
      }
      let token1 = try await client.audit.listAuditEntries(ListAuditEntriesRequest(pageSize: 10)).nextPageToken
      #expect(await rpcError { _ = try await client.audit.listAuditEntries(ListAuditEntriesRequest(principal: "x", pageSize: 10, pageToken: token1)) }?.details?.fieldViolations.first?.field == "page_token")
    }
  }
}
