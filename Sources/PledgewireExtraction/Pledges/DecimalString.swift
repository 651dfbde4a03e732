/// Exact decimal arithmetic on the strings the text writes, for amounts: no floating point.
enum DecimalString {
  /// `number` ("1.6", "5,000", "17.5") times 10^`power`, without grouping or exponent, trailing fraction zeros
  /// removed: ("1.6", 9) → "1600000000", ("17.5", 0) → "17.5". Nil if `number` is not a decimal.
  static func scale(_ number: String, byPowerOfTen power: Int) -> String? {
    let plain = number.filter { $0 != "," }
    let parts = plain.split(separator: ".", omittingEmptySubsequences: false)
    guard (1...2).contains(parts.count), !parts[0].isEmpty, parts.allSatisfy({ $0.allSatisfy(\.isASCII) }),
      plain.allSatisfy({ $0 == "." || $0.isNumber })
    else { return nil }
    var integer = String(parts[0])
    var fraction = parts.count == 2 ? String(parts[1]) : ""
    let shift = min(power, fraction.count)
    integer += fraction.prefix(shift)
    fraction = String(fraction.dropFirst(shift))
    integer += String(repeating: "0", count: power - shift)
    while integer.count > 1, integer.first == "0" { integer.removeFirst() }
    while fraction.last == "0" { fraction.removeLast() }
    return fraction.isEmpty ? integer : integer + "." + fraction
  }
}
