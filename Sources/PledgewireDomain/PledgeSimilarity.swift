import PledgewireStorage
import PledgewireWire

/// How alike a draft and a recorded pledge are, from 0 to 1, with the reasons: the makers (the same, overlapping, or
/// affiliated), the category, the action's words, the amounts (within 5 % or 25 %) and how far apart they were made.
/// Components the two cannot be compared on (no amounts, an unknown date) are left out of the average.
struct PledgeSimilarity {
  /// Weights of the components.
  static let makersWeight = 0.35
  static let actionWeight = 0.3
  static let categoryWeight = 0.15
  static let amountWeight = 0.1
  static let timeWeight = 0.1

  let draft: Pledge
  /// The draft's makers and the actors affiliated with them (officials, members).
  let relatedActors: Set<Int64>
  /// Milliseconds apart at which made dates stop counting as close.
  let window: Int64
  private let draftWords: Set<String>
  private let draftTrigrams: Set<String>

  init(draft: Pledge, relatedActors: Set<Int64>, window: Int64) {
    self.draft = draft
    self.relatedActors = relatedActors
    self.window = window
    draftWords = Self.words(draft.action)
    draftTrigrams = Self.trigrams(draftWords)
  }

  /// The score and its reasons.
  func score(_ candidate: Pledge) -> (score: Double, reasons: [String]) {
    var total = 0.0
    var weights = 0.0
    var reasons: [String] = []
    func add(_ value: Double, _ weight: Double, _ reason: String?) {
      total += value * weight
      weights += weight
      if let reason { reasons.append(reason) }
    }

    let draftMakers = Set(draft.parties.filter { $0.role == .maker }.map(\.actorID))
    if !draftMakers.isEmpty {
      let makers = Set(candidate.parties.filter { $0.role == .maker }.map(\.actorID))
      let shared = draftMakers.intersection(makers)
      if !makers.isEmpty && shared.count == makers.union(draftMakers).count {
        add(1, Self.makersWeight, "same makers")
      } else if !shared.isEmpty {
        add(Double(shared.count) / Double(makers.union(draftMakers).count), Self.makersWeight, "makers overlap (\(shared.count) of \(makers.union(draftMakers).count))")
      } else if !makers.isDisjoint(with: relatedActors) {
        add(0.5, Self.makersWeight, "related makers")
      } else if !Set(candidate.parties.filter { $0.role == .announcer }.map(\.actorID)).isDisjoint(with: relatedActors) {
        add(0.25, Self.makersWeight, "announced by a related actor")
      } else {
        add(0, Self.makersWeight, nil)
      }
    }
    if draft.category != .unspecified {
      add(draft.category == candidate.category ? 1 : 0, Self.categoryWeight, draft.category == candidate.category ? "same category" : nil)
    }
    if !draftWords.isEmpty {
      let similarity = textSimilarity(candidate.action)
      add(similarity, Self.actionWeight, similarity >= 0.3 ? "action \(Int((similarity * 100).rounded()))% similar" : nil)
    }
    if let figures = amountSimilarity(candidate) {
      add(figures.value, Self.amountWeight, figures.reason)
    }
    if draft.madeAtMs != 0 && candidate.madeAtMs != 0 && window > 0 {
      let apart = abs(draft.madeAtMs - candidate.madeAtMs)
      let days = apart / DatePeriod.day
      add(max(0, 1 - Double(apart) / Double(window)), Self.timeWeight, apart <= window ? (days == 0 ? "made the same day" : days == 1 ? "made a day apart" : "made \(days) days apart") : nil)
    }
    return (weights > 0 ? min(1, total / weights) : 0, reasons)
  }

  /// Word and letter-trigram overlap of two actions (Dice coefficients, averaged): "send troops to Ukraine" and
  /// "deploy troops in Ukraine" share words; "defence" and "defense" share trigrams.
  func textSimilarity(_ action: String) -> Double {
    let words = Self.words(action)
    guard !words.isEmpty else { return 0 }
    let wordDice = 2 * Double(words.intersection(draftWords).count) / Double(words.count + draftWords.count)
    let trigrams = Self.trigrams(words)
    let trigramDice = trigrams.isEmpty || draftTrigrams.isEmpty ? 0
      : 2 * Double(trigrams.intersection(draftTrigrams).count) / Double(trigrams.count + draftTrigrams.count)
    return (wordDice + trigramDice) / 2
  }

  /// The closest of the candidate's own and its sources' figures to the draft's, in the same currency or unit.
  private func amountSimilarity(_ candidate: Pledge) -> (value: Double, reason: String?)? {
    var pairs: [(Double, Double)] = []
    if let amount = draft.amount, let mine = Double(amount.amount) {
      let theirs = [candidate.amount].compactMap { $0 } + candidate.evidence.compactMap(\.reportedAmount)
      pairs += theirs.filter { $0.currency == amount.currency }.compactMap { Double($0.amount).map { (mine, $0) } }
    }
    if let quantity = draft.quantity, let mine = Double(quantity.value) {
      let theirs = [candidate.quantity].compactMap { $0 } + candidate.evidence.compactMap(\.reportedQuantity)
      pairs += theirs.filter { NameFolding.fold($0.unit) == NameFolding.fold(quantity.unit) }.compactMap { Double($0.value).map { (mine, $0) } }
    }
    if let target = draft.target, let mine = Double(target.percent), let theirs = candidate.target,
      NameFolding.fold(theirs.of) == NameFolding.fold(target.of), let value = Double(theirs.percent) {
      pairs.append((mine, value))
    }
    guard !pairs.isEmpty else { return nil }
    let closest = pairs.map { a, b in a == b ? 0 : abs(a - b) / max(abs(a), abs(b)) }.min()!
    switch closest {
    case ...0.05: return (1, "amount within 5%")
    case ...0.25: return (0.5, "amount within 25%")
    default: return (0, nil)
    }
  }

  private static let stopWords: Set<String> = [
    "a", "an", "the", "to", "of", "and", "or", "in", "on", "for", "with", "by", "at", "from", "into", "its", "their",
    "his", "her", "it", "as", "be", "will", "would", "that", "this", "any", "all", "more", "up", "out", "is", "are",
  ]

  /// The folded words of a text without stop words, lightly stemmed ("troops" and "troop" alike).
  static func words(_ text: String) -> Set<String> {
    Set(NameFolding.tokens(NameFolding.fold(text)).compactMap { token -> String? in
      var word = String(token)
      guard !stopWords.contains(word) else { return nil }
      for suffix in ["ing", "ed", "es", "s"] where word.count > suffix.count + 3 && word.hasSuffix(suffix) {
        word.removeLast(suffix.count)
        break
      }
      return word
    })
  }

  static func trigrams(_ words: Set<String>) -> Set<String> {
    var trigrams = Set<String>()
    for word in words {
      let letters = Array(" " + word + " ")
      for index in 0..<max(0, letters.count - 2) {
        trigrams.insert(String(letters[index..<index + 3]))
      }
    }
    return trigrams
  }
}
