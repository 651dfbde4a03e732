import Foundation
import PledgewireWire

/// Small checks for request fields; each throws `INVALID_ARGUMENT` naming the field.
enum FieldCheck {
  static func required(_ value: String, _ field: String, max: Int) throws {
    guard !value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
      throw RPCError.invalidArgument(field: field, "is required")
    }
    try length(value, field, max: max)
  }

  static func length(_ value: String, _ field: String, max: Int) throws {
    let count = value.unicodeScalars.count
    guard count <= max else {
      throw RPCError.invalidArgument(field: field, "is \(count) characters long; the limit is \(max)")
    }
  }

  static func known<E: ProtobufEnum>(_ value: E, _ field: String, allowUnspecified: Bool = false) throws {
    guard value.isKnown, allowUnspecified || value.rawValue != 0 else {
      let choices = E.allCases.filter { $0.rawValue != 0 }.map(\.name).joined(separator: ", ")
      throw RPCError.invalidArgument(field: field, "must be one of \(choices), not \(value.name)")
    }
  }

  static func positive(_ value: Int64, _ field: String) throws {
    guard value > 0 else {
      throw RPCError.invalidArgument(field: field, "must be a positive id, not \(value)")
    }
  }

  /// An optimistic-concurrency version a request may give: 0 is "any" (nil); a negative one is refused.
  static func expectedVersion(_ value: Int64, _ field: String) throws -> Int64? {
    guard value >= 0 else { throw RPCError.invalidArgument(field: field, "must not be negative") }
    return value == 0 ? nil : value
  }

  /// The ids of a merge: positive, and two different records.
  static func merge(survivor: Int64, duplicate: Int64, _ what: String) throws {
    try positive(survivor, "survivor_id")
    try positive(duplicate, "duplicate_id")
    guard survivor != duplicate else {
      throw RPCError.invalidArgument(field: "duplicate_id", "\(what) cannot be merged into itself")
    }
  }

  static func count<T>(_ values: [T], _ field: String, max: Int) throws {
    guard values.count <= max else {
      throw RPCError.invalidArgument(field: field, "has \(values.count) entries; the limit is \(max)")
    }
  }

  /// A language tag such as "en", "fr", "pt-BR".
  static func language(_ value: String, _ field: String) throws {
    guard !value.isEmpty else { return }
    let parts = value.split(separator: "-", omittingEmptySubsequences: false)
    let valid = (2...3).contains(parts[0].count) && parts[0].allSatisfy { $0.isASCII && $0.isLetter }
      && parts.dropFirst().allSatisfy { (1...8).contains($0.count) && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } }
    guard valid else {
      throw RPCError.invalidArgument(field: field, "must be a BCP 47 language tag such as \"en\" or \"pt-BR\", not \"\(value)\"")
    }
  }

  /// An ISO 3166-1 alpha-3 code, or empty.
  static func countryCode(_ value: String, _ field: String) throws {
    guard !value.isEmpty else { return }
    guard value.count == 3, value.allSatisfy({ $0.isASCII && $0.isUppercase }) else {
      throw RPCError.invalidArgument(field: field, "must be an ISO 3166-1 alpha-3 code such as \"GBR\", not \"\(value)\"")
    }
  }

  static func money(_ money: Money, _ field: String) throws {
    try decimal(money.amount, "\(field).amount")
    guard money.currency.count == 3, money.currency.allSatisfy({ $0.isASCII && $0.isUppercase }) else {
      throw RPCError.invalidArgument(field: "\(field).currency", "must be an ISO 4217 code such as \"EUR\", not \"\(money.currency)\"")
    }
    try known(money.qualifier, "\(field).qualifier", allowUnspecified: true)
    try known(money.period, "\(field).period", allowUnspecified: true)
    try length(money.text, "\(field).text", max: 300)
  }

  static func quantity(_ quantity: Quantity, _ field: String) throws {
    try decimal(quantity.value, "\(field).value", negative: false)
    try required(quantity.unit, "\(field).unit", max: 100)
    try known(quantity.qualifier, "\(field).qualifier", allowUnspecified: true)
    try length(quantity.text, "\(field).text", max: 300)
  }

  static func ratio(_ ratio: Ratio, _ field: String) throws {
    try decimal(ratio.percent, "\(field).percent", negative: false)
    try required(ratio.of, "\(field).of", max: 100)
    try known(ratio.qualifier, "\(field).qualifier", allowUnspecified: true)
    try length(ratio.text, "\(field).text", max: 300)
  }

  /// A decimal number as a string: "1500000", "2.5", "-5.25" (no exponent, no separators).
  static func decimal(_ value: String, _ field: String, negative: Bool = true) throws {
    let parts = value.split(separator: ".", omittingEmptySubsequences: false)
    let digits = negative && parts[0].hasPrefix("-") ? parts[0].dropFirst() : parts[0]
    let valid = parts.count <= 2 && (1...20).contains(digits.count) && digits.allSatisfy { $0.isASCII && $0.isNumber }
      && (parts.count == 1 || ((1...10).contains(parts[1].count) && parts[1].allSatisfy { $0.isASCII && $0.isNumber }))
    guard valid else {
      throw RPCError.invalidArgument(field: field, "must be a decimal number such as \"1500000\" or \"2.5\", not \"\(value)\"")
    }
  }

  /// Free-form tags: at most 50, each 1 to 64 characters without surrounding spaces.
  static func labels(_ labels: [String], _ field: String) throws {
    try count(labels, field, max: 50)
    for (index, label) in labels.enumerated() {
      try required(label, "\(field)[\(index)]", max: 64)
      guard label.trimmingCharacters(in: .whitespacesAndNewlines) == label else {
        throw RPCError.invalidArgument(field: "\(field)[\(index)]", "must not start or end with spaces")
      }
    }
  }

  /// A filter's time window; 0 leaves a side open.
  static func timeRange(after: Int64, before: Int64, _ afterField: String, _ beforeField: String) throws {
    if after != 0 { try Timestamps.inRange(after, afterField) }
    if before != 0 { try Timestamps.inRange(before, beforeField) }
    if after != 0 && before != 0 && before <= after {
      throw RPCError.invalidArgument(field: beforeField, "must be later than \(afterField)")
    }
  }

  /// page_size: 0 means `fallback`; otherwise 1...1000.
  static func pageSize(_ value: Int32, fallback: Int) throws -> Int {
    guard value >= 0 && value <= 1000 else {
      throw RPCError.invalidArgument(field: "page_size", "must be 1...1000 (or 0 for \(fallback)), not \(value)")
    }
    return value == 0 ? fallback : Int(value)
  }
}
