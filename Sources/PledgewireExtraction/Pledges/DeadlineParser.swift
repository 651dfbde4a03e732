/// Deadlines in tokens: "by 2035", "by the end of March 2026", "before 1 June 2025", "by June 1", "by end-2025",
/// "in 2026", and — given the publication date — "by the end of the year", "by next year", "within two years".
enum DeadlineParser {
  struct Found {
    var year: Int
    var month: Int?
    var day: Int?
    var tokens: Range<Int>

    var precision: DatePrecision { day != nil ? .day : month != nil ? .month : .year }

    var ms: Int64 { CivilDate.milliseconds(year: year, month: month ?? 1, day: day ?? 1) }
  }

  /// The first deadline in `range`. `reference` is the publication date (year, month), for relative dates.
  static func deadline(in tokens: [Token], _ range: Range<Int>, reference: (year: Int, month: Int)?) -> Found? {
    for k in range {
      let word = tokens[k].lower
      var start = k + 1
      var isIn = false
      switch word {
      case "by", "before":
        break
      case "than" where k >= 2 && tokens[k - 1].lower == "later" && tokens[k - 2].lower == "no":
        break
      case "in":
        isIn = true
      case "within":
        if let found = within(tokens, k, range, reference) { return found }
        continue
      default:
        continue
      }
      var skipped = true
      while skipped, start < range.upperBound {
        skipped = false
        for phrase in fillers where start + phrase.count <= range.upperBound {
          if Token.words(tokens, at: start, are: phrase) {
            start += phrase.count
            skipped = true
            break
          }
        }
      }
      guard start < range.upperBound, var found = date(tokens, start, range.upperBound, reference) else { continue }
      if isIn, found.month != nil || tokens[start].kind != .number { continue }
      found.tokens = k..<found.tokens.upperBound
      return found
    }
    return nil
  }

  /// Words between "by" and the date: "the end of", "the new".
  private static let fillers: [[String]] = [
    ["the", "end", "of"], ["end", "of"], ["the", "start", "of"], ["the", "beginning", "of"], ["the", "middle", "of"],
    ["the", "new"], ["the", "latest"], ["early"], ["late"], ["mid"], ["the"],
  ]

  private static func date(_ tokens: [Token], _ i: Int, _ limit: Int, _ reference: (year: Int, month: Int)?) -> Found? {
    let token = tokens[i]
    func year(at k: Int) -> Int? {
      guard k < limit, tokens[k].kind == .number, tokens[k].text.utf8.count == 4, let y = Int(tokens[k].text),
        (1900...2200).contains(y)
      else { return nil }
      return y
    }
    if let y = year(at: i) { return Found(year: y, tokens: i..<(i + 1)) }
    // "end-2025", "mid-2026".
    if token.kind == .word, let dash = token.lower.lastIndex(of: "-"),
      let y = Int(token.lower[token.lower.index(after: dash)...]), (1900...2200).contains(y)
    {
      return Found(year: y, tokens: i..<(i + 1))
    }
    // Month [day][,] [year]
    if let month = CivilDate.months[token.folded], token.isCapitalized {
      var k = i + 1
      var day: Int? = nil
      if k < limit, tokens[k].kind == .number, let d = Int(tokens[k].text), (1...31).contains(d) {
        day = d
        k += 1
        if k < limit, tokens[k].isPunctuation(",") { k += 1 }
      }
      if let y = year(at: k) { return Found(year: y, month: month, day: day, tokens: i..<(k + 1)) }
      guard let reference else { return nil }
      let y = month < reference.month ? reference.year + 1 : reference.year
      return Found(year: y, month: month, day: day, tokens: i..<(day == nil ? i + 1 : i + 2))
    }
    // Day month [year]
    if token.kind == .number, let d = Int(token.text), (1...31).contains(d), i + 1 < limit,
      let month = CivilDate.months[tokens[i + 1].folded], tokens[i + 1].isCapitalized
    {
      if let y = year(at: i + 2) { return Found(year: y, month: month, day: d, tokens: i..<(i + 3)) }
      guard let reference else { return nil }
      let y = month < reference.month ? reference.year + 1 : reference.year
      return Found(year: y, month: month, day: d, tokens: i..<(i + 2))
    }
    // "the year", "this year", "next year", "the month".
    guard let reference, i + 1 <= limit else { return nil }
    let next = i + 1 < limit ? tokens[i + 1].lower : ""
    switch (token.lower, next) {
    case ("year", _), ("this", "year"):
      return Found(year: reference.year, tokens: i..<(token.lower == "year" ? i + 1 : i + 2))
    case ("next", "year"):
      return Found(year: reference.year + 1, tokens: i..<(i + 2))
    case ("month", _), ("this", "month"):
      return Found(year: reference.year, month: reference.month, tokens: i..<(token.lower == "month" ? i + 1 : i + 2))
    default:
      return nil
    }
  }

  /// "within two years", "within six months", from the publication date.
  private static func within(
    _ tokens: [Token], _ k: Int, _ range: Range<Int>, _ reference: (year: Int, month: Int)?
  ) -> Found? {
    guard let reference, k + 2 < range.upperBound else { return nil }
    let count = tokens[k + 1].kind == .number ? Int(tokens[k + 1].text) : Lexicon.numberWords[tokens[k + 1].lower]
    guard let count, count > 0, count < 100 else { return nil }
    switch tokens[k + 2].lower {
    case "year", "years":
      return Found(year: reference.year + count, month: reference.month, tokens: k..<(k + 3))
    case "month", "months":
      let total = reference.month - 1 + count
      return Found(year: reference.year + total / 12, month: total % 12 + 1, tokens: k..<(k + 3))
    default:
      return nil
    }
  }
}
