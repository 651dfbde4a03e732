import PledgewireWire

/// Counts by status as a meter: one bar split in proportion to the counts, each segment titled and, where it is
/// wide enough, marked with its status's shape; every status is listed beside it with its shape, word and count.
struct StatusMeter: Sendable {
  let counts: [PledgeStatus: Int]
  var width = 960.0
  var height = 28.0

  var total: Int { counts.values.reduce(0, +) }

  func view(title: String) -> MeterView {
    let total = self.total
    var x = 0.0
    var segments: [MeterView.SegmentView] = []
    for status in StatusStyle.ordered {
      let count = counts[status] ?? 0
      guard count > 0 else { continue }
      let style = StatusStyle(status)
      let segmentWidth = width * Double(count) / Double(total)
      let centre = x + segmentWidth / 2
      segments.append(MeterView.SegmentView(
        x: SVGNumber.f(x), width: SVGNumber.f(segmentWidth), cls: "segment \(style.cssClass)",
        title: "\(style.label): \(count) of \(total)",
        glyph: segmentWidth >= 18 ? style.path(x: centre, y: height / 2, r: 6) : nil,
        paint: style.shape.paint
      ))
      x += segmentWidth
    }
    return MeterView(
      title: title,
      width: SVGNumber.f(width),
      height: SVGNumber.f(height),
      total: String(total),
      segments: segments,
      entries: StatusStyle.ordered.map { StatusTag($0, count: counts[$0] ?? 0) }
    )
  }
}

/// What the `meter` template draws.
struct MeterView: Sendable {
  struct SegmentView: Sendable {
    let x: String
    let width: String
    let cls: String
    let title: String
    let glyph: String?
    let paint: String
  }

  let title: String
  let width: String
  let height: String
  let total: String
  let segments: [SegmentView]
  let entries: [StatusTag]
}
