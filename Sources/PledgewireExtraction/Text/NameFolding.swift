/// The form names are compared in: lower case, accents removed, dots, apostrophes and hyphens dropped, and the
/// usual transliteration variants made equal (Zelenskiy / Zelenskyy / Zelensky, Kiev / Kyiv).
enum NameFolding {
  /// The folded form of one token or name ("Zelenskyy" → "zelensky", "U.S." → "us", "Al-Jaber" → "aljaber").
  static func fold(_ text: String) -> String {
    var out = String.UnicodeScalarView()
    for scalar in text.lowercased().unicodeScalars {
      if let base = latinBase[scalar] {
        out.append(contentsOf: base.unicodeScalars)
      } else if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
        out.append(scalar)
      } else if scalar.properties.generalCategory == .nonspacingMark {
        continue
      }
    }
    return variant(String(out))
  }

  /// Folds every word of a multi-word name and joins them with single spaces.
  static func foldWords(_ text: String) -> String {
    Tokenizer.tokenize(text).filter { $0.kind == .word }.map(\.folded).joined(separator: " ")
  }

  /// Transliteration variants: -skiy, -skyy, -skyi, -skij, -skii → -sky; kiev → kyiv.
  private static func variant(_ word: String) -> String {
    if word == "kiev" { return "kyiv" }
    for suffix in ["skiy", "skyy", "skyi", "skij", "skii"] where word.hasSuffix(suffix) && word.count > suffix.count + 2 {
      return String(word.dropLast(suffix.count)) + "sky"
    }
    return word
  }

  /// Lower-case Latin letters with diacritics (Latin-1 Supplement, Latin Extended-A and the Romanian commas) and
  /// the letters they fold to.
  private static let latinBase: [Unicode.Scalar: String] = {
    let groups: [(String, String)] = [
      ("àáâãäåāăą", "a"), ("çćĉċč", "c"), ("ďđ", "d"), ("èéêëēĕėęě", "e"), ("ĝğġģ", "g"), ("ĥħ", "h"),
      ("ìíîïĩīĭįı", "i"), ("ĵ", "j"), ("ķ", "k"), ("ĺļľŀł", "l"), ("ñńņňŉ", "n"), ("òóôõöøōŏő", "o"),
      ("ŕŗř", "r"), ("śŝşšș", "s"), ("ţťŧț", "t"), ("ùúûüũūŭůűų", "u"), ("ŵ", "w"), ("ýÿŷ", "y"), ("źżž", "z"),
      ("ß", "ss"), ("æ", "ae"), ("œ", "oe"), ("þ", "th"), ("ð", "d"),
    ]
    var table: [Unicode.Scalar: String] = [:]
    for (letters, base) in groups {
      for scalar in letters.unicodeScalars { table[scalar] = base }
    }
    return table
  }()
}
