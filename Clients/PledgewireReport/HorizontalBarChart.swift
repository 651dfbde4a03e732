/// Values side by side as labelled horizontal bars on a common scale from zero: the figures several sources give
/// for one pledge, or the pledges each maker made.
struct HorizontalBarChart: Sendable {
  struct Row: Sendable {
    let label: String
    let value: Double
    /// The value as written beside the bar: "GBP 2,260,000,000".
    let text: String
  }

  let rows: [Row]
  var width = 960.0
  var labelWidth = 300.0
  var rowHeight = 22.0

  func view(title: String) -> HorizontalBarsView {
    let maximum = rows.map(\.value).max().map { $0 > 0 ? $0 : 1 } ?? 1
    let barSpace = width - labelWidth - 200
    return HorizontalBarsView(
      title: title,
      width: SVGNumber.f(width),
      height: SVGNumber.f(rowHeight * Double(rows.count) + 4),
      rows: rows.enumerated().map { index, row in
        let y = rowHeight * Double(index) + 2
        let barWidth = max(1, barSpace * max(0, row.value) / maximum)
        return HorizontalBarsView.RowView(
          label: TimelineChart.truncated(row.label, to: Int(labelWidth / 6.6)),
          labelY: SVGNumber.f(y + rowHeight * 0.65),
          x: SVGNumber.f(labelWidth),
          y: SVGNumber.f(y + 3),
          barWidth: SVGNumber.f(barWidth),
          barHeight: SVGNumber.f(rowHeight - 6),
          valueX: SVGNumber.f(labelWidth + barWidth + 6),
          text: row.text,
          title: "\(row.label): \(row.text)"
        )
      }
    )
  }
}

/// What the `hbars` template draws.
struct HorizontalBarsView: Sendable {
  struct RowView: Sendable {
    let label: String
    let labelY: String
    let x: String
    let y: String
    let barWidth: String
    let barHeight: String
    let valueX: String
    let text: String
    let title: String
  }

  let title: String
  let width: String
  let height: String
  let rows: [RowView]
}
