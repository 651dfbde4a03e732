import PledgewireWire

/// A status as a report writes it in text: its shape, as a small inline SVG, and its word, optionally with a count.
struct StatusTag: Sendable {
  let label: String
  let cls: String
  let paint: String
  /// The shape centred on (0, 0), radius 5.
  let d: String
  let symbol: String
  let count: String?

  init(_ status: PledgeStatus, count: Int? = nil) {
    let style = StatusStyle(status)
    label = style.label
    cls = style.cssClass
    paint = style.shape.paint
    d = style.path(x: 0, y: 0, r: 5)
    symbol = style.symbol
    self.count = count.map(String.init)
  }
}
