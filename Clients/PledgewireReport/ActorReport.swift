import PledgewireWire

/// An actor's scorecard: its pledges counted by status as a meter, a timeline of every pledge it made or announced
/// (and, when asked, those of its affiliated actors) with status changes as dated marks, and each pledge's
/// evidence quotes with their sources.
public struct ActorReport: Sendable {
  public var actor: Actor
  /// Every pledge the report covers.
  public var pledges: [Pledge]
  /// Whether `pledges` include those of the actor's officials and members.
  public var includesAffiliated: Bool
  public var directory: ReportDirectory
  /// The time the report is as of (Unix milliseconds): deadlines before it are overdue, open lanes run to it.
  public var now: Int64
  /// Where the data came from, "127.0.0.1:7979"; shown in the header.
  public var source: String?
  /// Lines shown under the title: "actor 12 was merged into this one".
  public var notes: [String]

  public init(actor: Actor, pledges: [Pledge], includesAffiliated: Bool = false, directory: ReportDirectory, now: Int64, source: String? = nil, notes: [String] = []) {
    self.actor = actor
    self.pledges = pledges
    self.includesAffiliated = includesAffiliated
    self.directory = directory
    self.now = now
    self.source = source
    self.notes = notes
  }

  /// The report as one self-contained XHTML-compatible HTML document.
  public func html() -> String {
    ReportRenderer.render(view, template: "actor")
  }

  struct View: Sendable {
    let header: PageHeader
    let meter: MeterView
    let roles: [PledgeCard.Fact]
    let timelines: [TimelineView]
    let cards: [PledgeCard]
  }

  var view: View {
    let ordered = pledges.sorted { ($0.madeAtMs, $0.id) < ($1.madeAtMs, $1.id) }
    let counts = Dictionary(grouping: ordered, by: \.status).mapValues(\.count)
    let made = ordered.filter { $0.parties.contains { $0.actorID == actor.id && $0.role == .maker } }.count
    let announced = ordered.filter { $0.parties.contains { $0.actorID == actor.id && $0.role == .announcer } }.count
    var roles = [PledgeCard.Fact(name: "made", value: String(made)), PledgeCard.Fact(name: "announced", value: String(announced))]
    if includesAffiliated {
      roles.append(PledgeCard.Fact(name: "by affiliated actors", value: String(ordered.count - ordered.filter { $0.parties.contains { $0.actorID == actor.id } }.count)))
    }
    let overdue = ordered.filter { PledgeFacts.openDeadline($0).map { $0 < now } ?? false }.count
    roles.append(PledgeCard.Fact(name: "overdue", value: String(overdue)))
    let subtitle = [ReportFormat.label(actor.kind), actor.role, actor.countryCode, actor.description]
      .filter { !$0.isEmpty && $0 != "unspecified" }.joined(separator: " · ")
    let scope = includesAffiliated ? "pledges it or its affiliated actors made or announced" : "pledges it made or announced"
    return View(
      header: PageHeader(kind: "actor scorecard", title: actor.canonicalName, subtitle: subtitle, now: now, source: source, notes: notes),
      meter: StatusMeter(counts: counts).view(title: "\(ordered.count) \(scope), by status"),
      roles: roles,
      timelines: TimelineChart(lanes: ordered.map { TimelineChart.Lane($0, directory: directory, now: now) }, now: now)
        .figures(title: "Timeline: each pledge from when it was made, with its status changes and evidence"),
      cards: ordered.map { PledgeCard($0, directory: directory, now: now) }
    )
  }
}
