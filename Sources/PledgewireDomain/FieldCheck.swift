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

  static func count<T>(_ values: [T], _ field: String, max: Int) throws {
    guard values.count <= max else {
      throw RPCError.invalidArgument(field: field, "has \(values.count) entries; the limit is \(max)")
    }
  }

  static func httpURL(_ value: String, _ field: String) throws {
    try required(value, field, max: 2048)
    guard let components = URLComponents(string: value), let scheme = components.scheme?.lowercased(),
      scheme == "http" || scheme == "https", let host = components.host, !host.isEmpty, !value.contains(" ")
    else {
      throw RPCError.invalidArgument(field: field, "must be an absolute http or https URL, not \"\(value.prefix(100))\"")
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
    let amount = money.amount
    let parts = amount.split(separator: ".", omittingEmptySubsequences: false)
    let digits = parts[0].hasPrefix("-") ? parts[0].dropFirst() : parts[0]
    let valid = parts.count <= 2 && (1...20).contains(digits.count) && digits.allSatisfy { $0.isASCII && $0.isNumber }
      && (parts.count == 1 || ((1...10).contains(parts[1].count) && parts[1].allSatisfy { $0.isASCII && $0.isNumber }))
    guard valid else {
      throw RPCError.invalidArgument(field: "\(field).amount", "must be a decimal number such as \"1500000\" or \"2.5\", not \"\(amount)\"")
    }
    guard money.currency.count == 3, money.currency.allSatisfy({ $0.isASCII && $0.isUppercase }) else {
      throw RPCError.invalidArgument(field: "\(field).currency", "must be an ISO 4217 code such as \"EUR\", not \"\(money.currency)\"")
    }
    try known(money.qualifier, "\(field).qualifier", allowUnspecified: true)
  }

  static func timeRange(after: Int64, before: Int64, _ afterField: String, _ beforeField: String) throws {
    guard after >= 0 else { throw RPCError.invalidArgument(field: afterField, "must not be negative") }
    guard before >= 0 else { throw RPCError.invalidArgument(field: beforeField, "must not be negative") }
    if after > 0 && before > 0 && before <= after {
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
