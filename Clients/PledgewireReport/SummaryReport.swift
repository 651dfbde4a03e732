import PledgewireWire

/// Pledges at a glance: counts by status, pledges made by month stacked by status (overall and per category),
/// categories by status, the top makers, and the pledges overdue or due soon.
public struct SummaryReport: Sendable {
  public var pledges: [Pledge]
  /// The filter the pledges were selected by, shown in the header: made at or after, made before (Unix
  /// milliseconds), categories.
  public var madeAfter: Int64?
  public var madeBefore: Int64?
  public var categories: [PledgeCategory]
  /// Open pledges falling due within this many days count as due soon.
  public var dueWithinDays: Int
  /// How many makers the top-makers chart shows.
  public var topMakers: Int
  public var directory: ReportDirectory
  /// The time the report is as of (Unix milliseconds).
  public var now: Int64
  /// Where the data came from; shown in the header.
  public var source: String?
  public var notes: [String]

  public init(
    pledges: [Pledge], madeAfter: Int64? = nil, madeBefore: Int64? = nil, categories: [PledgeCategory] = [],
    dueWithinDays: Int = 90, topMakers: Int = 10, directory: ReportDirectory, now: Int64, source: String? = nil, notes: [String] = []
  ) {
    self.pledges = pledges
    self.madeAfter = madeAfter
    self.madeBefore = madeBefore
    self.categories = categories
    self.dueWithinDays = dueWithinDays
    self.topMakers = topMakers
    self.directory = directory
    self.now = now
    self.source = source
    self.notes = notes
  }

  /// The report as one self-contained XHTML-compatible HTML document.
  public func html() -> String {
    ReportRenderer.render(view, template: "summary")
  }

  struct CategoryRow: Sendable {
    let category: String
    let counts: [String]
    let total: String
  }

  struct DueRow: Sendable {
    let id: String
    let action: String
    let makers: String
    let due: String
    let days: String
    let status: StatusTag
  }

  /// Open pledges by deadline: those overdue, those due soon.
  struct DueTable: Sendable {
    let heading: String
    let cls: String
    let rows: [DueRow]
    let none: String
  }

  struct View: Sendable {
    let header: PageHeader
    let meter: MeterView
    let monthly: [BarChartView]
    let statusColumns: [StatusTag]
    let categoryRows: [CategoryRow]
    let makers: [HorizontalBarsView]
    let due: [DueTable]
  }

  var view: View {
    let counts = Dictionary(grouping: pledges, by: \.status).mapValues(\.count)
    let dated = pledges.filter { $0.madeAtMs != 0 && $0.madePrecision != .unknown }
    var notes = self.notes
    if dated.count < pledges.count {
      notes.append("\(pledges.count - dated.count) pledges with unknown dates are counted but not in the monthly charts.")
    }
    let byCategory = Dictionary(grouping: pledges, by: \.category)
    let categoryOrder = byCategory.keys.sorted { (byCategory[$0]?.count ?? 0, $1.rawValue) > (byCategory[$1]?.count ?? 0, $0.rawValue) }
    var monthly = [Self.monthlyChart(dated, title: "All categories: pledges made per month, by status")]
    if categoryOrder.count > 1 {
      monthly += categoryOrder.map { category in
        Self.monthlyChart(dated.filter { $0.category == category }, within: dated, title: "\(ReportFormat.label(category).capitalizedFirst): pledges made per month, by status", height: 110, withTable: false)
      }
    }
    return View(
      header: PageHeader(kind: "summary", title: "Pledges: summary", subtitle: scope, now: now, source: source, notes: notes),
      meter: StatusMeter(counts: counts).view(title: "\(pledges.count) pledges by status"),
      monthly: monthly,
      statusColumns: StatusStyle.ordered.map { StatusTag($0) },
      categoryRows: categoryOrder.map { category in
        let inCategory = byCategory[category] ?? []
        return CategoryRow(
          category: ReportFormat.label(category),
          counts: StatusStyle.ordered.map { status in String(inCategory.filter { $0.status == status }.count) },
          total: String(inCategory.count)
        )
      },
      makers: makersChart,
      due: [
        DueTable(heading: "Overdue", cls: "overdue-list", rows: dueRows { $0 < now }, none: "No open pledge is past its deadline."),
        DueTable(
          heading: "Due in the next \(dueWithinDays) days", cls: "due-soon",
          rows: dueRows { $0 >= now && $0 < now + Int64(dueWithinDays) * CivilDate.millisecondsPerDay },
          none: "No open pledge falls due in the next \(dueWithinDays) days."
        ),
      ]
    )
  }

