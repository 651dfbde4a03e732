import PledgewireWire

/// How a report shows a pledge status: a word, a colour (a CSS class) and a shape, so that the status reads
/// without colour too — in print, in greyscale and for colour-blind readers.
struct StatusStyle: Sendable {
  /// The marks statuses are drawn with.
  enum Shape: Sendable {
    case ring, triangle, square, diamond, check, cross, bar
  }

  let status: PledgeStatus
  /// "in progress".
  let label: String
  /// "s-in-progress": the colour, from the report's stylesheet.
  let cssClass: String
  let shape: Shape
  /// "▶": the shape as a character, for text.
  let symbol: String

  /// The statuses a pledge moves through, in the order reports list them.
  static let ordered: [PledgeStatus] = [.announced, .inProgress, .partiallyFulfilled, .fulfilled, .stalled, .broken, .withdrawn]

  init(_ status: PledgeStatus) {
    self.status = status
    switch status {
    case .announced: (label, cssClass, shape, symbol) = ("announced", "s-announced", .ring, "○")
    case .inProgress: (label, cssClass, shape, symbol) = ("in progress", "s-in-progress", .triangle, "▶")
    case .partiallyFulfilled: (label, cssClass, shape, symbol) = ("partially fulfilled", "s-partially-fulfilled", .diamond, "◆")
    case .fulfilled: (label, cssClass, shape, symbol) = ("fulfilled", "s-fulfilled", .check, "✓")
    case .stalled: (label, cssClass, shape, symbol) = ("stalled", "s-stalled", .square, "■")
    case .broken: (label, cssClass, shape, symbol) = ("broken", "s-broken", .cross, "✕")
    case .withdrawn: (label, cssClass, shape, symbol) = ("withdrawn", "s-withdrawn", .bar, "—")
    case .unspecified: (label, cssClass, shape, symbol) = ("no status", "s-other", .bar, "—")
    case .unrecognized: (label, cssClass, shape, symbol) = (ReportFormat.label(status), "s-other", .bar, "—")
    }
  }

  /// SVG path data for the shape centred on (x, y), `r` from the centre to its edge.
  func path(x: Double, y: Double, r: Double) -> String {
    Self.path(shape, x: x, y: y, r: r)
  }

  static func path(_ shape: Shape, x: Double, y: Double, r: Double) -> String {
    let n = SVGNumber.self
    switch shape {
    case .ring:
      return "M\(n.f(x - r)),\(n.f(y))a\(n.f(r)),\(n.f(r)) 0 1,0 \(n.f(2 * r)),0a\(n.f(r)),\(n.f(r)) 0 1,0 \(n.f(-2 * r)),0Z"
    case .triangle:
      return "M\(n.f(x - r * 0.8)),\(n.f(y - r))L\(n.f(x + r)),\(n.f(y))L\(n.f(x - r * 0.8)),\(n.f(y + r))Z"
    case .square:
      let s = r * 0.8
      return "M\(n.f(x - s)),\(n.f(y - s))H\(n.f(x + s))V\(n.f(y + s))H\(n.f(x - s))Z"
    case .diamond:
      return "M\(n.f(x)),\(n.f(y - r))L\(n.f(x + r)),\(n.f(y))L\(n.f(x)),\(n.f(y + r))L\(n.f(x - r)),\(n.f(y))Z"
    case .check:
      return "M\(n.f(x - r)),\(n.f(y))L\(n.f(x - r * 0.3)),\(n.f(y + r * 0.75))L\(n.f(x + r)),\(n.f(y - r * 0.8))"
    case .cross:
      return "M\(n.f(x - r * 0.8)),\(n.f(y - r * 0.8))L\(n.f(x + r * 0.8)),\(n.f(y + r * 0.8))M\(n.f(x - r * 0.8)),\(n.f(y + r * 0.8))L\(n.f(x + r * 0.8)),\(n.f(y - r * 0.8))"
    case .bar:
      return "M\(n.f(x - r)),\(n.f(y))H\(n.f(x + r))"
    }
  }
}

extension StatusStyle.Shape {
  /// "open", "solid" or "line": how the stylesheet paints the shape.
  var paint: String {
    switch self {
    case .ring: "open"
    case .triangle, .square, .diamond: "solid"
    case .check, .cross, .bar: "line"
    }
  }
}
