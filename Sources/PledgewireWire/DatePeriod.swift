/// Dates with a precision (``DatePrecision``), in UTC: a MONTH or YEAR date holds the first instant of its period,
/// and falls due at the period's end. Proleptic Gregorian calendar, computed without Foundation's calendars.
public enum DatePeriod {
  public static let day: Int64 = 86_400_000

  /// A civil date.
  public struct Civil: Sendable, Hashable {
    public var year: Int64
    public var month: Int64
    public var day: Int64

    public init(year: Int64, month: Int64, day: Int64) {
      self.year = year
      self.month = month
      self.day = day
    }
  }

  /// Days from 1970-01-01 to a civil date (Howard Hinnant's algorithm).
  public static func days(from date: Civil) -> Int64 {
    let year = date.month <= 2 ? date.year - 1 : date.year
    let era = (year >= 0 ? year : year - 399) / 400
    let yearOfEra = year - era * 400
    let dayOfYear = (153 * (date.month + (date.month > 2 ? -3 : 9)) + 2) / 5 + date.day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return era * 146_097 + dayOfEra - 719_468
  }

  /// The civil date of a day count from 1970-01-01.
  public static func civil(fromDays days: Int64) -> Civil {
    let z = days + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let dayOfEra = z - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let mp = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * mp + 2) / 5 + 1
    let month = mp < 10 ? mp + 3 : mp - 9
    return Civil(year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month: month, day: day)
  }

  /// The number of days in a month.
  public static func daysInMonth(year: Int64, month: Int64) -> Int64 {
    switch month {
    case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }

  /// The civil date of a timestamp (UTC).
  public static func civil(_ milliseconds: Int64) -> Civil {
    civil(fromDays: floorDivide(milliseconds, day))
  }

  /// Midnight UTC of a civil date.
  public static func milliseconds(_ date: Civil) -> Int64 {
    days(from: date) * day
  }

  /// The first instant of the period `precision` names that holds `milliseconds`.
  public static func start(of milliseconds: Int64, _ precision: DatePrecision) -> Int64 {
    let date = civil(milliseconds)
    switch precision {
    case .day: return self.milliseconds(date)
    case .month: return self.milliseconds(Civil(year: date.year, month: date.month, day: 1))
    case .year: return self.milliseconds(Civil(year: date.year, month: 1, day: 1))
    default: return milliseconds
    }
  }

  /// Whether `milliseconds` is the first instant of its period.
  public static func isAligned(_ milliseconds: Int64, _ precision: DatePrecision) -> Bool {
    start(of: milliseconds, precision) == milliseconds
  }

  /// The first instant after the period that starts at `milliseconds`: the next day, month or year; for an exact
  /// instant, the next millisecond. A deadline falls due there.
  public static func end(of milliseconds: Int64, _ precision: DatePrecision) -> Int64 {
    let date = civil(milliseconds)
    switch precision {
    case .day: return self.milliseconds(date) + day
    case .month:
      return self.milliseconds(date.month == 12 ? Civil(year: date.year + 1, month: 1, day: 1) : Civil(year: date.year, month: date.month + 1, day: 1))
    case .year: return self.milliseconds(Civil(year: date.year + 1, month: 1, day: 1))
    default: return milliseconds + 1
    }
  }

  private static func floorDivide(_ a: Int64, _ b: Int64) -> Int64 {
    a >= 0 ? a / b : -((-a + b - 1) / b)
  }

  /// ISO-8601 text for a timestamp at a precision: "2025", "2025-03", "2025-03-02", "2025-03-02T16:00:00.000Z".
  public static func iso8601(_ milliseconds: Int64, _ precision: DatePrecision = .unspecified) -> String {
    let date = civil(milliseconds)
    let year = date.year < 0 ? "-" + pad(-date.year, 4) : pad(date.year, 4)
    switch precision {
    case .year: return year
    case .month: return "\(year)-\(pad(date.month, 2))"
    case .day: return "\(year)-\(pad(date.month, 2))-\(pad(date.day, 2))"
    default:
      let inDay = milliseconds - self.milliseconds(date)
      return "\(year)-\(pad(date.month, 2))-\(pad(date.day, 2))T\(pad(inDay / 3_600_000, 2)):\(pad(inDay / 60_000 % 60, 2)):\(pad(inDay / 1_000 % 60, 2)).\(pad(inDay % 1_000, 3))Z"
    }
  }

  private static func pad(_ value: Int64, _ width: Int) -> String {
    let text = String(value)
    return String(repeating: "0", count: max(0, width - text.count)) + text
  }
}
