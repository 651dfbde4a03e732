/// A day of the proleptic Gregorian calendar in UTC, converted to and from Unix milliseconds without Foundation's
/// locale-dependent calendars (Howard Hinnant's days-from-civil algorithms).
struct CivilDate: Hashable, Comparable, Sendable {
  var year: Int
  var month: Int  // 1...12
  var day: Int  // 1...31

  static let millisecondsPerDay: Int64 = 86_400_000

  init(year: Int, month: Int, day: Int = 1) {
    self.year = year
    self.month = month
    self.day = day
  }

  /// The UTC day holding `milliseconds`.
  init(milliseconds: Int64) {
    let days = Int(milliseconds >= 0 ? milliseconds / Self.millisecondsPerDay : (milliseconds - Self.millisecondsPerDay + 1) / Self.millisecondsPerDay)
    let z = days + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let dayOfEra = z - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let monthIndex = (5 * dayOfYear + 2) / 153
    day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
    month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
    year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
  }

  /// Midnight UTC at the start of the day.
  var milliseconds: Int64 {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yearOfEra = y - era * 400
    let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return Int64(era * 146_097 + dayOfEra - 719_468) * Self.millisecondsPerDay
  }

  /// The first day of the month `count` months later (earlier when negative).
  func addingMonths(_ count: Int) -> CivilDate {
    let index = year * 12 + (month - 1) + count
    let newYear = index >= 0 ? index / 12 : (index - 11) / 12
    return CivilDate(year: newYear, month: index - newYear * 12 + 1)
  }

  /// "2025-03-02".
  var iso: String { "\(isoMonth)-\(Self.pad(day))" }
  /// "2025-03".
  var isoMonth: String { "\(isoYear)-\(Self.pad(month))" }
  /// "2025", four digits at least.
  var isoYear: String {
    year >= 0 && year < 1_000 ? String(repeating: "0", count: 4 - String(year).count) + String(year) : String(year)
  }

  static func < (a: CivilDate, b: CivilDate) -> Bool {
    (a.year, a.month, a.day) < (b.year, b.month, b.day)
  }

  private static func pad(_ value: Int) -> String {
    value < 10 ? "0\(value)" : String(value)
  }
}
