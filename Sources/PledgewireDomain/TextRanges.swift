import PledgewireWire

/// Ranges of Unicode scalars (code points) in article text, the unit `TextRange` counts in.
enum TextRanges {
  /// The text at `range`, or nil when the range does not lie inside `text`.
  static func text(in text: String, at range: TextRange) -> String? {
    let scalars = text.unicodeScalars
    guard range.start < range.end, Int(range.end) <= scalars.count else { return nil }
    let start = scalars.index(scalars.startIndex, offsetBy: Int(range.start))
    let end = scalars.index(start, offsetBy: Int(range.end - range.start))
    return String(scalars[start..<end])
  }

  /// The range of the first occurrence of `needle` in `text` at or after scalar `from`: Knuth–Morris–Pratt, linear
  /// in the lengths of both, checking for cancellation as it goes (the call's deadline or CANCEL stops it).
  static func find(_ needle: String, in text: String, from: Int = 0) throws -> TextRange? {
    let pattern = Array(needle.unicodeScalars)
    guard !pattern.isEmpty else { return nil }
    // failure[i]: the length of the longest proper border of pattern[0...i].
    var failure = [Int](repeating: 0, count: pattern.count)
    var border = 0
    for index in 1..<max(1, pattern.count) {
      while border > 0 && pattern[index] != pattern[border] { border = failure[border - 1] }
      if pattern[index] == pattern[border] { border += 1 }
      failure[index] = border
    }
    var matched = 0
    var position = 0
    for scalar in text.unicodeScalars {
      defer { position += 1 }
      if position & 0xffff == 0xffff { try Task.checkCancellation() }
      guard position >= from else { continue }
      while matched > 0 && scalar != pattern[matched] { matched = failure[matched - 1] }
      if scalar == pattern[matched] { matched += 1 }
      if matched == pattern.count {
        let end = position + 1
        return TextRange(start: UInt32(end - pattern.count), end: UInt32(end))
      }
    }
    return nil
  }

  /// Checks a quote against an article body: with a range, the text there must be the quote; without one, the
  /// quote must occur, and the range of its first occurrence is returned.
  static func locate(quote: String, range: TextRange?, in body: String, field: String) throws -> TextRange {
    if let range, range.end > 0 {
      guard let found = text(in: body, at: range) else {
        throw RPCError.invalidArgument(
          field: "\(field).range",
          "[\(range.start), \(range.end)) does not lie inside the article body of \(body.unicodeScalars.count) characters"
        )
      }
      guard found == quote else {
        throw RPCError.invalidArgument(
          field: "\(field).quote",
          "does not match the article text at [\(range.start), \(range.end)), which reads \"\(found.prefix(120))\""
        )
      }
      return range
    }
    guard let found = try find(quote, in: body) else {
      throw RPCError.invalidArgument(field: "\(field).quote", "does not occur in the article body")
    }
    return found
  }
}
