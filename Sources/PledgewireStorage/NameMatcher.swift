/// Scores how well a folded query names a folded candidate name, from 0 to 1, tolerating spelling variants
/// ("zelensky" and "zelenskyy"), missing words ("zelensky" and "volodymyr zelenskyy") and prefixes ("starm").
public enum NameMatcher {
  /// Scores below this are not matches.
  public static let threshold = 0.6

  public static func score(query: String, name: String) -> Double {
    if query == name {
      return 1
    }
    let queryTokens = NameFolding.tokens(query)
    let nameTokens = NameFolding.tokens(name)
    guard !queryTokens.isEmpty, !nameTokens.isEmpty else { return 0 }
    if Set(queryTokens) == Set(nameTokens) {
      return 0.97
    }
    var total = 0.0
    var matchedNameTokens = Set<Int>()
    for queryToken in queryTokens {
      var best = 0.0
      var bestIndex = 0
      for (index, nameToken) in nameTokens.enumerated() {
        let similarity = tokenScore(queryToken, nameToken)
        if similarity > best {
          best = similarity
          bestIndex = index
        }
      }
      total += best
      if best >= threshold {
        matchedNameTokens.insert(bestIndex)
      }
    }
    let average = total / Double(queryTokens.count)
    let coverage = Double(matchedNameTokens.count) / Double(nameTokens.count)
    return min(0.95, average * (0.85 + 0.15 * coverage))
  }

  static func tokenScore(_ query: Substring, _ name: Substring) -> Double {
    if query == name {
      return 1
    }
    let distance = editDistance(Array(query.unicodeScalars), Array(name.unicodeScalars))
    var score = 1 - Double(distance) / Double(max(query.unicodeScalars.count, name.unicodeScalars.count))
    if query.count >= 3 && name.hasPrefix(query) {
      score = max(score, 0.7 + 0.25 * Double(query.count) / Double(name.count))
    }
    return score
  }

  /// Levenshtein distance.
  static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
      current[0] = i
      for j in 1...b.count {
        current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
      }
      swap(&previous, &current)
    }
    return previous[b.count]
  }
}
