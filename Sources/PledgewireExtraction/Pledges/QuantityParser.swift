/// Counted quantities in tokens: "12 Challenger 2 tanks", "two brigades", "more than 5,000 troops". Not
/// quantities: sums of money (``AmountParser``), shares ("5% of GDP", ``RatioParser``), years, dates, and model
/// numbers ("Challenger 2").
enum QuantityParser {
  struct Found {
    var value: String
    var unit: String
    var qualifier: AmountQualifier
    var tokens: Range<Int>
  }

  static func quantities(in tokens: [Token], _ range: Range<Int>, excluding taken: [Range<Int>]) -> [Found] {
    var found: [Found] = []
    var i = range.lowerBound
    while i < range.upperBound {
      defer { i += 1 }
      guard !taken.contains(where: { $0.contains(i) }) else { continue }
      let token = tokens[i]
      let value: String
      if token.kind == .number {
        guard let plain = DecimalString.scale(token.text, byPowerOfTen: 0) else { continue }
        value = plain
      } else if token.isLowercaseWord, let number = Lexicon.numberWords[token.lower], number > 1 {
        value = String(number)
      } else {
        continue
      }
      if i > range.lowerBound {
        let previous = tokens[i - 1]
        // A model number or a heading number: "Challenger 2", "No. 10", "COP 29".
        if previous.kind == .word, previous.isCapitalized, token.kind == .number { continue }
        if previous.isPunctuation("."), i >= 2, tokens[i - 2].lower == "no" { continue }
        if previous.kind == .currency { continue }
      }
      var k = i + 1
      var unit: [Token] = []
      if k < range.upperBound, tokens[k].text == "%" || tokens[k].lower == "percent" { continue }
      while k < range.upperBound, unit.count < 4, isUnitWord(tokens, k, first: unit.isEmpty) {
        unit.append(tokens[k])
        k += 1
      }
      // A unit ends in a noun, not a number or a multiplier.
      while let last = unit.last, last.kind == .number || AmountParser.multipliers[last.lower] != nil {
        unit.removeLast()
        k -= 1
      }
      guard !unit.isEmpty, !isDate(token, unit[0]) else { continue }
      let text = unit.enumerated().map { ($0.offset > 0 && $0.element.spaceBefore ? " " : "") + $0.element.text }.joined()
      let (qualifier, start) = AmountParser.qualifier(before: i, in: tokens)
      found.append(Found(value: value, unit: text, qualifier: qualifier, tokens: max(start, range.lowerBound)..<k))
      i = k - 1
    }
    return found
  }

  private static func isUnitWord(_ tokens: [Token], _ k: Int, first: Bool) -> Bool {
    let token = tokens[k]
    if token.kind == .number { return !first && tokens[k - 1].isCapitalized && token.text.utf8.count <= 3 }
    guard token.kind == .word, !token.is(.function) else { return false }
    if token.is(.calendar) || token.isFiniteVerb { return false }
    return first || !Verbs.isBase(token.lower) || token.isCapitalized
  }

  /// "13 June", "2035 deadline" are dates and years, not quantities.
  private static func isDate(_ number: Token, _ unit: Token) -> Bool {
    if unit.is(.calendar) { return true }
    guard number.kind == .number, number.text.utf8.count == 4, let year = Int(number.text) else { return false }
    return (1900...2100).contains(year)
  }
}
