/// Sums of money in tokens: "$50 billion", "$US17.5 million", "£1.6bn ($2bn)", "€500m", "50 million euros",
/// "USD 2 billion", with the qualifier before them ("up to", "more than", "about"). Values are exact decimal
/// strings.
enum AmountParser {
  /// A sum found, by token range.
  struct Found {
    var value: String
    var currency: String
    var qualifier: AmountQualifier
    var period: AmountPeriod = .once
    var tokens: Range<Int>
    var equivalents: [Amount.Equivalent] = []
  }

  /// Every sum in `range`, in order.
  static func amounts(in tokens: [Token], _ range: Range<Int>) -> [Found] {
    var all: [Found] = []
    var i = range.lowerBound
    while i < range.upperBound {
      guard var found = amount(in: tokens, at: i, limit: range.upperBound) else {
        i += 1
        continue
      }
      // "£1.6bn ($2bn)": the sum in parentheses is the same sum in another currency.
      let close = found.tokens.upperBound
      if close + 2 < range.upperBound, tokens[close].isPunctuation("("),
        let inner = amount(in: tokens, at: close + 1, limit: range.upperBound),
        inner.tokens.upperBound < range.upperBound, tokens[inner.tokens.upperBound].isPunctuation(")")
      {
        found.equivalents.append(Amount.Equivalent(value: inner.value, currency: inner.currency))
        found.tokens = found.tokens.lowerBound..<(inner.tokens.upperBound + 1)
      }
      // "$300 billion a year".
      let after = found.tokens.upperBound
      for (words, period) in periods where after + words.count <= range.upperBound {
        if Token.words(tokens, at: after, are: words) {
          found.period = period
          found.tokens = found.tokens.lowerBound..<(after + words.count)
          break
        }
      }
      all.append(found)
      i = found.tokens.upperBound
    }
    return all
  }

  /// The sum starting at token `i` (its qualifier may start before).
  private static func amount(in tokens: [Token], at i: Int, limit: Int) -> Found? {
    var k = i
    var currency: String? = nil
    // A currency before the number: "$", "US$", "$US", "€", "USD".
    if tokens[k].kind == .word, tokens[k].isAllCaps, let code = isoCodes[tokens[k].folded.uppercased()],
      k + 1 < limit, tokens[k + 1].kind == .number
    {
      currency = code
      k += 1
    } else if k + 1 < limit, tokens[k].kind == .word, let code = dollarPrefixes[tokens[k].folded], tokens[k].isCapitalized,
      tokens[k + 1].text == "$", !tokens[k + 1].spaceBefore
    {
      currency = code  // "C$2.4 billion", "US$5bn"
      k += 2
    } else if tokens[k].kind == .currency {
      currency = symbolCurrency(tokens, k)
      k += 1
      if k < limit, tokens[k].kind == .word, !tokens[k].spaceBefore, ["us", "a", "c"].contains(tokens[k].folded) {
        currency = tokens[k].folded == "us" ? "USD" : tokens[k].folded == "a" ? "AUD" : "CAD"
        k += 1
      }
    }
    guard k < limit, tokens[k].kind == .number else { return nil }
    if currency == nil, i > 0, tokens[i - 1].kind == .currency { return nil }  // already read from the symbol
    let number = tokens[k].text
    k += 1
    var exponent = 0
    if k < limit, tokens[k].kind == .word, let power = multipliers[tokens[k].lower],
      !tokens[k].spaceBefore || tokens[k].lower.utf8.count > 2
    {
      exponent = power
      k += 1
    }
    // "50 million euros", "2bn Canadian dollars".
    if k + 1 < limit, let code = currencyAdjectives[tokens[k].lower], currencyWords[tokens[k + 1].lower] != nil {
      currency = currency ?? code
      k += 2
    } else if k < limit, tokens[k].kind == .word, let code = currencyWords[tokens[k].lower] {
      currency = currency ?? code
      k += 1
    }
    guard let currency else { return nil }
    guard let value = DecimalString.scale(number, byPowerOfTen: exponent) else { return nil }
    let (qualifier, start) = qualifier(before: i, in: tokens)
    return Found(value: value, currency: currency, qualifier: qualifier, tokens: start..<k)
  }

