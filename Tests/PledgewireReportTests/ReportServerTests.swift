import Foundation
import PledgewireClient
@testable import PledgewireReport
import PledgewireTestSupport
import Testing

/// Reports loaded from the real server (started on an ephemeral loopback port with the sample data) through the
/// real client. Expectations come from the server's own answers, not from the sample's contents.
@Suite("Reports from a real server with the sample data", .serialized)
struct ReportServerTests {
  static let options = CallOptions(timeout: .seconds(10))
  static var now: Int64 { Int64(Date().timeIntervalSince1970 * 1_000) }

  func withSampleServer(_ body: (PledgewireClient, ReportLoader) async throws -> Void) async throws {
    let server = try ServerProcess(arguments: ["--db", ":memory:", "--sample-data"])
    defer {
      server.signal(SIGTERM)
      _ = server.waitForExit(timeout: 10)
    }
    try await withPledgewireClient("127.0.0.1:\(server.port)") { client in
      try await body(client, ReportLoader(client: client, options: Self.options))
    }
  }

  /// The actor that is a party to most pledges.
  func busiestActor(_ pledges: [Pledge]) throws -> Int64 {
    let counts = Dictionary(grouping: pledges.flatMap { $0.parties.filter { $0.role != .beneficiary }.map(\.actorID) }, by: { $0 }).mapValues(\.count)
    return try #require(counts.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key)
  }

  @Test("an actor's scorecard: every pledge it made or announced, as a lane and a card; counts; a mark per change")
  func actorScorecard() async throws {
    try await withSampleServer { client, loader in
      let actorID = try busiestActor(try await loader.allPledges(PledgeFilter()))
      let listed = try await loader.allPledges(PledgeFilter(actorID: actorID))
      let moved = try #require(listed.first)
      _ = try await client.pledge.updatePledgeStatus(UpdatePledgeStatusRequest(pledgeID: moved.id, status: .inProgress, note: "work began"), options: Self.options)
      let expected = try await loader.allPledges(PledgeFilter(actorID: actorID))

      let report = try await loader.actorReport(String(actorID), includeAffiliated: false, now: Self.now)
      #expect(report.actor.id == actorID)
      let root = try XMLNode.parse(report.html())
      #expect(root.elements("h1").first?.allText == report.actor.canonicalName)

      let lanes = root.elements("g", classes: "lane")
      #expect(Set(lanes.compactMap { $0.elements("a").first?.attributes["href"] }) == Set(expected.map { "#pledge-\($0.id)" }))
      #expect(lanes.count == expected.count)
      for pledge in expected {
        let lane = try #require(lanes.first { $0.elements("a").first?.attributes["href"] == "#pledge-\(pledge.id)" })
        #expect(lane.elements("path", classes: "mark").filter { !$0.classes.contains("evidence") }.count == pledge.history.count)
        let card = try #require(root.elements("article", classes: "card").first { $0.attributes["id"] == "pledge-\(pledge.id)" })
        #expect(card.elements("h3").first?.allText.contains(pledge.action) == true)
        #expect(card.elements("blockquote", classes: "evidence").count == pledge.evidence.count)
        for evidence in pledge.evidence {
          #expect(card.allText.contains("“\(evidence.quote)”"))
        }
      }
      let movedLane = try #require(lanes.first { $0.elements("a").first?.attributes["href"] == "#pledge-\(moved.id)" })
      #expect(movedLane.classes.contains("s-in-progress"))
      #expect(movedLane.elements("path", classes: "mark", "s-in-progress").first?.title?.contains("announced → in progress. work began") == true)

      let meter = try #require(root.elements("figure", classes: "meter").first)
      for status in [PledgeStatus.announced, .inProgress, .partiallyFulfilled, .fulfilled, .stalled, .broken, .withdrawn] {
        let tag = meter.elements("span", classes: "tag").first { $0.allText.contains(ReportFormat.label(status)) }
        #expect(tag?.elements("b").first?.allText == String(expected.filter { $0.status == status }.count), "\(status)")
      }

      // By name, and with the affiliated actors' pledges.
      let byName = try await loader.actorReport(report.actor.canonicalName, includeAffiliated: true, now: Self.now)
      #expect(byName.actor.id == actorID)
      let affiliated = try await loader.allPledges(PledgeFilter(actorID: actorID, includeAffiliated: true))
      #expect(try XMLNode.parse(byName.html()).elements("g", classes: "lane").count == affiliated.count)
    }
  }

