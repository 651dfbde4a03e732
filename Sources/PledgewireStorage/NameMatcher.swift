/// Scores how well a folded query names a folded candidate name, from 0 to 1, tolerating spelling variants
/// ("zelensky" and "zelenskyy"), missing words ("zelensky" and "volodymyr zelenskyy") and prefixes ("starm").
public enum NameMatcher {
  /// Scores below this are not matches.
  public static let threshold = 0.6

  public static func score(query: String, name: String) -> Double {
    score(Query(query), name: name)
  }

  /// A folded query split once, for scoring it against many names: each distinct word's scalars, with how often
  /// it occurs (a word repeated scores the same each time, so it is scored once).
  public struct Query: Sendable {
    let text: String
    let words: Set<Substring>
    let distinct: [(word: Substring, scalars: [Unicode.Scalar], count: Int)]
    let wordCount: Int

    public init(_ folded: String) {
      text = folded
      let tokens = NameFolding.tokens(folded)
      words = Set(tokens)
      var counts: [Substring: Int] = [:]
      var order: [Substring] = []
      for token in tokens {
        if counts[token] == nil { order.append(token) }
        counts[token, default: 0] += 1
      }
      distinct = order.map { ($0, Array($0.unicodeScalars), counts[$0]!) }
      wordCount = tokens.count
    }
  }

  public static func score(_ query: Query, name: String) -> Double {
    if query.text == name {
      return 1
    }
    let nameTokens = NameFolding.tokens(name)
    guard query.wordCount > 0, !nameTokens.isEmpty else { return 0 }
    if query.words == Set(nameTokens) {
      return 0.97
    }
    let nameScalars = nameTokens.map { Array($0.unicodeScalars) }
    var total = 0.0
    var matchedNameTokens = Set<Int>()
    for queryToken in query.distinct {
      var best = 0.0
      var bestIndex = 0
      for (index, nameToken) in nameTokens.enumerated() {
        let similarity = tokenScore(queryToken.word, queryToken.scalars, nameToken, nameScalars[index])
        if similarity > best {
          best = similarity
          bestIndex = index
        }
      }
      total += best * Double(queryToken.count)
      if best >= threshold {
        matchedNameTokens.insert(bestIndex)
      }
    }
    let average = total / Double(query.wordCount)
    let coverage = Double(matchedNameTokens.count) / Double(nameTokens.count)
    return min(0.95, average * (0.85 + 0.15 * coverage))
  }

  package static func tokenScore(_ query: Substring, _ name: Substring) -> Double {
    tokenScore(query, Array(query.unicodeScalars), name, Array(name.unicodeScalars))
  }

  package static func tokenScore(_ query: Substring, _ queryScalars: [Unicode.Scalar], _ name: Substring, _ nameScalars: [Unicode.Scalar]) -> Double {
    if query == name {
      return 1
    }
    let longest = max(queryScalars.count, nameScalars.count)
    var score = 1 - Double(editDistance(queryScalars, nameScalars)) / Double(longest)
    if query.count >= 3 && name.hasPrefix(query) {
      score = max(score, 0.7 + 0.25 * Double(query.count) / Double(name.count))
    }
    return score
  }

  /// Levenshtein distance.
  package static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
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
