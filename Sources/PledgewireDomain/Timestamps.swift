import PledgewireStorage
import PledgewireWire

/// Checks for the timestamp fields of requests (Unix milliseconds, UTC); each throws `INVALID_ARGUMENT` naming the
/// field. Dates must lie between 1800 and 2200, a date that has happened may be at most ``clockSkew`` ahead of the
/// server's clock, and a date with a precision must be the first instant of its day, month or year.
enum Timestamps {
  /// 1800-01-01T00:00:00Z.
  static let earliest: Int64 = -5_364_662_400_000
  /// 2200-01-01T00:00:00Z.
  static let latest: Int64 = 7_258_118_400_000
  /// How far ahead of the server's clock a past event may be dated: clients' clocks drift.
  static let clockSkew: Int64 = 5 * 60_000

  /// A date in the supported range.
  static func inRange(_ value: Int64, _ field: String) throws {
    guard value >= earliest && value < latest else {
      throw RPCError.invalidArgument(field: field, "\(value) is not a date between 1800 and 2200 (Unix milliseconds)")
    }
  }

  /// A date that has already happened: in range, and not after `now` plus the clock skew.
  static func past(_ value: Int64, _ field: String, now: Int64) throws {
    try inRange(value, field)
    guard value <= now + clockSkew else {
      throw RPCError.invalidArgument(field: field, "\(DatePeriod.iso8601(value)) is in the future")
    }
  }

  /// A date with a precision: the timestamp is 0 exactly when the precision is UNKNOWN (or, when `optional`, when
  /// there is no date at all), and a DAY, MONTH or YEAR date is the first instant of its period.
  static func withPrecision(
    _ value: Int64, _ precision: DatePrecision, _ field: String, _ precisionField: String, optional: Bool, now: Int64?
  ) throws {
    try FieldCheck.known(precision, precisionField, allowUnspecified: true)
    if precision == .unknown || value == 0 {
      guard value == 0 else {
        throw RPCError.invalidArgument(field: field, "must be 0 when \(precisionField) is DATE_PRECISION_UNKNOWN")
      }
      guard precision == .unknown || optional else {
        throw RPCError.invalidArgument(field: field, "is required (Unix milliseconds); set \(precisionField) to DATE_PRECISION_UNKNOWN when the date is not known")
      }
      return
    }
    if let now {
      try past(value, field, now: now)
    } else {
      try inRange(value, field)
    }
    guard DatePeriod.isAligned(value, precision) else {
      let start = DatePeriod.start(of: value, precision)
      throw RPCError.invalidArgument(
        field: field,
        "\(DatePeriod.iso8601(value)) is not the first instant of its \(precisionName(precision)) (\(DatePeriod.iso8601(start))), as \(precisionField) \(precision.name) requires"
      )
    }
  }

  static func precisionName(_ precision: DatePrecision) -> String {
    switch precision {
    case .day: "day"
    case .month: "month"
    case .year: "year"
    default: "instant"
    }
  }
}