  private static func symbolCurrency(_ tokens: [Token], _ k: Int) -> String {
    let symbol = tokens[k].text
    if symbol == "$", k > 0, tokens[k - 1].kind == .word, !tokens[k].spaceBefore,
      let code = dollarPrefixes[tokens[k - 1].folded]
    {
      return code
    }
    return symbols[symbol] ?? "USD"
  }

  /// The qualifier before token `i` and where it starts: "up to", "“up to”", "more than", "about".
  static func qualifier(before i: Int, in tokens: [Token]) -> (AmountQualifier, Int) {
    var j = i
    while j > 0, tokens[j - 1].kind == .quote { j -= 1 }
    for (words, qualifier) in qualifiers {
      let n = words.count
      guard j - n >= 0 else { continue }
      if Token.words(tokens, at: j - n, are: words) { return (qualifier, j - n) }
    }
    return (.exact, i)
  }

  private static let qualifiers: [([String], AmountQualifier)] = [
    (["as", "much", "as"], .upTo), (["up", "to"], .upTo), (["a", "maximum", "of"], .upTo),
    (["more", "than"], .atLeast), (["at", "least"], .atLeast), (["in", "excess", "of"], .atLeast),
    (["no", "less", "than"], .atLeast), (["upwards", "of"], .atLeast), (["over"], .atLeast),
    (["close", "to"], .about), (["an", "estimated"], .about), (["about"], .about), (["around"], .about),
    (["some"], .about), (["roughly"], .about), (["approximately"], .about), (["nearly"], .about),
    (["almost"], .about), (["approx"], .about), (["an", "additional"], .exact),
  ]

  private static let periods: [([String], AmountPeriod)] = [
    (["a", "year"], .perYear), (["per", "year"], .perYear), (["each", "year"], .perYear), (["every", "year"], .perYear),
    (["annually"], .perYear), (["a", "month"], .perMonth), (["per", "month"], .perMonth), (["each", "month"], .perMonth),
    (["monthly"], .perMonth), (["a", "week"], .perWeek), (["per", "week"], .perWeek), (["a", "day"], .perDay),
    (["per", "day"], .perDay),
  ]

  static let multipliers: [String: Int] = [
    "thousand": 3, "k": 3, "million": 6, "millions": 6, "m": 6, "mn": 6, "mln": 6, "billion": 9, "billions": 9,
    "bn": 9, "b": 9, "bln": 9, "trillion": 12, "tn": 12, "trn": 12,
  ]

  private static let symbols: [String: String] = [
    "$": "USD", "£": "GBP", "€": "EUR", "¥": "JPY", "₴": "UAH", "₽": "RUB", "₹": "INR", "₩": "KRW", "₪": "ILS",
    "₺": "TRY",
  ]

  private static let dollarPrefixes: [String: String] = [
    "us": "USD", "a": "AUD", "au": "AUD", "c": "CAD", "ca": "CAD", "nz": "NZD", "hk": "HKD", "s": "SGD",
  ]

  private static let currencyWords: [String: String] = [
    "dollar": "USD", "dollars": "USD", "euro": "EUR", "euros": "EUR", "pound": "GBP", "pounds": "GBP",
    "sterling": "GBP", "yen": "JPY", "yuan": "CNY", "renminbi": "CNY", "rouble": "RUB", "roubles": "RUB",
    "ruble": "RUB", "rubles": "RUB", "hryvnia": "UAH", "hryvnias": "UAH", "rupee": "INR",
    "rupees": "INR", "francs": "CHF", "kronor": "SEK", "kroner": "NOK", "zloty": "PLN", "zlotys": "PLN",
    "lira": "TRY", "shekels": "ILS", "riyals": "SAR", "dirhams": "AED", "rand": "ZAR",
  ]

  private static let currencyAdjectives: [String: String] = [
    "canadian": "CAD", "australian": "AUD", "singapore": "SGD", "swiss": "CHF", "swedish": "SEK",
    "norwegian": "NOK", "danish": "DKK", "us": "USD", "american": "USD",
  ]

  private static let isoCodes: [String: String] = Dictionary(uniqueKeysWithValues: [
    "USD", "EUR", "GBP", "JPY", "CNY", "CHF", "CAD", "AUD", "NZD", "SEK", "NOK", "DKK", "PLN", "UAH", "RUB", "INR",
    "KRW", "TRY", "ILS", "SAR", "AED", "ZAR", "HKD", "SGD", "BRL", "MXN", "CZK", "HUF", "RON",
  ].map { ($0, $0) })
}
