import PledgewireWire

extension TimelineChart.Lane {
  /// The pledge's lane: from when it was made to its final status or `now`; a mark for every status change, a tick
  /// for every piece of evidence that changed no status and for a condition's change, and its deadline.
  init(_ pledge: Pledge, directory: ReportDirectory, now: Int64) {
    let created = pledge.history.first?.atMs ?? (pledge.createdAtMs != 0 ? pledge.createdAtMs : now)
    let start = pledge.madePrecision == .unknown || pledge.madeAtMs == 0 ? created : pledge.madeAtMs
    let final = PledgeFacts.isFinal(pledge.status)
    let end = final ? max(start, pledge.history.last?.atMs ?? start) : max(start, now)
    var marks: [TimelineChart.Mark] = pledge.history.map { change in
      var title = "\(ReportFormat.date(change.atMs)): "
      title += change.fromStatus == .unspecified ? StatusStyle(change.toStatus).label : "\(StatusStyle(change.fromStatus).label) → \(StatusStyle(change.toStatus).label)"
      if change.reopened { title += " (reopened)" }
      if !change.note.isEmpty { title += ". \(change.note)" }
      if let evidence = change.evidence {
        title += " — \(directory.source(evidence.articleID).title)"
      }
      return TimelineChart.Mark(at: change.atMs, status: change.toStatus, title: title)
    }
    let statusEvidence = Set(pledge.history.compactMap { $0.evidence?.id }.filter { $0 != 0 })
    for evidence in pledge.evidence where !statusEvidence.contains(evidence.id) || evidence.id == 0 {
      let at = PledgeFacts.evidenceTime(evidence, directory: directory)
      guard at != 0 else { continue }
      let source = directory.source(evidence.articleID)
      let outlet = source.outlet.map { "\($0), \(source.title)" } ?? source.title
      marks.append(TimelineChart.Mark(at: at, status: nil, title: "\(ReportFormat.date(at, precision: .day)): \(ReportFormat.label(evidence.stance)) — \(outlet)"))
    }
    if let condition = pledge.condition, condition.changedAtMs != 0, condition.state != .pending {
      marks.append(TimelineChart.Mark(at: condition.changedAtMs, status: nil, title: "\(ReportFormat.date(condition.changedAtMs)): condition \(ReportFormat.label(condition.state)): \(condition.text)"))
    }
    let due = ReportFormat.dueEnd(pledge.dueAtMs, precision: pledge.duePrecision)
    let overdue = due.map { $0 < now && !final } ?? false
    self.init(
      label: "#\(pledge.id) \(pledge.action)",
      href: "#pledge-\(pledge.id)",
      start: start,
      end: end,
      status: pledge.status,
      marks: marks.sorted { $0.at < $1.at },
      due: due,
      dueTitle: "due \(ReportFormat.date(pledge.dueAtMs, precision: pledge.duePrecision))\(overdue ? " — overdue" : "")",
      overdue: overdue
    )
  }
}
