import Foundation

/// The form names are compared in: lowercase, without accents, punctuation as spaces, single spaces, no leading
/// "the". "Zelenskyy", "ZELENSKYY" and "Zelenskyy." fold alike; so do "Türkiye" and "turkiye", "the UK" and "UK".
public enum NameFolding {
  public static func fold(_ name: String) -> String {
    let decomposed = name.lowercased().decomposedStringWithCanonicalMapping
    var out = ""
    out.reserveCapacity(decomposed.utf8.count)
    var pendingSpace = false
    for scalar in decomposed.unicodeScalars {
      let category = scalar.properties.generalCategory
      if category == .nonspacingMark || category == .spacingMark || category == .enclosingMark {
        continue
      }
      if scalar.properties.isAlphabetic || category == .decimalNumber {
        if pendingSpace && !out.isEmpty {
          out.append(" ")
        }
        pendingSpace = false
        if let replacement = replacements[scalar] {
          out.append(replacement)
        } else {
          out.unicodeScalars.append(scalar)
        }
      } else if scalar != "'" && scalar != "\u{2019}" {
        pendingSpace = true
      }
    }
    if out.hasPrefix("the ") {
      out.removeFirst(4)
    }
    return out
  }

  /// The words of a folded name.
  public static func tokens(_ folded: String) -> [Substring] {
    folded.split(separator: " ")
  }

  /// Letters that do not decompose into a base letter and a mark.
  private static let replacements: [Unicode.Scalar: String] = [
    "ł": "l", "ø": "o", "đ": "d", "ð": "d", "ß": "ss", "æ": "ae", "œ": "oe", "ı": "i", "þ": "th",
  ]
}