  /// "made 2025-01-01 to 2025-06-30 · categories: military aid".
  private var scope: String {
    var parts: [String] = []
    switch (madeAfter, madeBefore) {
    case let (after?, before?): parts.append("made from \(ReportFormat.date(after)) to before \(ReportFormat.date(before))")
    case let (after?, nil): parts.append("made from \(ReportFormat.date(after))")
    case let (nil, before?): parts.append("made before \(ReportFormat.date(before))")
    case (nil, nil): parts.append("every pledge")
    }
    if !categories.isEmpty {
      parts.append("categories: " + categories.map { ReportFormat.label($0) }.joined(separator: ", "))
    }
    return parts.joined(separator: " · ")
  }

  /// Pledges per month from the first month of `within` to its last, stacked by status.
  static func monthlyChart(_ pledges: [Pledge], within: [Pledge]? = nil, title: String, height: Double = 200, withTable: Bool = true) -> BarChartView {
    let range = (within ?? pledges).map { CivilDate(milliseconds: $0.madeAtMs) }
    guard let first = range.min(), let last = range.max() else {
      return StackedBarChart(bars: [], height: height, withTable: withTable).view(title: title)
    }
    let start = CivilDate(year: first.year, month: first.month)
    let months = (last.year - start.year) * 12 + last.month - start.month + 1
    var counts = Array(repeating: [PledgeStatus: Int](), count: months)
    for pledge in pledges {
      let date = CivilDate(milliseconds: pledge.madeAtMs)
      counts[(date.year - start.year) * 12 + date.month - start.month][pledge.status, default: 0] += 1
    }
    let bars = counts.enumerated().map { StackedBarChart.Bar(label: start.addingMonths($0.offset).isoMonth, counts: $0.element) }
    return StackedBarChart(bars: bars, height: height, withTable: withTable).view(title: title)
  }

  /// The makers with most pledges.
  private var makersChart: [HorizontalBarsView] {
    var byMaker: [Int64: (total: Int, settled: [PledgeStatus: Int])] = [:]
    for pledge in pledges {
      for maker in Set(pledge.parties.filter { $0.role == .maker && !$0.optedOut }.map(\.actorID)) {
        byMaker[maker, default: (0, [:])].total += 1
        if PledgeFacts.isFinal(pledge.status) {
          byMaker[maker, default: (0, [:])].settled[pledge.status, default: 0] += 1
        }
      }
    }
    let top = byMaker.sorted { ($0.value.total, $1.key) > ($1.value.total, $0.key) }.prefix(max(0, topMakers))
    guard !top.isEmpty else { return [] }
    let rows = top.map { id, tally in
      let settled = [PledgeStatus.fulfilled, .broken, .withdrawn].compactMap { status in
        tally.settled[status].map { "\($0) \(StatusStyle(status).label)" }
      }
      return HorizontalBarChart.Row(
        label: directory.name(id), value: Double(tally.total),
        text: "\(tally.total) \(tally.total == 1 ? "pledge" : "pledges")" + (settled.isEmpty ? "" : " (\(settled.joined(separator: ", ")))")
      )
    }
    return [HorizontalBarChart(rows: Array(rows)).view(title: "Top makers: pledges each actor made")]
  }

  /// Open pledges whose deadline end passes `test`, soonest first.
  private func dueRows(_ test: (Int64) -> Bool) -> [DueRow] {
    pledges.compactMap { pledge -> (Int64, DueRow)? in
      guard let end = PledgeFacts.openDeadline(pledge), test(end) else { return nil }
      let days = ReportFormat.days(from: now, to: end)
      return (end, DueRow(
        id: String(pledge.id),
        action: pledge.action,
        makers: directory.names(pledge, .maker).joined(separator: ", "),
        due: ReportFormat.date(pledge.dueAtMs, precision: pledge.duePrecision),
        days: days < 0 ? "\(-days) days overdue" : "in \(days) days",
        status: StatusTag(pledge.status)
      ))
    }.sorted { $0.0 < $1.0 }.map(\.1)
  }
}
