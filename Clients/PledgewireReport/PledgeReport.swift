import PledgewireWire

/// One pledge's record: its history as a timeline beside the pledges linked to it, its condition, the figures each
/// source reported side by side, the duplicates merged into it, its sub-pledges, and its evidence.
public struct PledgeReport: Sendable {
  public var pledge: Pledge
  /// The larger pledge it is a point of (`part_of_id`).
  public var parent: Pledge?
  /// Its points: pledges whose `part_of_id` is this one.
  public var parts: [Pledge]
  /// The pledge it re-announces with new terms (`supersedes_id`).
  public var supersedes: Pledge?
  /// The duplicates merged into it (`merged_ids`), as their tombstones.
  public var merged: [Pledge]
  public var directory: ReportDirectory
  /// The time the report is as of (Unix milliseconds).
  public var now: Int64
  /// Where the data came from; shown in the header.
  public var source: String?
  public var notes: [String]

  public init(
    pledge: Pledge, parent: Pledge? = nil, parts: [Pledge] = [], supersedes: Pledge? = nil, merged: [Pledge] = [],
    directory: ReportDirectory, now: Int64, source: String? = nil, notes: [String] = []
  ) {
    self.pledge = pledge
    self.parent = parent
    self.parts = parts
    self.supersedes = supersedes
    self.merged = merged
    self.directory = directory
    self.now = now
    self.source = source
    self.notes = notes
  }

  /// The report as one self-contained XHTML-compatible HTML document.
  public func html() -> String {
    ReportRenderer.render(view, template: "pledge")
  }

  struct HistoryRow: Sendable {
    let at: String
    let from: StatusTag?
    let to: StatusTag
    let note: String?
    let source: SourceView?
    let quote: String?
    let by: String?
  }

  struct FigureRow: Sendable {
    let source: SourceView
    let stance: String
    let amount: String?
    let quantity: String?
    let asWritten: String?
  }

  struct LinkedRow: Sendable {
    let relation: String
    let id: String
    let action: String
    let made: String
    let status: StatusTag
  }

  struct ConditionView: Sendable {
    let text: String
    let state: String
    let changed: String?
    let quote: String?
    let source: SourceView?
  }

  struct View: Sendable {
    let header: PageHeader
    let card: PledgeCard
    let timelines: [TimelineView]
    let history: [HistoryRow]
    let condition: ConditionView?
    let figures: [FigureRow]
    let figureCharts: [HorizontalBarsView]
    let linked: [LinkedRow]
  }

  var view: View {
    var lanes = [TimelineChart.Lane(pledge, directory: directory, now: now)]
    lanes[0].label = "this pledge: " + pledge.action
    var linked: [LinkedRow] = []
    func link(_ other: Pledge, _ relation: String) {
      var lane = TimelineChart.Lane(other, directory: directory, now: now)
      lane.label = "\(relation) #\(other.id): \(other.action)"
      lanes.append(lane)
      linked.append(LinkedRow(relation: relation, id: String(other.id), action: other.action, made: ReportFormat.date(other.madeAtMs, precision: other.madePrecision), status: StatusTag(other.status)))
    }
    if let parent { link(parent, "part of") }
    for part in parts.sorted(by: { $0.id < $1.id }) { link(part, "point") }
    if let supersedes { link(supersedes, "supersedes") }
    for duplicate in merged.sorted(by: { $0.id < $1.id }) {
      linked.append(LinkedRow(relation: "merged duplicate", id: String(duplicate.id), action: duplicate.action, made: ReportFormat.date(duplicate.madeAtMs, precision: duplicate.madePrecision), status: StatusTag(duplicate.status)))
    }

    let history = pledge.history.map { change in
      HistoryRow(
        at: ReportFormat.date(change.atMs),
        from: change.fromStatus == .unspecified ? nil : StatusTag(change.fromStatus),
        to: StatusTag(change.toStatus),
        note: [change.reopened ? "reopened" : "", change.note].filter { !$0.isEmpty }.joined(separator: ": ").nonEmpty,
        source: change.evidence.map { directory.source($0.articleID) },
        quote: change.evidence?.quote.nonEmpty,
        by: change.changedBy.nonEmpty
      )
    }
    let condition = pledge.condition.map { condition in
      let evidence = pledge.evidence.first { $0.id == condition.evidenceID && $0.id != 0 }
      return ConditionView(
        text: condition.text,
        state: condition.state == .unspecified ? "pending" : ReportFormat.label(condition.state),
        changed: condition.changedAtMs == 0 ? nil : ReportFormat.date(condition.changedAtMs),
        quote: evidence?.quote,
        source: evidence.map { directory.source($0.articleID) }
      )
    }
    let figures = pledge.evidence.filter { $0.reportedAmount != nil || $0.reportedQuantity != nil }.map { evidence in
      FigureRow(
        source: directory.source(evidence.articleID),
        stance: ReportFormat.label(evidence.stance),
        amount: evidence.reportedAmount.map(ReportFormat.money),
        quantity: evidence.reportedQuantity.map(ReportFormat.quantity),
        asWritten: [evidence.reportedAmount?.text ?? "", evidence.reportedQuantity?.text ?? ""].filter { !$0.isEmpty }.joined(separator: "; ").nonEmpty
      )
    }
    return View(
      header: PageHeader(
        kind: "pledge", title: pledge.action,
        subtitle: "#\(pledge.id) · \(ReportFormat.label(pledge.category)) · \(StatusStyle(pledge.status).label)",
        now: now, source: source, notes: notes
      ),
      card: PledgeCard(pledge, directory: directory, now: now),
      timelines: TimelineChart(lanes: lanes, now: now).figures(title: "History: status changes and evidence over time, beside the linked pledges"),
      history: history,
      condition: condition,
      figures: figures,
      figureCharts: figureCharts,
      linked: linked
    )
  }

  /// One chart per currency or unit: the pledge's own figure and each source's, side by side.
  private var figureCharts: [HorizontalBarsView] {
    var groups: [String: [HorizontalBarChart.Row]] = [:]
    var order: [String] = []
    func add(_ key: String, _ row: HorizontalBarChart.Row) {
      if groups[key] == nil { order.append(key) }
      groups[key, default: []].append(row)
    }
    if let amount = pledge.amount, let value = Double(amount.amount) {
      add("amounts in \(amount.currency)", .init(label: "the pledge", value: value, text: ReportFormat.money(amount)))
    }
    if let quantity = pledge.quantity, let value = Double(quantity.value) {
      add(quantity.unit.isEmpty ? "quantities" : quantity.unit, .init(label: "the pledge", value: value, text: ReportFormat.quantity(quantity)))
    }
    for evidence in pledge.evidence {
      let source = directory.source(evidence.articleID)
      let label = [source.outlet ?? source.title, source.published ?? ""].filter { !$0.isEmpty }.joined(separator: ", ")
      if let amount = evidence.reportedAmount, let value = Double(amount.amount) {
        add("amounts in \(amount.currency)", .init(label: label, value: value, text: ReportFormat.money(amount)))
      }
      if let quantity = evidence.reportedQuantity, let value = Double(quantity.value) {
        add(quantity.unit.isEmpty ? "quantities" : quantity.unit, .init(label: label, value: value, text: ReportFormat.quantity(quantity)))
      }
    }
    return order.compactMap { key in
      guard let rows = groups[key], rows.count > 1 else { return nil }
      return HorizontalBarChart(rows: rows).view(title: "Figures reported, \(key)")
    }
  }
}
