/// Conditions attached to a pledge: "if a peace deal is reached", "subject to approval by Congress", "provided
/// that …", "on condition that …", "as long as …", "once …", "unless …", "only in a second phase", "if invaded".
/// A condition runs from its marker to the end of its clause.
enum ConditionFinder {
  /// The first condition in `range`, as a token range.
  static func condition(in tokens: [Token], _ range: Range<Int>) -> Range<Int>? {
    for k in range {
      for marker in byFirst[tokens[k].lower] ?? [] where k + marker.count <= range.upperBound {
        guard Token.words(tokens, at: k, are: marker) else { continue }
        // "once" only as a conjunction before a clause, not "once again".
        if marker == ["once"], k + 1 < range.upperBound, ["again", "more", "a"].contains(tokens[k + 1].lower) { continue }
        let end = clauseEnd(tokens, from: k + marker.count, limit: range.upperBound)
        guard end > k + marker.count else { continue }
        return k..<end
      }
    }
    return nil
  }

  /// Whether the clause starting at `k` is conditional: it opens with a condition marker.
  static func startsWithMarker(_ tokens: [Token], _ k: Int, limit: Int) -> Bool {
    (byFirst[tokens[k].lower] ?? []).contains { marker in
      k + marker.count <= limit && Token.words(tokens, at: k, are: marker)
    }
  }

  private static func clauseEnd(_ tokens: [Token], from start: Int, limit: Int) -> Int {
    var k = start
    while k < limit {
      if tokens[k].classes.contains(.clauseMark) { break }
      if tokens[k].quote == .closing || (tokens[k].quote == .either && k > start) { break }
      if tokens[k].isLowercaseWord, ["but", "while", "whereas", "though", "although"].contains(tokens[k].lower) { break }
      k += 1
    }
    return k
  }

  private static let byFirst: [String: [[String]]] = Dictionary(grouping: markers, by: { $0[0] })

  private static let markers: [[String]] = [
    ["subject", "to"], ["provided", "that"], ["providing", "that"], ["on", "condition", "that"],
    ["on", "the", "condition", "that"], ["for", "as", "long", "as"], ["as", "long", "as"], ["so", "long", "as"], ["only", "if"],
    ["only", "after"], ["only", "once"], ["only", "when"], ["only", "in"], ["in", "the", "event", "of"],
    ["in", "the", "event", "that"], ["conditional", "on"], ["conditional", "upon"], ["contingent", "on"],
    ["contingent", "upon"], ["in", "exchange", "for"], ["in", "return", "for"], ["if"], ["unless"], ["once"],
    ["provided"],
  ]
}
