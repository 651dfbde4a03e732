import ArgumentParser
import PledgewireClient

/// Dates on the command line, strict ISO-8601: a day ("2025-03-02"), a month ("2025-03") or a year ("2025") where
/// a period is meant, or a date-time with its zone ("2025-03-02T16:00Z", "2025-03-02T16:00:00.250+01:00"). Never a
/// bare number: "--before 2026" is the year 2026, and "1740931200000" is refused. Errors name the option.
enum Dates {
  /// A date as given: its first instant (UTC) and how precise it is.
  struct Value: Sendable, Hashable {
    var milliseconds: Int64
    var precision: DatePrecision
  }

  static func parse(_ text: String, option: String) throws -> Value {
    func invalid(_ why: String) -> ValidationError {
      ValidationError("\(option): \"\(text)\" is not a date: \(why); write 2025-03-02, 2025-03, 2025 or 2025-03-02T16:00Z")
    }
    let characters = Array(text)
    if characters.count != 4 && !characters.isEmpty && characters.allSatisfy({ $0.isASCII && $0.isNumber }) {
      throw invalid("a bare number is not a date (not even Unix milliseconds)")
    }
    func number(_ range: Range<Int>) -> Int64? {
      guard range.upperBound <= characters.count, characters[range].allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
      return Int64(String(characters[range]))
    }
    guard characters.count >= 4, let year = number(0..<4) else {
      throw invalid("it does not start with a four-digit year")
    }
    guard (1800..<2200).contains(year) else { throw invalid("the year is not between 1800 and 2199") }
    if characters.count == 4 {
      return Value(milliseconds: DatePeriod.milliseconds(DatePeriod.Civil(year: year, month: 1, day: 1)), precision: .year)
    }
    guard characters.count >= 7, characters[4] == "-", let month = number(5..<7) else {
      throw invalid(characters.allSatisfy(\.isNumber) ? "a bare number is not a date" : "the month is missing")
    }
    guard (1...12).contains(month) else { throw invalid("there is no month \(month)") }
    if characters.count == 7 {
      return Value(milliseconds: DatePeriod.milliseconds(DatePeriod.Civil(year: year, month: month, day: 1)), precision: .month)
    }
    guard characters.count >= 10, characters[7] == "-", let day = number(8..<10) else { throw invalid("the day is missing") }
    let days = DatePeriod.daysInMonth(year: year, month: month)
    guard (1...days).contains(day) else {
      throw invalid("\(monthNames[Int(month) - 1]) \(year) has \(days) days")
    }
    let midnight = DatePeriod.milliseconds(DatePeriod.Civil(year: year, month: month, day: day))
    if characters.count == 10 {
      return Value(milliseconds: midnight, precision: .day)
    }
    guard characters[10] == "T" || characters[10] == "t" || characters[10] == " " else { throw invalid("a time starts with T") }
    guard let hour = number(11..<13), characters.count > 13, characters[13] == ":", let minute = number(14..<16) else {
      throw invalid("the time is not HH:MM")
    }
    var index = 16
    var second: Int64 = 0
    var millisecond: Int64 = 0
    if index < characters.count && characters[index] == ":" {
      guard let value = number(index + 1..<index + 3) else { throw invalid("the seconds are not two digits") }
      second = value
      index += 3
      if index < characters.count && (characters[index] == "." || characters[index] == ",") {
        var digits = ""
        index += 1
        while index < characters.count && characters[index].isASCII && characters[index].isNumber {
          digits.append(characters[index])
          index += 1
        }
        guard !digits.isEmpty else { throw invalid("the fraction of a second has no digits") }
        millisecond = Int64(String((digits + "00").prefix(3)))!
      }
    }
    guard hour < 24, minute < 60, second < 60 else { throw invalid("there is no time \(hour):\(minute):\(second)") }
    guard index < characters.count else { throw invalid("a time needs its zone: Z or +01:00") }
    var offset: Int64 = 0
    if characters[index] == "Z" || characters[index] == "z" {
      index += 1
    } else if characters[index] == "+" || characters[index] == "-" {
      let sign: Int64 = characters[index] == "+" ? 1 : -1
      let colon = index + 3 < characters.count && characters[index + 3] == ":"
      guard let hours = number(index + 1..<index + 3), let minutes = number((colon ? index + 4 : index + 3)..<(colon ? index + 6 : index + 5)),
        hours < 24, minutes < 60
      else { throw invalid("the zone is not +HH:MM") }
      offset = sign * (hours * 60 + minutes) * 60_000
      index += colon ? 6 : 5
    } else {
      throw invalid("a time needs its zone: Z or +01:00")
    }
    guard index == characters.count else { throw invalid("it goes on after the zone") }
    return Value(milliseconds: midnight + ((hour * 60 + minute) * 60 + second) * 1_000 + millisecond - offset, precision: .unspecified)
  }

  /// A date's first instant, for the bounds of a filter: "--before 2026" is before 1 January 2026.
  static func milliseconds(_ text: String, option: String) throws -> Int64 {
    try parse(text, option: option).milliseconds
  }

  /// A date that may be "unknown" (when a pledge was made, say).
  static func parseOrUnknown(_ text: String, option: String) throws -> Value {
    text.lowercased() == "unknown" ? Value(milliseconds: 0, precision: .unknown) : try parse(text, option: option)
  }

  /// "2025-03-02T16:00:00Z", or as precise as `precision` says: "2025-03"; empty for 0 (no date).
  static func format(_ milliseconds: Int64, _ precision: DatePrecision = .unspecified) -> String {
    guard milliseconds != 0 || precision == .unknown else { return "" }
    if precision == .unknown { return "unknown" }
    let text = DatePeriod.iso8601(milliseconds, precision)
    // Whole seconds read better without ".000".
    return text.hasSuffix(".000Z") ? String(text.dropLast(5)) + "Z" : text
  }

  private static let monthNames = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
  ]
}
