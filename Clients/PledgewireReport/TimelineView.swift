/// What the `timeline` template draws: one SVG figure of lanes.
struct TimelineView: Sendable {
  struct LaneView: Sendable {
    let label: String
    let fullLabel: String
    let href: String
    let labelX: String
    let labelY: String
    let x1: String
    let x2: String
    let y: String
    let cls: String
    let statusLabel: String
    let marks: [MarkView]
    /// The flag at the deadline.
    let deadline: MarkView?
  }

  struct MarkView: Sendable {
    let d: String
    let cls: String
    let title: String
  }

  let title: String
  let width: String
  let height: String
  let ticks: [TickView]
  let nowX: String
  let nowY1: String
  let nowY2: String
  let nowTitle: String
  let lanes: [LaneView]
}

/// A labelled axis position and its grid line.
struct TickView: Sendable {
  let x: String
  let y: String
  let label: String
  let y1: String
  let y2: String
}
