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

  /// The range of the first occurrence of `needle` in `text` at or after scalar `from`.
  static func find(_ needle: String, in text: String, from: Int = 0) -> TextRange? {
    let haystack = Array(text.unicodeScalars)
    let pattern = Array(needle.unicodeScalars)
    guard !pattern.isEmpty, pattern.count <= haystack.count, from <= haystack.count - pattern.count else { return nil }
    for start in from...(haystack.count - pattern.count) where haystack[start] == pattern[0] {
      if haystack[start..<start + pattern.count].elementsEqual(pattern) {
        return TextRange(start: UInt32(start), end: UInt32(start + pattern.count))
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
    guard let found = find(quote, in: body) else {
      throw RPCError.invalidArgument(field: "\(field).quote", "does not occur in the article body")
    }
    return found
  }
}
