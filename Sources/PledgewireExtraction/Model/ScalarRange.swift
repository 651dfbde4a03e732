/// A half-open range [start, end) of Unicode scalar offsets into the text given to ``Extractor/extract(_:publishedAtMs:)``:
/// the unit article evidence ranges count in.
public struct ScalarRange: Hashable, Sendable, Comparable, CustomStringConvertible {
  public var start: Int
  public var end: Int

  public init(start: Int, end: Int) {
    precondition(start <= end, "a range cannot end before it starts")
    self.start = start
    self.end = end
  }

  /// The number of scalars covered.
  public var count: Int { end - start }

  /// Whether the two ranges share at least one scalar.
  public func overlaps(_ other: ScalarRange) -> Bool { start < other.end && other.start < end }

  /// Whether `other` lies inside this range.
  public func contains(_ other: ScalarRange) -> Bool { start <= other.start && other.end <= end }

  public static func < (lhs: ScalarRange, rhs: ScalarRange) -> Bool {
    (lhs.start, lhs.end) < (rhs.start, rhs.end)
  }

  public var description: String { "[\(start), \(end))" }
}
