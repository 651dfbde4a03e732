/// Watch resume tokens: the sequence of the last event a client saw.
enum ResumeToken {
  static func encode(_ sequence: Int64) -> String {
    "e" + String(sequence, radix: 36)
  }

  static func decode(_ token: String) -> Int64? {
    guard token.hasPrefix("e"), let value = Int64(token.dropFirst(), radix: 36), value >= 0 else { return nil }
    return value
  }
}
