import Foundation
import PledgewireWire

/// Turns what people type into a safe FTS5 expression: words (all must match), "quoted phrases", OR between terms,
/// -excluded words, and trailing * for prefixes. Nothing a user types can break out into FTS5 syntax.
enum SearchQuery {
  /// The expression is flat however many terms there are — "a OR b OR c" is one group, every excluded word one
  /// NOT group — because FTS5 refuses deeply nested parentheses.
  static func fts5(_ text: String) throws -> String {
    var groups: [[String]] = []  // all must match; within a group, any
    var negative: [String] = []
    var pendingOr = false
    for token in tokens(text) {
      if token.text == "OR" && !token.quoted {
        pendingOr = !groups.isEmpty
        continue
      }
      var word = token.text
      var excluded = false
      if !token.quoted && word.hasPrefix("-") && word.count > 1 {
        excluded = true
        word.removeFirst()
      }
      var prefix = false
      if !token.quoted && word.hasSuffix("*") && word.count > 1 {
        prefix = true
        word.removeLast()
      }
      let term = "\"" + word.replacingOccurrences(of: "\"", with: "\"\"") + "\"" + (prefix ? "*" : "")
      if excluded {
        negative.append(term)
      } else if pendingOr {
        groups[groups.count - 1].append(term)
        pendingOr = false
      } else {
        groups.append([term])
      }
    }
    guard !groups.isEmpty else {
      throw RPCError.invalidArgument(field: "query", negative.isEmpty ? "is required" : "needs at least one word that is not excluded")
    }
    let expression = groups.map { $0.count == 1 ? $0[0] : "(" + $0.joined(separator: " OR ") + ")" }.joined(separator: " AND ")
    guard !negative.isEmpty else { return expression }
    return "(\(expression)) NOT " + (negative.count == 1 ? negative[0] : "(" + negative.joined(separator: " OR ") + ")")
  }

  private static func tokens(_ text: String) -> [(text: String, quoted: Bool)] {
    var result: [(String, Bool)] = []
    var current = ""
    var quoted = false
    for character in text {
      if character == "\"" {
        if quoted {
          if !current.isEmpty { result.append((current, true)) }
          current = ""
        } else if !current.isEmpty {
          result.append((current, false))
          current = ""
        }
        quoted.toggle()
      } else if character.isWhitespace && !quoted {
        if !current.isEmpty { result.append((current, false)) }
        current = ""
      } else {
        current.append(character)
      }
    }
    if !current.isEmpty {
      result.append((current, quoted))
    }
    return result.filter { !$0.0.trimmingCharacters(in: .whitespaces).isEmpty }
  }
}

