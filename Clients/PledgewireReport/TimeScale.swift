/// Maps instants to horizontal positions on a chart and picks the dates its axis labels: month starts for spans
/// up to a few years, year starts beyond.
struct TimeScale: Sendable {
  /// A labelled position on the axis.
  struct Tick: Sendable {
    let x: Double
    let label: String
  }

  /// The first and last instant shown, Unix milliseconds.
  let start: Int64
  let end: Int64
  /// Where `start` and `end` fall.
  let x0: Double
  let x1: Double

  /// A scale covering every instant of `instants` (at least one day around a single one), padded to whole months.
  init(covering instants: some Sequence<Int64>, from x0: Double, to x1: Double) {
    var low = Int64.max
    var high = Int64.min
    for instant in instants {
      low = min(low, instant)
      high = max(high, instant)
    }
    if low > high {
      (low, high) = (0, CivilDate.millisecondsPerDay)
    }
    let first = CivilDate(milliseconds: low)
    let last = CivilDate(milliseconds: high)
    start = CivilDate(year: first.year, month: first.month).milliseconds
    end = max(CivilDate(year: last.year, month: last.month).addingMonths(1).milliseconds, start + CivilDate.millisecondsPerDay)
    self.x0 = x0
    self.x1 = x1
  }

  func x(_ instant: Int64) -> Double {
    let clamped = min(max(instant, start), end)
    return x0 + (x1 - x0) * Double(clamped - start) / Double(end - start)
  }

  /// Labelled month or year starts, at most `maxCount` of them.
  func ticks(maxCount: Int) -> [Tick] {
    let first = CivilDate(milliseconds: start)
    let months = (CivilDate(milliseconds: end).year - first.year) * 12 + CivilDate(milliseconds: end).month - first.month
    let limit = max(1, maxCount)
    if months <= limit * 12 && months <= 48 {
      let step = [1, 2, 3, 4, 6, 12].first { (months + $0 - 1) / $0 <= limit } ?? 12
      return stride(from: 0, through: months, by: step).map { offset in
        let date = first.addingMonths(offset)
        return Tick(x: x(date.milliseconds), label: date.isoMonth)
      }
    }
    let years = months / 12 + 1
    let step = [1, 2, 5, 10, 20, 50, 100, 1_000].first { (years + $0 - 1) / $0 <= limit } ?? 1_000
    let firstYear = (first.year + step - 1) / step * step
    return stride(from: firstYear, through: CivilDate(milliseconds: end).year, by: step).compactMap { year in
      let instant = CivilDate(year: year, month: 1).milliseconds
      return instant >= start && instant <= end ? Tick(x: x(instant), label: String(year)) : nil
    }
  }
}
