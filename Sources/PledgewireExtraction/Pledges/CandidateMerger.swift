/// Merges restatements: a candidate whose makers and category equal an earlier one's, from another sentence, with
/// the same sum, the same commitment noun, or shared words and beneficiaries, becomes an additional quote of it —
/// one pledge reported twice is one candidate.
enum CandidateMerger {
  /// Merges `candidates`, each given with the content words of its action (``contentWords(_:_:)``).
  static func merge(_ candidates: [(PledgeCandidate, Set<String>)]) -> [PledgeCandidate] {
    var merged: [PledgeCandidate] = []
    var mergedWords: [Set<String>] = []
    for (candidate, candidateWords) in candidates {
      guard let i = merged.indices.first(where: { restates(merged[$0], mergedWords[$0], candidate, candidateWords) }) else {
        merged.append(candidate)
        mergedWords.append(candidateWords)
        continue
      }
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

  /// Whether `b` restates `a`; `aWords` and `bWords` are their actions' content words.
  static func restates(_ a: PledgeCandidate, _ aWords: Set<String>, _ b: PledgeCandidate, _ bWords: Set<String>) -> Bool {
    guard a.quote.range != b.quote.range, !a.additionalQuotes.contains(b.quote), a.category == b.category,
      a.category != .other, keys(a.makers) == keys(b.makers)
    else { return false }
    if let x = a.amount, let y = b.amount { return x.value == y.value && x.currency == y.currency }
    let cue = a.cue.text.lowercased()
    if cue == b.cue.text.lowercased(), SentenceParser.cueNouns[cue] != nil { return true }
    let shared = aWords.intersection(bWords)
    guard !shared.isEmpty else { return false }
    let beneficiaries = keys(a.beneficiaries)
    return (!beneficiaries.isEmpty && beneficiaries == keys(b.beneficiaries))
      || Double(shared.count) / Double(aWords.union(bWords).count) >= 0.25
  }

  private static func keys(_ parties: [Party]) -> Set<String> {
    Set(parties.map { party in party.actor.id.map { "#\($0)" } ?? "\(party.actor.kind.rawValue):\(party.actor.name)" })
  }

  /// Content words of the tokens in `range`, folded, without a plural "s".
  static func contentWords(_ tokens: [Token], _ range: Range<Int>) -> Set<String> {
    var words: Set<String> = []
    for k in range where tokens[k].kind == .word && tokens[k].folded.utf8.count >= 3 {
      guard !tokens[k].is(.function) else { continue }
      let folded = tokens[k].folded
      words.insert(folded.hasSuffix("s") ? String(folded.dropLast()) : folded)
    }
    return words
  }
}
