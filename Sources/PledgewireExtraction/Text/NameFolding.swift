/// The form names are compared in: lower case, accents removed, dots, apostrophes and hyphens dropped, and the
/// usual transliteration variants made equal (Zelenskiy / Zelenskyy / Zelensky, Kiev / Kyiv).
enum NameFolding {
  /// The folded form of one token or name ("Zelenskyy" → "zelensky", "U.S." → "us", "Al-Jaber" → "aljaber").
  static func fold(_ text: String) -> String {
    // Lower-case letters and digits only: already folded.
    if text.utf8.allSatisfy({ ($0 >= 97 && $0 <= 122) || ($0 >= 48 && $0 <= 57) }) { return variant(text) }
    if text.utf8.allSatisfy({ $0 < 0x80 }) {
      var bytes: [UInt8] = []
      bytes.reserveCapacity(text.utf8.count)
      for byte in text.utf8 {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): bytes.append(byte + 32)
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): bytes.append(byte)
        default: continue
        }
      }
      return variant(String(decoding: bytes, as: UTF8.self))
    }
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
    guard let last = word.utf8.last, last == UInt8(ascii: "y") || last == UInt8(ascii: "i") || last == UInt8(ascii: "j")
      || last == UInt8(ascii: "v")
    else { return word }
    if word == "kiev" { return "kyiv" }
    for suffix in ["skiy", "skyy", "skyi", "skij", "skii"] where word.utf8.count > 6 && word.hasSuffix(suffix) {
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
