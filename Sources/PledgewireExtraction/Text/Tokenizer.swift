/// Splits a text into ``Token``s with ranges in Unicode scalars. Keeps together what belongs together in news
/// text: abbreviations with dots ("U.S.", "e.g."), hyphenated and apostrophe names ("Al-Jaber", "d'Ivoire"),
/// decimals and grouped numbers ("17.5", "5,000"), handles ("@AnnaBerg") and flag emoji; splits off possessive
/// "'s", amount suffixes ("1.6bn" → "1.6", "bn") and currency symbols.
enum Tokenizer {
  static func tokenize(_ text: String) -> [Token] {
    tokenize(Array(text.unicodeScalars))
  }

  static func tokenize(_ scalars: [Unicode.Scalar]) -> [Token] {
    var tokens: [Token] = []
    tokens.reserveCapacity(scalars.count / 5)
    var i = 0
    var space = false
    var newlines = 0
    var openSingle = false
    let n = scalars.count

    func add(_ kind: Token.Kind, _ start: Int, _ end: Int, quote: Token.QuoteSide = .none) {
      tokens.append(makeToken(kind, scalars[start..<end], start, end, space: space, newlines: newlines, quote: quote))
      space = false
      newlines = 0
    }

    while i < n {
      let c = scalars[i]
      if c == "\n" {
        newlines += 1
        space = true
        i += 1
        continue
      }
      if c == " " || c == "\t" || c == "\r" || (!c.isASCII && (c.properties.isWhitespace || c == "\u{FE0F}"
        || c == "\u{200D}" || c == "\u{200B}"))
      {
        space = true
        i += 1
        continue
      }
      if isDigit(c) {
        let end = numberEnd(scalars, from: i)
        add(.number, i, end)
        i = end
        continue
      }
      if isLetter(c) {
        var end = wordEnd(scalars, from: i)
        // "$US100": a currency prefix glued to the number.
        if let last = tokens.last, last.kind == .currency, last.end == i {
          var j = i
          while j < end, j - i < 3, scalars[j].properties.isUppercase, isLetter(scalars[j]) { j += 1 }
          if j > i, j < end, isDigit(scalars[j]) { end = j }
        }
        add(.word, i, end)
        i = end
        continue
      }
      if c == "@" || c == "#", i + 1 < n, isLetter(scalars[i + 1]) || isDigit(scalars[i + 1]) {
        let end = wordEnd(scalars, from: i + 1)
        add(c == "@" ? .handle : .symbol, i, end)
        i = end
        continue
      }
      if (0x1F1E6...0x1F1FF).contains(c.value), i + 1 < n, (0x1F1E6...0x1F1FF).contains(scalars[i + 1].value) {
        add(.flag, i, i + 2)
        i += 2
        continue
      }
      if currencySymbols.contains(c) {
        add(.currency, i, i + 1)
        i += 1
        continue
      }
      // Quotation marks.
      switch c {
      case "\u{201C}", "\u{201E}", "\u{00AB}", "\u{2039}":
        add(.quote, i, i + 1, quote: .opening)
        i += 1
        continue
      case "\u{201D}", "\u{00BB}", "\u{203A}":
        add(.quote, i, i + 1, quote: .closing)
        i += 1
        continue
      case "\"":
        add(.quote, i, i + 1, quote: .either)
        i += 1
        continue
      case "`":
        let end = i + 1 < n && scalars[i + 1] == "`" ? i + 2 : i + 1
        add(.quote, i, end, quote: .opening)
        i = end
        continue
      case "'", "\u{2018}", "\u{2019}":
        if c == "'", i + 1 < n, scalars[i + 1] == "'" {
          add(.quote, i, i + 2, quote: .either)
          i += 2
          continue
        }
        let before = i > 0 && (isLetter(scalars[i - 1]) || isDigit(scalars[i - 1]))
        let after = i + 1 < n && (isLetter(scalars[i + 1]) || isDigit(scalars[i + 1]))
        if c == "\u{2018}" || (!before && after) {
          openSingle = true
          add(.quote, i, i + 1, quote: .opening)
        } else if before && after {
          add(.punctuation, i, i + 1)  // a possessive: "Russia’s"
        } else if openSingle {
          openSingle = false
          add(.quote, i, i + 1, quote: .closing)
        } else {
          add(.punctuation, i, i + 1)  // a plural possessive: "Nations’ conference"
        }
        i += 1
        continue
      default:
        break
      }
      if c == ".", i + 2 < n, scalars[i + 1] == ".", scalars[i + 2] == "." {
        add(.punctuation, i, i + 3)
        i += 3
        continue
      }
      if c == "-", i + 1 < n, scalars[i + 1] == "-" {
        add(.punctuation, i, i + 2)
        i += 2
        continue
      }
      add(isPunctuation(c) ? .punctuation : .symbol, i, i + 1)
      i += 1
    }
    return tokens
  }

  // MARK: - Pieces

