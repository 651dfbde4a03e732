@testable import PledgewireDomain
import PledgewireStorage
import PledgewireWire
import Testing

@Suite("Ledger building blocks")
struct LedgerUnitTests {
  @Test("article URLs: cosmetic variants have one canonical form", arguments: [
    ("HTTPS://News.Example:443/world/summit/?utm_source=x&b=2&a=1#top", "https://news.example/world/summit?a=1&b=2"),
    ("http://news.example:80/a/", "http://news.example/a"),
    ("https://news.example:8443/a", "https://news.example:8443/a"),
    ("https://news.example/", "https://news.example"),
    ("https://user@News.Example./a?fbclid=1&gclid=2&utm_medium=m", "https://news.example/a"),
    ("https://news.example/%7euser/%2f?q=%c3%a9", "https://news.example/~user/%2F?q=%C3%A9"),
    ("https://news.example/a?b=1&a=2&b=0", "https://news.example/a?a=2&b=0&b=1"),
  ])
  func canonicalURLs(_ input: String, _ expected: String) throws {
    #expect(try ArticleURL.canonical(input, field: "url") == expected)
  }

  @Test("article URLs that are not absolute http(s) URLs are refused, naming the field", arguments: [
    "", "news.example/a", "ftp://news.example/a", "https://", "https://news example/a", "https://news.example:http/a", "/relative",
  ])
  func invalidURLs(_ input: String) {
    let error = #expect(throws: RPCError.self) { try ArticleURL.canonical(input, field: "article.canonical_url") }
    #expect(error?.details?.fieldViolations.first?.field == "article.canonical_url")
  }

  @Test("dates with a precision: civil conversions, the start and end of each period, alignment")
  func datePeriods() {
    #expect(DatePeriod.days(from: DatePeriod.Civil(year: 1970, month: 1, day: 1)) == 0)
    #expect(DatePeriod.days(from: DatePeriod.Civil(year: 2000, month: 3, day: 1)) == 11_017)
    #expect(DatePeriod.civil(fromDays: -1) == DatePeriod.Civil(year: 1969, month: 12, day: 31))
    for days in stride(from: -100_000, through: 100_000, by: 997) as StrideThrough<Int64> {
      #expect(DatePeriod.days(from: DatePeriod.civil(fromDays: days)) == days)
    }
    let summit: Int64 = 1_740_931_200_000  // 2025-03-02T16:00:00Z
    #expect(DatePeriod.start(of: summit, .day) == 1_740_873_600_000)
    #expect(DatePeriod.start(of: summit, .month) == 1_740_787_200_000)
    #expect(DatePeriod.start(of: summit, .year) == 1_735_689_600_000)
    #expect(DatePeriod.end(of: 1_735_689_600_000, .year) == 1_767_225_600_000)
    #expect(DatePeriod.end(of: 1_764_547_200_000, .month) == 1_767_225_600_000)  // December 2025 ends on 1 January 2026
    #expect(DatePeriod.end(of: 1_740_873_600_000, .day) == 1_740_960_000_000)
    #expect(DatePeriod.end(of: summit, .unspecified) == summit + 1)
    #expect(DatePeriod.isAligned(1_740_787_200_000, .month) && !DatePeriod.isAligned(1_740_873_600_000, .month))
    #expect(DatePeriod.daysInMonth(year: 2024, month: 2) == 29 && DatePeriod.daysInMonth(year: 1900, month: 2) == 28)
    #expect(DatePeriod.iso8601(summit) == "2025-03-02T16:00:00.000Z")
    #expect(DatePeriod.iso8601(1_740_787_200_000, .month) == "2025-03")
    #expect(DatePeriod.iso8601(-86_400_000, .day) == "1969-12-31")
  }

  @Test("timestamp checks: range, the future, precision, unknown dates")
  func timestamps() {
    let now: Int64 = 1_750_000_000_000
    func field(_ body: () throws -> Void) -> String? {
      do {
        try body()
        return nil
      } catch {
        return (error as? RPCError)?.details?.fieldViolations.first?.field
      }
    }
    #expect(field { try Timestamps.past(now + Timestamps.clockSkew, "t", now: now) } == nil)
    #expect(field { try Timestamps.past(now + Timestamps.clockSkew + 1, "t", now: now) } == "t")
    #expect(field { try Timestamps.inRange(Timestamps.latest, "t") } == "t")
    #expect(field { try Timestamps.inRange(Timestamps.earliest, "t") } == nil)
    #expect(field { try Timestamps.withPrecision(0, .unknown, "d", "p", optional: false, now: now) } == nil)
    #expect(field { try Timestamps.withPrecision(0, .unspecified, "d", "p", optional: false, now: now) } == "d")
    #expect(field { try Timestamps.withPrecision(0, .unspecified, "d", "p", optional: true, now: now) } == nil)
    #expect(field { try Timestamps.withPrecision(1_735_689_600_000, .year, "d", "p", optional: false, now: now) } == nil)
    #expect(field { try Timestamps.withPrecision(1_735_776_000_000, .year, "d", "p", optional: false, now: now) } == "d")
    #expect(field { try Timestamps.withPrecision(1_735_689_600_000, .unrecognized(8), "d", "p", optional: false, now: now) } == "p")
  }

  @Test("similarity: a re-report scores high, a different pledge by the same makers lower, a stranger not at all")
  func similarity() {
    let draft = Pledge(
      parties: [PledgeParty(actorID: 1, role: .maker), PledgeParty(actorID: 2, role: .maker)],
      action: "send British and French troops to Ukraine to help keep the peace", category: .troopDeployment,
      amount: Money(amount: "2000000000", currency: "GBP"), madeAtMs: 1_740_873_600_000
    )
    let scorer = PledgeSimilarity(draft: draft, relatedActors: [1, 2, 3], window: 90 * DatePeriod.day)
    var reReport = draft
    reReport.action = "deploy troops from Britain and France in Ukraine to keep the peace"
    reReport.amount = nil
    reReport.evidence = [Evidence(reportedAmount: Money(amount: "1950000000", currency: "GBP"))]
    reReport.madeAtMs += DatePeriod.day
    let (high, reasons) = scorer.score(reReport)
    #expect(high >= 0.75, "\(high)")
    #expect(reasons.contains("same makers") && reasons.contains("same category") && reasons.contains("amount within 5%") && reasons.contains("made a day apart"))
    var other = draft
    other.action = "lend Ukraine money for reconstruction"
    other.category = .financialAid
    other.amount = Money(amount: "9000000000", currency: "GBP")
    let (middle, _) = scorer.score(other)
    #expect(middle < 0.6 && middle > 0.2, "\(middle)")
    let stranger = Pledge(parties: [PledgeParty(actorID: 9, role: .maker)], action: "build a railway", category: .developmentAid, madeAtMs: 1_640_000_000_000)
    #expect(scorer.score(stranger).score < 0.1)
    var official = stranger
    official.parties = [PledgeParty(actorID: 3, role: .maker)]
    #expect(scorer.score(official).reasons.contains("related makers"))
    var announced = stranger
    announced.parties.append(PledgeParty(actorID: 3, role: .announcer))
    #expect(scorer.score(announced).reasons.contains("announced by a related actor"))
    #expect(scorer.textSimilarity("keep the peace in Ukraine with troops") > scorer.textSimilarity("build a railway"))
    #expect(PledgeSimilarity.words("The troops, deployed!") == ["troop", "deploy"])
  }
}
