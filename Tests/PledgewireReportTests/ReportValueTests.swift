import Foundation
import PledgewireClient
@testable import PledgewireReport
import Testing

@Suite("Reports rendered from values")
struct ReportValueTests {
  @Test("an actor scorecard: meter counts, one lane per pledge with a mark per status change, evidence with sources")
  func actorScorecard() throws {
    let pledges = [
      Fixtures.pledge(1, "send troops"),
      Fixtures.pledge(2, "supply missiles", status: .inProgress),
      Fixtures.pledge(3, "train pilots", status: .fulfilled),
      Fixtures.pledge(4, "fund demining", status: .broken, due: Fixtures.summit + 100 * Fixtures.day),
    ]
    let report = ActorReport(actor: Fixtures.actors[0], pledges: pledges, directory: Fixtures.directory, now: Fixtures.now)
    let root = try XMLNode.parse(report.html())

    let meter = try #require(root.elements("figure", classes: "meter").first)
    for status in StatusStyle.ordered {
      let tag = try #require(meter.elements("span", classes: "tag", StatusStyle(status).cssClass).first)
      #expect(tag.elements("b").first?.allText == String(pledges.filter { $0.status == status }.count), "\(status)")
    }
    let lanes = root.elements("g", classes: "lane")
    #expect(lanes.count == 4)
    for (lane, pledge) in zip(lanes, pledges) {
      #expect(lane.elements("a").first?.attributes["href"] == "#pledge-\(pledge.id)")
      // One shaped mark per history entry; evidence that changed no status is a tick.
      #expect(lane.elements("path", classes: "mark").filter { !$0.classes.contains("evidence") }.count == pledge.history.count)
      #expect(lane.classes.contains(StatusStyle(pledge.status).cssClass))
    }
    let brokenLane = lanes[3]
    #expect(brokenLane.elements("path", classes: "mark", "s-broken").first?.title?.contains("announced → broken") == true)
    // The broken pledge is settled, so its past deadline is not overdue.
    #expect(brokenLane.elements("path", classes: "deadline").first?.classes.contains("overdue") == false)

    let cards = root.elements("article", classes: "card")
    #expect(cards.map { $0.attributes["id"] } == pledges.map { "pledge-\($0.id)" })
    let quotes = cards[1].elements("blockquote", classes: "evidence")
    #expect(quotes.count == 2)
    #expect(quotes[0].allText.contains("“Britain will supply missiles”"))
    #expect(quotes[0].elements("a").first?.attributes["href"] == "https://news.example/summit")
    #expect(quotes[1].allText.contains("Other Daily, 2025-04-01"))
    #expect(root.elements("title").first?.allText == "United Kingdom")
  }

  @Test("an open pledge past its deadline is overdue in its card, its lane and the summary")
  func overdue() throws {
    let due = Fixtures.summit + 200 * Fixtures.day
    let pledges = [Fixtures.pledge(1, "send troops", due: due), Fixtures.pledge(2, "supply missiles", due: Fixtures.now + 10 * Fixtures.day)]
    let actor = try XMLNode.parse(ActorReport(actor: Fixtures.actors[0], pledges: pledges, directory: Fixtures.directory, now: Fixtures.now).html())
    #expect(actor.elements("path", classes: "deadline", "overdue").count == 1)
    let card = try #require(actor.elements("article", classes: "card").first)
    #expect(card.elements("span", classes: "overdue").count == 1)
    #expect(card.allText.contains("2025-09-18 (overdue by 199 days)"))

    let summary = try XMLNode.parse(SummaryReport(pledges: pledges, directory: Fixtures.directory, now: Fixtures.now).html())
    let overdue = try #require(summary.elements("table", classes: "overdue-list").first)
    #expect(overdue.elements("tbody").first?.children.count == 1)
    #expect(overdue.allText.contains("#1 send troops") && overdue.allText.contains("199 days overdue"))
    let soon = try #require(summary.elements("table", classes: "due-soon").first)
    #expect(soon.allText.contains("#2 supply missiles") && soon.allText.contains("in 11 days"))
  }

