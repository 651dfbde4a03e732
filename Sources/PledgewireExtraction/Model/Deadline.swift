/// When a pledge is due: "by 2035" (year), "by the end of March 2026" (month), "by 1 June" (day).
public struct Deadline: Hashable, Sendable {
  public var year: Int
  /// 1...12; nil at year precision.
  public var month: Int?
  /// 1...31; nil unless the precision is `.day`.
  public var day: Int?
  public var precision: DatePrecision
  /// The first instant of the day, month or year named, in Unix milliseconds UTC: read it with ``precision``.
  public var ms: Int64
  public var excerpt: Excerpt

  public init(year: Int, month: Int?, day: Int?, precision: DatePrecision, ms: Int64, excerpt: Excerpt) {
    self.year = year
    self.month = month
    self.day = day
    self.precision = precision
    self.ms = ms
    self.excerpt = excerpt
  }
}
