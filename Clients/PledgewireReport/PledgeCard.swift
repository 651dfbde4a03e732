import PledgewireWire

/// A pledge as a report's `card` template shows it: terms, parties, figures, links, and every evidence quote with
/// its source.
struct PledgeCard: Sendable {
  struct Fact: Sendable {
    let name: String
    let value: String
  }

  struct EvidenceView: Sendable {
    let stance: String
    let quote: String
    let source: SourceView
    let reported: String?
    let note: String?
  }

  let anchor: String
  let id: String
  let action: String
  let status: StatusTag
  let overdue: Bool
  let facts: [Fact]
  let labels: [String]
  let evidence: [EvidenceView]

  init(_ pledge: Pledge, directory: ReportDirectory, now: Int64) {
    anchor = "pledge-\(pledge.id)"
    id = String(pledge.id)
    action = pledge.action
    status = StatusTag(pledge.status)
    let due = PledgeFacts.openDeadline(pledge)
    overdue = due.map { $0 < now } ?? false
    labels = pledge.labels

    var facts: [Fact] = []
    func add(_ name: String, _ value: String) {
      if !value.isEmpty { facts.append(Fact(name: name, value: value)) }
    }
    add("category", ReportFormat.label(pledge.category))
    add("modality", pledge.modality == .unspecified ? "" : ReportFormat.label(pledge.modality))
    add("made", ReportFormat.date(pledge.madeAtMs, precision: pledge.madePrecision))
    if pledge.dueAtMs != 0 || pledge.duePrecision == .unknown {
      let text = ReportFormat.date(pledge.dueAtMs, precision: pledge.duePrecision)
      add("due", overdue ? "\(text) (overdue by \(ReportFormat.days(from: due ?? now, to: now)) days)" : text)
    }
    let makers = directory.names(pledge, .maker).joined(separator: ", ")
    add("makers", pledge.makersIncomplete ? (makers.isEmpty ? "others" : makers + " and others") : makers)
    add("announced by", directory.names(pledge, .announcer).joined(separator: ", "))
    add("for", directory.names(pledge, .beneficiary).joined(separator: ", "))
    add("opted out", pledge.parties.filter(\.optedOut).map { directory.name($0.actorID) }.joined(separator: ", "))
    if let condition = pledge.condition {
      add("condition", "\(condition.text) (\(condition.state == .unspecified ? "pending" : ReportFormat.label(condition.state)))")
    }
    add("amount", pledge.amount.map(ReportFormat.money) ?? "")
    add("quantity", pledge.quantity.map(ReportFormat.quantity) ?? "")
    add("target", pledge.target.map(ReportFormat.ratio) ?? "")
    for stage in pledge.stageAmounts {
      add(ReportFormat.label(stage.stage), [stage.amount.map(ReportFormat.money) ?? "", stage.asOfMs == 0 ? "" : "as of \(ReportFormat.date(stage.asOfMs, precision: .day))"].filter { !$0.isEmpty }.joined(separator: " "))
    }
    add("part of", pledge.partOfID == 0 ? "" : "#\(pledge.partOfID)")
    add("supersedes", pledge.supersedesID == 0 ? "" : "#\(pledge.supersedesID)")
    add("merged into", pledge.mergedIntoID == 0 ? "" : "#\(pledge.mergedIntoID)")
    add("duplicates merged", pledge.mergedIDs.map { "#\($0)" }.joined(separator: ", "))
    add("note", pledge.note)
    if let extraction = pledge.extraction {
      add("extracted by", "\(extraction.extractor) (confidence \(Int((extraction.confidence * 100).rounded()))%)")
    }
    self.facts = facts

    evidence = pledge.evidence.map { evidence in
      var figures = [evidence.reportedAmount.map(ReportFormat.money), evidence.reportedQuantity.map(ReportFormat.quantity)].compactMap { $0 }
      if evidence.partyActorID != 0 {
        figures.append("concerns \(directory.name(evidence.partyActorID))")
      }
      return EvidenceView(
        stance: ReportFormat.label(evidence.stance),
        quote: evidence.quote,
        source: directory.source(evidence.articleID),
        reported: figures.isEmpty ? nil : figures.joined(separator: "; "),
        note: evidence.note.isEmpty ? nil : evidence.note
      )
    }
  }
}
