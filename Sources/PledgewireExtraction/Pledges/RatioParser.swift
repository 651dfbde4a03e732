/// Shares in tokens: "5% of GDP", "at least 3.5 percent of its economic output", "2% of national income".
enum RatioParser {
  struct Found {
    var percent: String
    var of: String
    var qualifier: AmountQualifier
    var tokens: Range<Int>
  }

  /// The first share in `range`.
  static func ratio(in tokens: [Token], _ range: Range<Int>) -> Found? {
    for i in range where tokens[i].kind == .number && i + 1 < range.upperBound {
      let sign = tokens[i + 1]
      guard sign.text == "%" || sign.lower == "percent" || (sign.lower == "per" && i + 2 < range.upperBound
        && tokens[i + 2].lower == "cent"),
        let percent = DecimalString.scale(tokens[i].text, byPowerOfTen: 0)
      else { continue }
      var k = i + (sign.lower == "per" ? 3 : 2)
      var of = ""
      if k < range.upperBound, tokens[k].lower == "of" {
        var end = k + 1
        while end < range.upperBound, end - k <= 4, tokens[end].kind == .word,
          tokens[end].isCapitalized || tokens[end].classes.isDisjoint(with: [.preposition, .subordinator])
        {
          end += 1
        }
        if end > k + 1 {
          of = (k + 1..<end).map { ($0 > k + 1 ? " " : "") + tokens[$0].text }.joined()
          k = end
        }
      }
      let (qualifier, start) = AmountParser.qualifier(before: i, in: tokens)
      return Found(percent: percent, of: of, qualifier: qualifier, tokens: max(start, range.lowerBound)..<k)
    }
    return nil
  }
}