  @Test("a pledge's record: its history, evidence, condition and linked pledges as the server has them")
  func pledgeRecord() async throws {
    try await withSampleServer { client, loader in
      let all = try await loader.allPledges(PledgeFilter())
      let chosen = try #require(all.max { ($0.condition == nil ? 0 : 1, $0.evidence.count) < ($1.condition == nil ? 0 : 1, $1.evidence.count) })
      let cited = try #require(chosen.evidence.first)
      _ = try await client.pledge.updatePledgeStatus(UpdatePledgeStatusRequest(
        pledgeID: chosen.id, status: .stalled, evidence: Evidence(articleID: cited.articleID, quote: cited.quote, stance: .progress), note: "no progress"
      ), options: Self.options)
      let pledge = try await client.pledge.getPledge(GetPledgeRequest(id: chosen.id), options: Self.options)
      let parts = try await loader.allPledges(PledgeFilter(partOfID: pledge.id)).filter { $0.partOfID == pledge.id }

      let report = try await loader.pledgeReport(pledge.id, now: Self.now)
      let root = try XMLNode.parse(report.html())
      let history = try #require(root.elements("table", classes: "history").first?.elements("tbody").first)
      #expect(history.children.count == pledge.history.count)
      #expect(history.children.last?.allText.contains("no progress") == true)
      #expect(history.children.last?.elements("span", classes: "tag", "s-stalled").count == 1)
      let lane = try #require(root.elements("g", classes: "lane").first)
      #expect(lane.elements("path", classes: "mark", "s-stalled").count == 1)
      #expect(root.elements("blockquote", classes: "evidence").filter { $0.parent?.name == "article" }.count == pledge.evidence.count)
      #expect(root.elements("section", classes: "condition").count == (pledge.condition == nil ? 0 : 1))
      if let condition = pledge.condition {
        #expect(root.elements("section", classes: "condition").first?.allText.contains(condition.text) == true)
      }
      let linkedCount = parts.count + pledge.mergedIDs.count + (pledge.partOfID != 0 ? 1 : 0) + (pledge.supersedesID != 0 ? 1 : 0)
      #expect((root.elements("table", classes: "linked").first?.elements("tbody").first?.children.count ?? 0) == linkedCount)

      await #expect(throws: RPCError.self) { try await loader.pledgeReport(999_999, now: Self.now) }
    }
  }

