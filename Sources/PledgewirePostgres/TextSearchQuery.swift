import Foundation
import PledgewireWire

/// The FTS5 expressions the domain builds from what people type (quoted terms, a trailing `*` for a prefix, AND,
/// OR, NOT and parentheses) as PostgreSQL `tsquery` text: a term's words become a phrase (`<->`), a prefix `:*`,
/// and the operators `&`, `|` and `& !`. Words are split as SQLite's `unicode61` tokenizer splits them: at every
/// character that is not a letter or a digit, lowercased, without accents.
enum TextSearchQuery {
  /// nil when no term has a word (nothing can match).
  static func tsquery(fts5 expression: String) throws -> String? {
    var output = ""
    var index = expression.startIndex
    var words = 0
    func fail() -> RPCError { RPCError.invalidArgument(field: "query", "not a valid search expression: \(expression)") }
    while index < expression.endIndex {
      let character = expression[index]
      if character == " " {
        index = expression.index(after: index)
      } else if character == "(" || character == ")" {
        output += String(character)
        index = expression.index(after: index)
      } else if character == "\"" {
        var term = ""
        index = expression.index(after: index)
        while true {
          guard index < expression.endIndex else { throw fail() }
          if expression[index] == "\"" {
            let next = expression.index(after: index)
            if next < expression.endIndex && expression[next] == "\"" {
              term.append("\"")
              index = expression.index(after: next)
              continue
            }
            index = next
            break
          }
          term.append(expression[index])
          index = expression.index(after: index)
        }
        var prefix = false
        if index < expression.endIndex && expression[index] == "*" {
          prefix = true
          index = expression.index(after: index)
        }
        let lexemes = split(term)
        words += lexemes.count
        // A term without a word matches nothing; `!''` keeps the expression well formed.
        let phrase = lexemes.isEmpty ? "''" : lexemes.map { "'" + $0.replacingOccurrences(of: "'", with: "''") + "'" }.joined(separator: " <-> ")
        output += lexemes.isEmpty ? phrase : "(" + phrase + (prefix ? ":*" : "") + ")"
      } else {
        var word = ""
        while index < expression.endIndex, expression[index].isLetter {
          word.append(expression[index])
          index = expression.index(after: index)
        }
        switch word {
        case "AND": output += " & "
        case "OR": output += " | "
        case "NOT": output += " & ! "
        default: throw fail()
        }
      }
    }
    return words == 0 ? nil : output
  }

  /// The words of a term, as the index holds them.
  static func split(_ text: String) -> [String] {
    text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).lowercased()
      .split { !($0.isLetter || $0.isNumber) }.map(String.init)
  }
}
