import ArgumentParser
import Foundation

/// Dates on the command line: "2025-03-02", "2025-03-02T16:00:00Z", or Unix milliseconds.
enum Dates {
  static func parse(_ text: String, option: String) throws -> Int64 {
    if let milliseconds = Int64(text) {
      return milliseconds
    }
    let formatter = ISO8601DateFormatter()
    if let date = formatter.date(from: text) {
      return Int64(date.timeIntervalSince1970 * 1_000)
    }
    formatter.formatOptions = [.withFullDate]
    if let date = formatter.date(from: text) {
      return Int64(date.timeIntervalSince1970 * 1_000)
    }
    throw ValidationError("\(option): \"\(text)\" is not a date like 2025-03-02, 2025-03-02T16:00:00Z or Unix milliseconds")
  }

  /// "2025-03-02T16:00:00Z"; empty for 0.
  static func format(_ milliseconds: Int64) -> String {
    guard milliseconds != 0 else { return "" }
    let formatter = ISO8601DateFormatter()
    return formatter.string(from: Date(timeIntervalSince1970: Double(milliseconds) / 1_000))
  }
}