  @Test("the summary: counts by status and category, months, and pledges overdue or due soon")
  func summary() async throws {
    try await withSampleServer { client, loader in
      let template = try #require(try await loader.allPledges(PledgeFilter()).first)
      let cited = try #require(template.evidence.first)
      func create(_ action: String, due: Int64) async throws -> Pledge {
        try await client.pledge.createPledge(CreatePledgeRequest(pledge: Pledge(
          parties: template.parties, action: action, category: template.category, madeAtMs: template.madeAtMs, dueAtMs: due,
          evidence: [Evidence(articleID: cited.articleID, quote: cited.quote, stance: .announces)]
        )), options: Self.options)
      }
      let now = Self.now
      let late = try await create("an overdue promise", due: template.madeAtMs + 30 * 86_400_000)
      let soon = try await create("a promise due soon", due: now + 10 * 86_400_000)
      let all = try await loader.allPledges(PledgeFilter())

      let root = try XMLNode.parse(try await loader.summaryReport(after: nil, before: nil, categories: [], now: now).html())
      #expect(root.elements("figure", classes: "meter").first?.elements("span", classes: "total").first?.allText == "total \(all.count)")
      let categories = try #require(root.elements("section", classes: "categories").first?.elements("tbody").first)
      let totals = Dictionary(uniqueKeysWithValues: categories.children.map { ($0.children.first?.allText ?? "", $0.children.last?.allText ?? "") })
      #expect(totals == Dictionary(grouping: all, by: { ReportFormat.label($0.category) }).mapValues { String($0.count) })
      let monthTotals = root.elements("figure", classes: "bars").first?.elements("tbody").first?.children.compactMap { Int($0.children.last?.allText ?? "") } ?? []
      #expect(monthTotals.reduce(0, +) == all.filter { $0.madeAtMs != 0 }.count)
      #expect(root.elements("table", classes: "overdue-list").first?.allText.contains("#\(late.id) an overdue promise") == true)
      #expect(root.elements("table", classes: "due-soon").first?.allText.contains("#\(soon.id) a promise due soon") == true)

      // A category filter keeps only that category's pledges.
      let category = template.category
      let filtered = try await loader.summaryReport(after: nil, before: nil, categories: [category], now: now)
      #expect(filtered.pledges.map(\.id).sorted() == all.filter { $0.category == category }.map(\.id).sorted())
      let afterFilter = try await loader.summaryReport(after: template.madeAtMs + 1, before: nil, categories: [], now: now)
      #expect(afterFilter.pledges.allSatisfy { $0.madeAtMs > template.madeAtMs })
    }
  }

  @Test("an actor named <script> and a pledge with markup in its action come out as text")
  func hostileActor() async throws {
    try await withSampleServer { client, loader in
      let template = try #require(try await loader.allPledges(PledgeFilter()).first)
      let cited = try #require(template.evidence.first)
      let name = "<script>alert(\"pwned\")</script>"
      let actor = try await client.actor.createActor(CreateActorRequest(actor: Actor(kind: .person, canonicalName: name, role: "' onmouseover='alert(1)")), options: Self.options)
      let action = "\"><img src=x onerror=alert(1)> & <b>bold</b>"
      _ = try await client.pledge.createPledge(CreatePledgeRequest(pledge: Pledge(
        parties: [PledgeParty(actorID: actor.id, role: .maker)], action: action, category: .other, madeAtMs: template.madeAtMs,
        evidence: [Evidence(articleID: cited.articleID, quote: cited.quote, stance: .announces)]
      )), options: Self.options)

      let html = try await loader.actorReport(String(actor.id), includeAffiliated: false, now: Self.now).html()
      let root = try XMLNode.parse(html)
      #expect(root.elements("script").isEmpty && root.elements("img").isEmpty && !root.elements("b").contains { $0.allText == "bold" })
      #expect(root.all.allSatisfy { $0.attributes["onerror"] == nil && $0.attributes["onmouseover"] == nil })
      #expect(root.elements("h1").first?.allText == name)
      #expect(root.elements("h3").first?.allText.contains(action) == true)
      #expect(!html.contains("<script") && html.contains("&lt;script&gt;"))
    }
  }

  @Test("a name is resolved; one that matches several actors equally well is refused naming them; no match is NOT_FOUND")
  func names() async throws {
    try await withSampleServer { client, loader in
      let twin = CreateActorRequest(actor: Actor(kind: .person, canonicalName: "Zorblax Quintero"))
      let twins = [try await client.actor.createActor(twin, options: Self.options), try await client.actor.createActor(twin, options: Self.options)]
      do {
        _ = try await loader.actorReport("Zorblax Quintero", includeAffiliated: false, now: Self.now)
        Issue.record("an ambiguous name was accepted")
      } catch let error as RPCError {
        #expect(error.code == .invalidArgument)
        #expect(error.message.contains("\(twins[0].id) Zorblax Quintero") && error.message.contains("\(twins[1].id) Zorblax Quintero"))
      }
      await #expect { try await loader.actorReport("Qwxzyv Plorkington", includeAffiliated: false, now: Self.now) } throws: { error in
        (error as? RPCError)?.code == .notFound
      }
    }
  }
}
