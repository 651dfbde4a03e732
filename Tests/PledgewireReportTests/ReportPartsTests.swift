import Foundation
import PledgewireClient
@testable import PledgewireReport
import Testing

@Suite("Report building blocks: dates, figures, scales, shapes")
struct ReportPartsTests {
  @Test("civil dates agree with Foundation's UTC calendar from 1584 to 2517, before 1970 included (Foundation switches to the Julian calendar before 1582)")
  func civilDates() {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC")!
    for days in stride(from: -141_000, through: 200_000, by: 997) {
      let milliseconds = Int64(days) * CivilDate.millisecondsPerDay + 12_345
      let civil = CivilDate(milliseconds: milliseconds)
      let parts = calendar.dateComponents([.year, .month, .day], from: Date(timeIntervalSince1970: Double(milliseconds) / 1_000))
      #expect([civil.year, civil.month, civil.day] == [parts.year, parts.month, parts.day], "day \(days)")
      #expect(civil.milliseconds == Int64(days) * CivilDate.millisecondsPerDay)
    }
    #expect(CivilDate(year: 2025, month: 11).addingMonths(3) == CivilDate(year: 2026, month: 2))
    #expect(CivilDate(year: 2025, month: 1).addingMonths(-1) == CivilDate(year: 2024, month: 12))
  }

  @Test("dates are ISO at their precision; a deadline falls due at the end of its period")
  func dates() {
    let day = Fixtures.summit
    #expect(ReportFormat.date(day, precision: .day) == "2025-03-02")
    #expect(ReportFormat.date(day, precision: .month) == "2025-03")
    #expect(ReportFormat.date(day, precision: .year) == "2025")
    #expect(ReportFormat.date(0, precision: .unknown) == "date unknown")
    #expect(ReportFormat.date(day) == "2025-03-02")
    #expect(ReportFormat.date(day + 16 * 3_600_000 + 5 * 60_000) == "2025-03-02T16:05Z")
    #expect(ReportFormat.dueEnd(day, precision: .day) == day + Fixtures.day)
    #expect(ReportFormat.dueEnd(CivilDate(year: 2035, month: 1).milliseconds, precision: .year) == CivilDate(year: 2036, month: 1).milliseconds)
    #expect(ReportFormat.dueEnd(CivilDate(year: 2025, month: 12).milliseconds, precision: .month) == CivilDate(year: 2026, month: 1).milliseconds)
    #expect(ReportFormat.dueEnd(0, precision: .unspecified) == nil)
    #expect(ReportFormat.dueEnd(0, precision: .unknown) == nil)
  }

  @Test("figures keep their decimal text, grouped, with qualifier and period")
  func figures() {
    #expect(ReportFormat.grouped("2200000000") == "2,200,000,000")
    #expect(ReportFormat.grouped("-1234.567") == "-1,234.567")
    #expect(ReportFormat.grouped("999") == "999")
    #expect(ReportFormat.grouped("lots") == "lots")
    #expect(ReportFormat.money(Money(amount: "800000000", currency: "EUR", qualifier: .upTo, period: .perYear)) == "up to EUR 800,000,000 a year")
    #expect(ReportFormat.quantity(Quantity(value: "5000", unit: "missiles", qualifier: .atLeast)) == "at least 5,000 missiles")
    #expect(ReportFormat.ratio(Ratio(percent: "3.5", of: "GDP", qualifier: .atLeast)) == "at least 3.5% of GDP")
  }

  @Test("time scales label month starts for short spans and year starts for long ones, within the count asked")
  func timeScale() {
    let short = TimeScale(covering: [Fixtures.summit, Fixtures.summit + 100 * Fixtures.day], from: 0, to: 100)
    #expect(short.ticks(maxCount: 8).map(\.label) == ["2025-03", "2025-04", "2025-05", "2025-06", "2025-07"])
    #expect(short.x(short.start) == 0 && short.x(short.end) == 100 && short.x(short.end + 1) == 100)
    let long = TimeScale(covering: [CivilDate(year: 2001, month: 5).milliseconds, CivilDate(year: 2025, month: 2).milliseconds], from: 0, to: 100)
    let ticks = long.ticks(maxCount: 8)
    #expect(ticks.count <= 8 && ticks.map(\.label) == ["2005", "2010", "2015", "2020", "2025"])
    #expect(zip(ticks, ticks.dropFirst()).allSatisfy { $0.x < $1.x })
  }

  @Test("every status has its own shape, symbol, colour class and word")
  func statusStyles() {
    let styles = StatusStyle.ordered.map(StatusStyle.init)
    #expect(Set(styles.map { "\($0.shape)" }).count == styles.count)
    #expect(Set(styles.map(\.symbol)).count == styles.count)
    #expect(Set(styles.map(\.cssClass)).count == styles.count)
    #expect(styles.map(\.label) == ["announced", "in progress", "partially fulfilled", "fulfilled", "stalled", "broken", "withdrawn"])
    #expect(StatusStyle(.unrecognized(42)).cssClass == "s-other")
  }

  @Test("axis steps are 1, 2 or 5 times a power of ten; SVG numbers have one decimal at most")
  func numbers() {
    #expect([1, 4, 5, 6, 11, 24, 99, 1_000].map { StackedBarChart.niceStep($0, maxTicks: 5) } == [1, 1, 1, 2, 5, 5, 20, 200])
    #expect([0.04, -0.04, 12.25, -3.0, 7.96].map(SVGNumber.f) == ["0", "0", "12.3", "-3", "8"])
  }
}
