import ArgumentParser
import Foundation

/// The part of TOML a config file needs: `[table]` headers, `key = value` lines with basic strings, numbers and
/// booleans, and comments. Anything else is an error naming the file and line.
enum ConfigTOML {
  /// The file's tables by name ("" for the keys before the first header), each its keys and values.
  static func parse(_ text: String, path: String) throws -> [String: [String: Any]] {
    var tables: [String: [String: Any]] = ["": [:]]
    var current = ""
    for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      func invalid(_ why: String) -> ValidationError { ValidationError("\(path):\(index + 1): \(why)") }
      let line = stripComment(String(rawLine)).trimmingCharacters(in: .whitespaces)
      if line.isEmpty { continue }
      if line.hasPrefix("[") {
        guard line.hasSuffix("]"), !line.hasPrefix("[[") else { throw invalid("a table header is [name]") }
        current = line.dropFirst().dropLast().trimmingCharacters(in: .whitespaces)
        guard !current.isEmpty, tables[current] == nil else { throw invalid("table [\(current)] is empty or repeated") }
        tables[current] = [:]
        continue
      }
      guard let equals = line.firstIndex(of: "=") else { throw invalid("expected key = value") }
      let key = line[..<equals].trimmingCharacters(in: .whitespaces)
      let text = line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces)
      guard !key.isEmpty, key.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }) else {
        throw invalid("\"\(key)\" is not a bare key")
      }
      guard tables[current]?[key] == nil else { throw invalid("\(key) is set twice") }
      tables[current]?[key] = try value(text, invalid)
    }
    return tables
  }

  private static func value(_ text: String, _ invalid: (String) -> ValidationError) throws -> Any {
    if text.hasPrefix("\"") {
      guard text.count >= 2, text.hasSuffix("\"") else { throw invalid("unterminated string") }
      var result = ""
      var escaped = false
      for character in text.dropFirst().dropLast() {
        if escaped {
          switch character {
          case "\"", "\\": result.append(character)
          case "n": result.append("\n")
          case "t": result.append("\t")
          default: throw invalid("unknown escape \\\(character)")
          }
          escaped = false
        } else if character == "\\" {
          escaped = true
        } else if character == "\"" {
          throw invalid("unescaped quote in a string")
        } else {
          result.append(character)
        }
      }
      guard !escaped else { throw invalid("unterminated string") }
      return result
    }
    if text == "true" || text == "false" { return text == "true" }
    if let number = Double(text.replacingOccurrences(of: "_", with: "")) { return number }
    throw invalid("\(text) is not a string, number or boolean")
  }

  /// The line without a `#` comment outside a string.
  private static func stripComment(_ line: String) -> String {
    var inString = false
    var escaped = false
    for (offset, character) in line.enumerated() {
      if escaped { escaped = false; continue }
      if character == "\\" && inString { escaped = true } else if character == "\"" { inString.toggle() } else if character == "#" && !inString {
        return String(line.prefix(offset))
      }
    }
    return line
  }
}