  /// The string of `scalars`, encoded straight to UTF-8 in the string's own storage (much faster than appending
  /// scalars to a string).
  static func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
    String(unsafeUninitializedCapacity: scalars.count * 4) { buffer in
      var n = 0
      for scalar in scalars {
        let v = scalar.value
        switch v {
        case 0..<0x80:
          buffer[n] = UInt8(v)
          n += 1
        case 0x80..<0x800:
          buffer[n] = UInt8(0xC0 | (v >> 6))
          buffer[n + 1] = UInt8(0x80 | (v & 0x3F))
          n += 2
        case 0x800..<0x10000:
          buffer[n] = UInt8(0xE0 | (v >> 12))
          buffer[n + 1] = UInt8(0x80 | ((v >> 6) & 0x3F))
          buffer[n + 2] = UInt8(0x80 | (v & 0x3F))
          n += 3
        default:
          buffer[n] = UInt8(0xF0 | (v >> 18))
          buffer[n + 1] = UInt8(0x80 | ((v >> 12) & 0x3F))
          buffer[n + 2] = UInt8(0x80 | ((v >> 6) & 0x3F))
          buffer[n + 3] = UInt8(0x80 | (v & 0x3F))
          n += 4
        }
      }
      return n
    }
  }

  /// Whether a word starts with a capital, and whether all its letters (two or more) are capitals.
  private static func capitalization(_ scalars: ArraySlice<Unicode.Scalar>) -> (Bool, Bool) {
    var letters = 0
    var upper = 0
    var first = false
    for scalar in scalars where isLetter(scalar) {
      let isUpper = scalar.isASCII ? scalar >= "A" && scalar <= "Z" : scalar.properties.isUppercase
      if letters == 0 { first = isUpper }
      letters += 1
      if isUpper { upper += 1 }
    }
    return (first, letters >= 2 && upper == letters)
  }

  /// `text` in lower case when it is ASCII (the common case, done without Unicode tables); nil otherwise.
  static func asciiLowercased(_ text: String) -> String? {
    var hasUpper = false
    for byte in text.utf8 {
      if byte >= 0x80 { return nil }
      if byte >= 65 && byte <= 90 { hasUpper = true }
    }
    guard hasUpper else { return text }
    return String(unsafeUninitializedCapacity: text.utf8.count) { buffer in
      for (i, byte) in text.utf8.enumerated() { buffer[i] = byte >= 65 && byte <= 90 ? byte + 32 : byte }
      return text.utf8.count
    }
  }

  private static func makeToken(
    _ kind: Token.Kind, _ scalars: ArraySlice<Unicode.Scalar>, _ start: Int, _ end: Int, space: Bool, newlines: Int,
    quote: Token.QuoteSide
  ) -> Token {
    let text = string(scalars)
    var lower = asciiLowercased(text) ?? text.lowercased()
    var folded = ""
    var capitalized = false
    var allCaps = false
    switch kind {
    case .word:
      folded = NameFolding.fold(lower)
      (capitalized, allCaps) = capitalization(scalars)
    case .handle:
      folded = NameFolding.fold(String(text.dropFirst()))
    case .flag:
      var code = ""
      for scalar in text.unicodeScalars {
        code.unicodeScalars.append(Unicode.Scalar(scalar.value - 0x1F1E6 + 0x61)!)
      }
      lower = code
      folded = code
    case .punctuation where text == "\u{2019}" || text == "\u{02BC}":
      folded = "'"
    default:
      folded = lower
    }
    var token = Token(
      kind: kind, start: start, end: end, text: text, lower: lower, folded: folded,
      isCapitalized: capitalized, isAllCaps: allCaps, spaceBefore: space, newlinesBefore: newlines, quote: quote
    )
    if kind == .word {
      (token.classes, token.verb) = WordClass.lookup(lower: lower, folded: folded)
    } else if kind == .punctuation {
      token.classes = WordClass.ofPunctuation(text)
    }
    return token
  }

  /// The end of a number: digits with "," thousands groups and a "." decimal part.
  private static func numberEnd(_ s: [Unicode.Scalar], from start: Int) -> Int {
    var i = start
    let n = s.count
    while i < n {
      if isDigit(s[i]) {
        i += 1
      } else if s[i] == ",", i + 3 < n, isDigit(s[i + 1]), isDigit(s[i + 2]), isDigit(s[i + 3]),
        i + 4 >= n || !isDigit(s[i + 4])
      {
        i += 4
      } else if s[i] == ".", i + 1 < n, isDigit(s[i + 1]) {
        i += 1
      } else {
        break
      }
    }
    return i
  }

  /// The end of a word: letters, marks and digits, with inner hyphens and apostrophes, or an abbreviation of
  /// single letters with dots ("U.S.", "a.m."). A possessive "'s" is left for the next token.
  private static func wordEnd(_ s: [Unicode.Scalar], from start: Int) -> Int {
    let n = s.count
    // Letter-dot abbreviations: at least two letter-dot pairs.
    var j = start
    var pairs = 0
    while j + 1 < n, isLetter(s[j]), s[j + 1] == "." {
      pairs += 1
      j += 2
    }
    if pairs >= 2 { return j }
    var i = start
    while i < n {
      let c = s[i]
      if isLetter(c) || isDigit(c)
        || (!c.isASCII && (c.properties.generalCategory == .nonspacingMark || c.properties.generalCategory == .spacingMark))
      {
        i += 1
      } else if c == "-", i + 1 < n, isLetter(s[i + 1]) || isDigit(s[i + 1]) {
        i += 1
      } else if c == "'" || c == "\u{2019}" || c == "\u{02BC}", i + 1 < n, isLetter(s[i + 1]) {
        let possessive = (s[i + 1] == "s" || s[i + 1] == "S") && (i + 2 >= n || !isLetter(s[i + 2]))
        if possessive { break }
        i += 1
      } else {
        break
      }
    }
    return i
  }

  static func isLetter(_ c: Unicode.Scalar) -> Bool {
    c.isASCII ? (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") : c.properties.isAlphabetic
  }

  static func isDigit(_ c: Unicode.Scalar) -> Bool { c >= "0" && c <= "9" }

  private static func isPunctuation(_ c: Unicode.Scalar) -> Bool {
    switch c.properties.generalCategory {
    case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
      .finalPunctuation, .otherPunctuation:
      true
    default:
      c == "+" || c == "&" || c == "%" || c == "/"
    }
  }

  private static let currencySymbols: Set<Unicode.Scalar> = ["$", "£", "€", "¥", "₴", "₽", "₹", "₩", "₪", "₺"]
}
