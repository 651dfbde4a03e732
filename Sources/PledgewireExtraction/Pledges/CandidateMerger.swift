/// Merges restatements: a candidate whose makers and category equal an earlier one's, from another sentence, with
/// the same sum, the same commitment noun, or shared words and beneficiaries, becomes an additional quote of it —
/// one pledge reported twice is one candidate.
enum CandidateMerger {
  static func merge(_ candidates: [PledgeCandidate]) -> [PledgeCandidate] {
    var merged: [PledgeCandidate] = []
    for candidate in candidates {
      guard let i = merged.firstIndex(where: { restates($0, candidate) }) else {
        merged.append(candidate)
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

  static func restates(_ a: PledgeCandidate, _ b: PledgeCandidate) -> Bool {
    guard a.quote.range != b.quote.range, !a.additionalQuotes.contains(b.quote), a.category == b.category,
      a.category != .other, keys(a.makers) == keys(b.makers)
    else { return false }
    if let x = a.amount, let y = b.amount { return x.value == y.value && x.currency == y.currency }
    let cue = a.cue.text.lowercased()
    if cue == b.cue.text.lowercased(), SentenceParser.cueNouns[cue] != nil { return true }
    let shared = words(a.action).intersection(words(b.action))
    guard !shared.isEmpty else { return false }
    let beneficiaries = keys(a.beneficiaries)
    return (!beneficiaries.isEmpty && beneficiaries == keys(b.beneficiaries))
      || Double(shared.count) / Double(words(a.action).union(words(b.action)).count) >= 0.25
  }

  private static func keys(_ parties: [Party]) -> Set<String> {
    Set(parties.map { party in party.actor.id.map { "#\($0)" } ?? "\(party.actor.kind.rawValue):\(party.actor.name)" })
  }

  /// Content words of an action, folded, without a plural "s".
  private static func words(_ text: String) -> Set<String> {
    Set(Tokenizer.tokenize(text).compactMap { token in
      guard token.kind == .word, token.folded.count >= 3, !Lexicon.functionWords.contains(token.lower) else { return nil }
      return token.folded.hasSuffix("s") ? String(token.folded.dropLast()) : token.folded
    })
  }
}
