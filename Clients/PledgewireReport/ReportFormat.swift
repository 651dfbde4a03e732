import PledgewireWire

/// How reports write dates, figures and schema values: ISO 8601 dates at the precision recorded, decimal figures as
/// given (no floating point), enum values as lower-case words.
enum ReportFormat {
  /// "2025-03-02", "2025-03" or "2025" by precision; a time of day only when one was recorded; "date unknown".
  static func date(_ milliseconds: Int64, precision: DatePrecision = .unspecified) -> String {
    if precision == .unknown || (milliseconds == 0 && precision == .unspecified) {
      return "date unknown"
    }
    let civil = CivilDate(milliseconds: milliseconds)
    switch precision {
    case .year: return civil.isoYear
    case .month: return civil.isoMonth
    case .day: return civil.iso
    default:
      let timeOfDay = milliseconds - civil.milliseconds
      guard timeOfDay != 0 else { return civil.iso }
      let minutes = timeOfDay / 60_000
      return "\(civil.iso)T\(pad(minutes / 60)):\(pad(minutes % 60))Z"
    }
  }

  /// When a deadline falls due: the end of its day, month or year; nil without one.
  static func dueEnd(_ milliseconds: Int64, precision: DatePrecision) -> Int64? {
    guard milliseconds != 0, precision != .unknown else { return nil }
    let civil = CivilDate(milliseconds: milliseconds)
    switch precision {
    case .day: return civil.milliseconds + CivilDate.millisecondsPerDay
    case .month: return civil.addingMonths(1).milliseconds
    case .year: return CivilDate(year: civil.year + 1, month: 1).milliseconds
    default: return milliseconds
    }
  }

  /// Whole days from `from` to `to`, rounded towards zero.
  static func days(from: Int64, to: Int64) -> Int64 {
    (to - from) / CivilDate.millisecondsPerDay
  }

  /// "up to GBP 2,260,000,000 a year".
  static func money(_ money: Money) -> String {
    var text = qualifier(money.qualifier) + [money.currency, grouped(money.amount)].filter { !$0.isEmpty }.joined(separator: " ")
    switch money.period {
    case .perDay: text += " a day"
    case .perWeek: text += " a week"
    case .perMonth: text += " a month"
    case .perYear: text += " a year"
    default: break
    }
    return text
  }

  /// "about 5,000 missiles".
  static func quantity(_ quantity: Quantity) -> String {
    qualifier(quantity.qualifier) + [grouped(quantity.value), quantity.unit].filter { !$0.isEmpty }.joined(separator: " ")
  }

  /// "at least 3.5% of GDP".
  static func ratio(_ ratio: Ratio) -> String {
    qualifier(ratio.qualifier) + "\(ratio.percent)%" + (ratio.of.isEmpty ? "" : " of \(ratio.of)")
  }

  /// "in progress" for IN_PROGRESS; the number of a value the schema does not know.
  static func label(_ value: some ProtobufEnum) -> String {
    value.isKnown ? String(value.name.lowercased().map { $0 == "_" ? " " : $0 }) : "value \(value.rawValue)"
  }

  /// "2,200,000,000" for "2200000000"; the fraction and sign kept as given. Text that is not a decimal is returned
  /// unchanged.
  static func grouped(_ decimal: String) -> String {
    let sign = decimal.hasPrefix("-") ? "-" : ""
    let unsigned = decimal.dropFirst(sign.count)
    let parts = unsigned.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
    guard let whole = parts.first, !whole.isEmpty, whole.allSatisfy(\.isASCII), whole.allSatisfy(\.isNumber) else { return decimal }
    var groups: [Substring] = []
    var end = whole.endIndex
    while end > whole.startIndex {
      let start = whole.index(end, offsetBy: -3, limitedBy: whole.startIndex) ?? whole.startIndex
      groups.insert(whole[start..<end], at: 0)
      end = start
    }
    return sign + groups.joined(separator: ",") + (parts.count > 1 ? "." + parts[1] : "")
  }

  private static func qualifier(_ qualifier: AmountQualifier) -> String {
    switch qualifier {
    case .upTo: "up to "
    case .about: "about "
    case .atLeast: "at least "
    default: ""
    }
  }

  private static func pad(_ value: Int64) -> String {
    value < 10 ? "0\(value)" : String(value)
  }
}