  @Test("a pledge report: history, condition, figures by source side by side, merged duplicates and linked pledges")
  func pledgeRecord() throws {
    var pledge = Fixtures.pledge(5, "lend Ukraine money", status: .inProgress)
    pledge.amount = Money(amount: "2260000000", currency: "GBP", qualifier: .exact)
    pledge.condition = Condition(text: "if Parliament approves", state: .met, evidenceID: 53, changedAtMs: Fixtures.summit + 40 * Fixtures.day)
    pledge.evidence[0].reportedAmount = Money(amount: "2260000000", currency: "GBP", text: "£2.26bn")
    pledge.evidence[1].reportedAmount = Money(amount: "2000000000", currency: "GBP", qualifier: .about, text: "about £2bn")
    pledge.mergedIDs = [7]
    pledge.partOfID = 6
    let parent = Fixtures.pledge(6, "support Ukraine's economy")
    let part = Fixtures.pledge(8, "pay the first tranche", status: .fulfilled)
    var duplicate = Fixtures.pledge(7, "loan Ukraine £2.26bn")
    duplicate.mergedIntoID = 5
    let report = PledgeReport(pledge: pledge, parent: parent, parts: [part], merged: [duplicate], directory: Fixtures.directory, now: Fixtures.now)
    let root = try XMLNode.parse(report.html())

    // History: the pledge's lane first, then the linked ones.
    let lanes = root.elements("g", classes: "lane")
    #expect(lanes.count == 3)
    #expect(lanes[0].elements("text").first?.allText.hasPrefix("this pledge: lend Ukraine") == true)
    #expect(lanes[0].elements("path", classes: "mark", "evidence").contains { $0.title?.contains("condition met") == true })
    let history = try #require(root.elements("table", classes: "history").first?.elements("tbody").first)
    #expect(history.children.count == pledge.history.count)
    #expect(history.children[1].allText.contains("moved"))

    let condition = try #require(root.elements("section", classes: "condition").first)
    #expect(condition.allText.contains("“if Parliament approves” — met since 2025-04-11"))
    #expect(condition.allText.contains("The UK repeated its promise"))

    let figures = try #require(root.elements("table", classes: "figures").first?.elements("tbody").first)
    #expect(figures.children.count == 2)
    #expect(figures.children[0].allText.contains("GBP 2,260,000,000") && figures.children[0].allText.contains("£2.26bn"))
    #expect(figures.children[1].allText.contains("about GBP 2,000,000,000"))
    let bars = try #require(root.elements("figure", classes: "hbars").first)
    #expect(bars.elements("g", classes: "row").map { $0.title ?? "" } == [
      "the pledge: GBP 2,260,000,000", "Example News, 2025-03-02: GBP 2,260,000,000", "Other Daily, 2025-04-01: about GBP 2,000,000,000",
    ])

    let linked = try #require(root.elements("table", classes: "linked").first?.elements("tbody").first)
    #expect(linked.children.map { $0.children.first?.allText ?? "" } == ["part of", "point", "merged duplicate"])
    #expect(linked.children[2].allText.contains("#7 loan Ukraine £2.26bn"))
  }

  @Test("the summary: months stacked by status, categories by status, top makers")
  func summary() throws {
    let pledges = [
      Fixtures.pledge(1, "a", madeAt: Fixtures.summit),
      Fixtures.pledge(2, "b", status: .fulfilled, madeAt: Fixtures.summit + 2 * Fixtures.day),
      Fixtures.pledge(3, "c", madeAt: Fixtures.summit + 70 * Fixtures.day, category: .diplomatic),
    ]
    let root = try XMLNode.parse(SummaryReport(pledges: pledges, directory: Fixtures.directory, now: Fixtures.now).html())
    let charts = root.elements("figure", classes: "bars")
    #expect(charts.count == 3)  // all, military aid, diplomatic
    let overall = charts[0]
    // March to May 2025: three bars, the empty April among them.
    #expect(overall.elements("g", classes: "bar").map { $0.elements("text").first?.allText ?? "" } == ["2025-03", "2025-04", "2025-05"])
    #expect(overall.elements("rect", classes: "segment").compactMap { $0.title }.sorted() == ["2025-03: 1 announced", "2025-03: 1 fulfilled", "2025-05: 1 announced"])
    let categories = try #require(root.elements("section", classes: "categories").first?.elements("tbody").first)
    #expect(categories.children.map { $0.children.first?.allText ?? "" } == ["military aid", "diplomatic"])
    #expect(categories.children[0].children.last?.allText == "2")
    let makers = root.elements("figure", classes: "hbars").first?.elements("g", classes: "row") ?? []
    #expect(makers.map { $0.title ?? "" } == ["United Kingdom: 3 pledges (1 fulfilled)"])
  }

  @Test("hostile text is escaped everywhere and never becomes markup; only http(s) URLs become links")
  func hostileText() throws {
    let hostile = "<script>alert(\"x\")</script> & 'Co' ]]> <!-- {{x}}"
    var actor = Fixtures.actors[0]
    actor.canonicalName = hostile
    var pledge = Fixtures.pledge(1, "\"><svg onload=alert(1)>" + hostile)
    pledge.note = "bell \u{7} and form feed \u{C}"
    pledge.labels = [hostile]
    var article = Fixtures.articles[0]
    article.canonicalURL = "javascript:alert(1)"
    article.title = hostile
    let directory = ReportDirectory(actors: [actor] + Fixtures.actors.dropFirst(), articles: [article, Fixtures.articles[1]])
    let html = ActorReport(actor: actor, pledges: [pledge], directory: directory, now: Fixtures.now).html()
    let root = try XMLNode.parse(html)
    #expect(root.elements("script").isEmpty)
    #expect(root.all.allSatisfy { $0.attributes["onload"] == nil })
    #expect(root.elements("title").first?.allText == hostile)
    #expect(root.elements("h3").first?.allText.contains("\"><svg onload=alert(1)>" + hostile) == true)
    #expect(root.all.compactMap { $0.attributes["href"] }.allSatisfy { $0.hasPrefix("#") || $0.hasPrefix("https://") })
    #expect(!html.contains("\u{7}") && html.contains("bell \u{FFFD} and form feed \u{FFFD}"))
  }

  @Test("1,000 pledges render under 3 MB, every one as a lane and a card")
  func thousandPledges() throws {
    let statuses: [PledgeStatus] = [.announced, .inProgress, .fulfilled, .broken, .stalled, .partiallyFulfilled, .withdrawn]
    let pledges = (1...1_000).map { index in
      Fixtures.pledge(Int64(index), "deliver item \(index) of the aid package, as promised at the summit", status: statuses[index % statuses.count], madeAt: Fixtures.summit + Int64(index % 300) * Fixtures.day, due: index % 5 == 0 ? Fixtures.summit + 365 * Fixtures.day : 0)
    }
    let html = ActorReport(actor: Fixtures.actors[0], pledges: pledges, directory: Fixtures.directory, now: Fixtures.now).html()
    let root = try XMLNode.parse(html)
    #expect(root.elements("g", classes: "lane").count == 1_000)
    #expect(root.elements("article", classes: "card").count == 1_000)
    #expect(root.elements("figure", classes: "timeline").count == 34)  // 30 lanes a figure
    #expect(html.utf8.count < 3_000_000, "\(html.utf8.count) bytes")
    let summary = SummaryReport(pledges: pledges, directory: Fixtures.directory, now: Fixtures.now).html()
    _ = try XMLNode.parse(summary)
    #expect(summary.utf8.count < 300_000, "\(summary.utf8.count) bytes")
  }
}
