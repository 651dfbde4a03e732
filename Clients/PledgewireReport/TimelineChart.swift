import PledgewireWire

/// Pledges as lanes on a time axis: each lane runs from when the pledge was made to its final status or to now,
/// coloured by its status, with a mark shaped by status for every status change, a tick for every other piece of
/// evidence and a flag at the deadline. Long timelines are cut into figures of `lanesPerFigure` lanes that share
/// the axis, so that a printed page breaks between figures rather than through one.
struct TimelineChart: Sendable {
  /// A point on a lane.
  struct Mark: Sendable {
    let at: Int64
    /// The status entered, drawn by its shape; nil for evidence that changed no status (a tick).
    let status: PledgeStatus?
    /// What the mark says, shown as its tooltip and read by screen readers.
    let title: String
  }

  /// One pledge.
  struct Lane: Sendable {
    var label: String
    /// Where the label links to: "#pledge-12".
    let href: String
    let start: Int64
    let end: Int64
    let status: PledgeStatus
    let marks: [Mark]
    /// When the deadline falls due, and how it reads.
    let due: Int64?
    let dueTitle: String
    let overdue: Bool
  }

  let lanes: [Lane]
  let now: Int64
  var width = 960.0
  var labelWidth = 330.0
  var laneHeight = 24.0
  var lanesPerFigure = 30

  /// The figures, each an SVG view for the `timeline` template.
  func figures(title: String) -> [TimelineView] {
    let scale = TimeScale(covering: lanes.flatMap { [$0.start, $0.end] + ($0.due.map { [$0] } ?? []) } + [now], from: labelWidth + 10, to: width - 30)
    let ticks = scale.ticks(maxCount: 8)
    let chunks = stride(from: 0, to: lanes.count, by: max(1, lanesPerFigure)).map { Array(lanes[$0..<min($0 + lanesPerFigure, lanes.count)]) }
    return chunks.enumerated().map { index, chunk in
      let axisHeight = 26.0
      let height = axisHeight + laneHeight * Double(chunk.count) + 6
      let part = chunks.count > 1 ? " (\(index + 1) of \(chunks.count))" : ""
      return TimelineView(
        title: title + part,
        width: SVGNumber.f(width),
        height: SVGNumber.f(height),
        ticks: ticks.map { TickView(x: SVGNumber.f($0.x), y: "16", label: $0.label, y1: SVGNumber.f(axisHeight - 6), y2: SVGNumber.f(height - 4)) },
        nowX: SVGNumber.f(scale.x(now)),
        nowY1: SVGNumber.f(axisHeight - 6),
        nowY2: SVGNumber.f(height - 4),
        nowTitle: "now: \(ReportFormat.date(now, precision: .day))",
        lanes: chunk.enumerated().map { row, lane in
          laneView(lane, y: axisHeight + laneHeight * (Double(row) + 0.5), scale: scale)
        }
      )
    }
  }

  private func laneView(_ lane: Lane, y: Double, scale: TimeScale) -> TimelineView.LaneView {
    let style = StatusStyle(lane.status)
    let radius = laneHeight * 0.28
    let marks = lane.marks.map { mark -> TimelineView.MarkView in
      let x = scale.x(mark.at)
      if let status = mark.status {
        let markStyle = StatusStyle(status)
        return TimelineView.MarkView(d: markStyle.path(x: x, y: y, r: radius), cls: "mark \(markStyle.cssClass) \(markStyle.shape.paint)", title: mark.title)
      }
      // Below the lane, so that a quote published the day of a status change does not hide its mark.
      return TimelineView.MarkView(d: "M\(SVGNumber.f(x)),\(SVGNumber.f(y + radius * 0.9))V\(SVGNumber.f(y + radius * 1.8))", cls: "mark evidence line", title: mark.title)
    }
    let deadline = lane.due.map { due -> TimelineView.MarkView in
      let x = scale.x(due)
      let top = y - laneHeight * 0.45
      return TimelineView.MarkView(
        d: "M\(SVGNumber.f(x)),\(SVGNumber.f(y + laneHeight * 0.4))V\(SVGNumber.f(top))h6l-2,3l2,3h-6",
        cls: lane.overdue ? "deadline overdue" : "deadline",
        title: lane.dueTitle
      )
    }
    return TimelineView.LaneView(
      label: Self.truncated(lane.label, to: Int(labelWidth / 6.6)),
      fullLabel: lane.label,
      href: lane.href,
      labelX: "4",
      labelY: SVGNumber.f(y + 4),
      x1: SVGNumber.f(scale.x(lane.start)),
      x2: SVGNumber.f(max(scale.x(lane.end), scale.x(lane.start) + 1)),
      y: SVGNumber.f(y),
      cls: "lane \(style.cssClass)",
      statusLabel: style.label,
      marks: marks,
      deadline: deadline
    )
  }

  /// The text cut to `count` characters with an ellipsis.
  static func truncated(_ text: String, to count: Int) -> String {
    text.count <= count ? text : String(text.prefix(max(1, count - 1))) + "…"
  }
}
