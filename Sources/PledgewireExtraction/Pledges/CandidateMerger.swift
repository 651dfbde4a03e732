/// Merges restatements: a candidate whose makers and category equal an earlier one's, from another sentence, with
/// the same sum, the same commitment noun, or shared words and beneficiaries, becomes an additional quote of it —
/// one pledge reported twice is one candidate.
enum CandidateMerger {
  /// What the comparison needs of a candidate, computed once.
  struct Key {
    var sentence: ScalarRange
    var category: PledgeCategory
    var makers: Set<String>
    var beneficiaries: Set<String>
    var amount: String?
    /// The commitment noun of the cue, if it is one: "commitment", "pledge".
    var noun: String?
    /// Content words of the action (``contentWords(_:_:)``).
    var words: Set<String>

    init(_ candidate: PledgeCandidate, words: Set<String>) {
      sentence = candidate.quote.range
      category = candidate.category
      makers = CandidateMerger.keys(candidate.makers)
      beneficiaries = CandidateMerger.keys(candidate.beneficiaries)
      amount = candidate.amount.map { $0.value + " " + $0.currency }
      let cue = candidate.cue.text.lowercased()
      noun = SentenceParser.cueNouns[cue] != nil ? cue : nil
      self.words = words
    }
  }

  /// Merges `candidates`, each given with the content words of its action.
  static func merge(_ candidates: [(PledgeCandidate, Set<String>)]) -> [PledgeCandidate] {
    var merged: [PledgeCandidate] = []
    var keys: [Key] = []
    var sentences: [Set<ScalarRange>] = []
    for (candidate, words) in candidates {
      let key = Key(candidate, words: words)
      guard let i = keys.indices.first(where: { !sentences[$0].contains(key.sentence) && restates(keys[$0], key) }) else {
        merged.append(candidate)
        keys.append(key)
        sentences.append([key.sentence])
        continue
      }
      sentences[i].insert(key.sentence)
      merged[i].additionalQuotes.append(candidate.quote)
      merged[i].amount = merged[i].amount ?? candidate.amount
      merged[i].deadline = merged[i].deadline ?? candidate.deadline
      merged[i].condition = merged[i].condition ?? candidate.condition
      if merged[i].beneficiaries.isEmpty { merged[i].beneficiaries = candidate.beneficiaries }
      if merged[i].announcers.isEmpty { merged[i].announcers = candidate.announcers }
      merged[i].confidence = min(0.98, max(merged[i].confidence, candidate.confidence) + 0.03)
      merged[i].explanation.append("restated at \(candidate.quote.range)")
    }
    return merged
  }

  /// Whether `b` restates `a` (from another sentence).
  static func restates(_ a: Key, _ b: Key) -> Bool {
    guard a.category == b.category, a.category != .other, a.makers == b.makers else { return false }
    if let x = a.amount, let y = b.amount { return x == y }
    if let noun = a.noun, noun == b.noun { return true }
    let shared = a.words.intersection(b.words)
    guard !shared.isEmpty else { return false }
    return (!a.beneficiaries.isEmpty && a.beneficiaries == b.beneficiaries)
      || Double(shared.count) / Double(a.words.union(b.words).count) >= 0.25
  }

  private static func keys(_ parties: [Party]) -> Set<String> {
    Set(parties.map { party in party.actor.id.map { "#\($0)" } ?? party.actor.kind.rawValue + ":" + party.actor.name })
  }

  /// Content words of the tokens in `range`, folded, without a plural "s".
  static func contentWords(_ tokens: [Token], _ range: Range<Int>) -> Set<String> {
    var words: Set<String> = []
    for k in range where tokens[k].kind == .word && tokens[k].folded.utf8.count >= 3 {
      guard !tokens[k].is(.function) else { continue }
      let folded = tokens[k].folded
      words.insert(folded.utf8.last == UInt8(ascii: "s") ? String(folded.dropLast()) : folded)
    }
    return words
  }
}
