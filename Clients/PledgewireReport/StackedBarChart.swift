import PledgewireWire

/// Counts by status per period (a month), drawn as stacked bars on a count axis, each segment titled with its
/// period, status and count. The view also carries the counts as table rows, so that the figures read without
/// colour and without the chart.
struct StackedBarChart: Sendable {
  /// One period's bar.
  struct Bar: Sendable {
    let label: String
    let counts: [PledgeStatus: Int]
    var total: Int { counts.values.reduce(0, +) }
  }

  let bars: [Bar]
  var width = 960.0
  var height = 200.0
  /// Whether the view carries the counts as table rows.
  var withTable = true

  func view(title: String) -> BarChartView {
    let left = 40.0
    let bottom = height - 22
    let top = 8.0
    let maximum = max(1, bars.map(\.total).max() ?? 1)
    let step = Self.niceStep(maximum, maxTicks: 5)
    let axisMax = (maximum + step - 1) / step * step
    let slot = (width - left - 8) / Double(max(1, bars.count))
    let barWidth = max(1, min(48, slot * 0.7))
    let labelEvery = max(1, Int((Double(bars.count) / 12).rounded(.up)))
    let statuses = StatusStyle.ordered.filter { status in bars.contains { ($0.counts[status] ?? 0) > 0 } }
    func y(_ count: Int) -> Double { bottom - (bottom - top) * Double(count) / Double(axisMax) }

    let barViews = bars.enumerated().map { index, bar -> BarChartView.BarView in
      let x = left + slot * (Double(index) + 0.5)
      var running = 0
      var segments: [BarChartView.SegmentView] = []
      for status in StatusStyle.ordered {
        let count = bar.counts[status] ?? 0
        guard count > 0 else { continue }
        let style = StatusStyle(status)
        segments.append(BarChartView.SegmentView(
          x: SVGNumber.f(x - barWidth / 2), y: SVGNumber.f(y(running + count)), width: SVGNumber.f(barWidth),
          height: SVGNumber.f(y(running) - y(running + count)), cls: "segment \(style.cssClass)",
          title: "\(bar.label): \(count) \(style.label)"
        ))
        running += count
      }
      return BarChartView.BarView(
        label: index % labelEvery == 0 ? bar.label : "", labelX: SVGNumber.f(x), labelY: SVGNumber.f(bottom + 15),
        segments: segments
      )
    }
    return BarChartView(
      title: title,
      width: SVGNumber.f(width),
      height: SVGNumber.f(height),
      axisX: SVGNumber.f(left),
      axisY: SVGNumber.f(bottom),
      axisRight: SVGNumber.f(width - 4),
      yTicks: stride(from: 0, through: axisMax, by: step).map {
        TickView(x: SVGNumber.f(left - 6), y: SVGNumber.f(y($0) + 4), label: String($0), y1: SVGNumber.f(y($0)), y2: SVGNumber.f(y($0)))
      },
      bars: barViews,
      legend: statuses.map { StatusTag($0) },
      columns: statuses.map { StatusTag($0) },
      rows: !withTable ? [] : bars.filter { $0.total > 0 }.map { bar in
        BarChartView.RowView(label: bar.label, counts: statuses.map { String(bar.counts[$0] ?? 0) }, total: String(bar.total))
      }
    )
  }

  /// 1, 2 or 5 times a power of ten, so that about `maxTicks` ticks cover `maximum`.
  static func niceStep(_ maximum: Int, maxTicks: Int) -> Int {
    var magnitude = 1
    while true {
      for factor in [1, 2, 5] where (maximum + factor * magnitude - 1) / (factor * magnitude) <= maxTicks {
        return factor * magnitude
      }
      magnitude *= 10
    }
  }
}

/// What the `bars` template draws: one stacked bar chart and the table of its counts.
struct BarChartView: Sendable {
  struct SegmentView: Sendable {
    let x: String
    let y: String
    let width: String
    let height: String
    let cls: String
    let title: String
  }

  struct BarView: Sendable {
    let label: String
    let labelX: String
    let labelY: String
    let segments: [SegmentView]
  }

  struct RowView: Sendable {
    let label: String
    let counts: [String]
    let total: String
  }

  let title: String
  let width: String
  let height: String
  let axisX: String
  let axisY: String
  let axisRight: String
  let yTicks: [TickView]
  let bars: [BarView]
  let legend: [StatusTag]
  let columns: [StatusTag]
  let rows: [RowView]
}
