/// The subject of a verb group, as the parties it names: mentions ("Britain, Ukraine, France and some other
/// nations" → three countries; the vague tail is left out), the owner in "Leaders of the G7", or a pronoun to
/// resolve ("it", "they", "we").
struct Subject: Sendable {
  enum Part: Hashable, Sendable {
    /// A mention (index into ``ActorAnalysis/mentions``).
    case mention(Int)
    /// A pronoun token to resolve.
    case pronoun(Int)
    /// "her government", "its administration": the possessive pronoun (token) resolves to the owner, a person
    /// stands for the state they lead; the second value is the noun's token.
    case government(Int, Int)
  }

  var parts: [Part]
  /// The subject's tokens.
  var range: Range<Int>
  /// Whether the subject had a vague member that was left out ("and other nations").
  var droppedVague: Bool
}

extension SentenceParser {
  /// The subject of the verb group starting at `groupStart`: the noun phrase before it (past adverbs, time
  /// expressions and parentheticals), or — for a second verb ("met … and promised to") — the first verb's.
  func subject(before groupStart: Int, depth: Int = 0) -> Subject? {
    let j = skipBackward(groupStart - 1)
    guard j >= start else { return nil }
    if isWord(j, ["and", "but", "or"]) {
      // The first verb of the coordination: skip verbs of subordinate clauses ("as soon as it reached …").
      guard depth < 3 else { return nil }
      var from = j
      for _ in 0..<3 {
        guard let v = previousFiniteVerb(before: from), isCoordinatedVerb(v, before: j) else { return nil }
        let group = self.groupStart(of: v)
        if let found = subject(before: group, depth: depth + 1),
          !isWord(found.range.lowerBound - 1, .subordinator)
        {
          return found
        }
        from = group
      }
      return nil
    }
    if isWord(j, ["who", "which", "that"]) {
      var k = j - 1
      if k >= start, tokens[k].isPunctuation(",") { k -= 1 }
      guard k >= start, let m = analysis.mentionAt[k] else { return nil }
      return Subject(parts: [.mention(m)], range: j..<(j + 1), droppedVague: false)
    }
    if isWord(j, .pronoun) {
      return Subject(parts: [.pronoun(j)], range: j..<(j + 1), droppedVague: false)
    }
    return nounPhrase(endingAt: j) ?? postModified(endingAt: j)
  }

  /// A subject with a place or participle phrase after its head: "Donors meeting in Geneva", "Leaders at the
  /// summit". The phrase back to its preposition (and a participle before it) is skipped.
  private func postModified(endingAt j: Int) -> Subject? {
    var p = j
    while p > start, j - p < 6, !isWord(p, .preposition) {
      guard tokens[p].kind != .punctuation, !(tokens[p].isLowercaseWord && isFiniteVerb(p)) else { return nil }
      p -= 1
    }
    guard isWord(p, .preposition), !isWord(p, ["to", "than", "as", "like"]) else { return nil }
    var k = p - 1
    if k > start, tokens[k].isLowercaseWord, let form = verbForm(k), form.isGerund || form.isParticiple { k -= 1 }
    guard k >= start, analysis.mentionAt[k] != nil else { return nil }
    return nounPhrase(endingAt: k)
  }

  /// Whether the finite verb `v` heads a verb phrase that "and" at `conjunction` continues: no clause boundary
  /// between them.
  private func isCoordinatedVerb(_ v: Int, before conjunction: Int) -> Bool {
    !((v + 1)..<conjunction).contains { tokens[$0].isPunctuation(";") || tokens[$0].isPunctuation(":") || isWord($0, ["that", "said", "says"]) }
  }

  /// A coordinated noun phrase ending at token `j`, and the parties its heads name.
  private func nounPhrase(endingAt j: Int) -> Subject? {
    var parts: [Subject.Part] = []
    var k = j
    var lowest = j + 1
    var list = false
    var droppedVague = false
    while k >= start {
      let (conjunctStart, vague) = conjunct(endingAt: k)
      guard conjunctStart <= k else { break }
      if vague {
        droppedVague = true
      } else {
        parts = heads(of: conjunctStart..<(k + 1)) + parts
      }
      lowest = conjunctStart
      var b = conjunctStart - 1
      if isWord(b, ["and", "or"]) || (b >= start && tokens[b].text == "&") {
        list = true
        b -= 1
        if b >= start, tokens[b].isPunctuation(",") { b -= 1 }
      } else if b >= start, tokens[b].isPunctuation(","), list {
        b -= 1
      } else {
        break
      }
      guard b >= start, analysis.mentionAt[b] != nil else { break }
      k = b
    }
    guard !parts.isEmpty, isSubjectBoundary(lowest - 1) else { return nil }
    return Subject(parts: parts, range: lowest..<(j + 1), droppedVague: droppedVague)
  }

  /// The start of the conjunct ending at `k` and whether it is vague ("several other states", "others").
  private func conjunct(endingAt k: Int) -> (Int, Bool) {
    var a = k
    var hasMention = false
    var vague = false
    while a >= start {
      if let m = analysis.mentionAt[a] {
        hasMention = true
        a = analysis.mentions[m].tokens.lowerBound - 1
      } else if isNounPhraseToken(a) {
        if tokens[a].is(.vague) || tokens[a].lower == "others" { vague = true }
        a -= 1
      } else {
        break
      }
    }
    return (a + 1, vague && !hasMention || (!hasMention && tokens[k].lower == "others"))
  }

  /// The parties a conjunct names: its head mention ("British Prime Minister Keir Starmer" → Keir Starmer), or
  /// the owner after "of" when the head is a word for members ("Leaders of the G7" → the G7).
  private func heads(of conjunct: Range<Int>) -> [Subject.Part] {
    if let of = conjunct.first(where: { tokens[$0].lower == "of" }),
      (conjunct.lowerBound..<of).contains(where: { tokens[$0].is(.memberWord) })
    {
      var parts: [Subject.Part] = []
      var k = of + 1
      while k < conjunct.upperBound {
        if let m = analysis.mentionAt[k] {
          let after = analysis.mentions[m].tokens.upperBound
          let possessive = after < end && tokens[after].folded == "'"
          if !possessive, !analysis.mentions[m].needsRole, !parts.contains(.mention(m)) { parts.append(.mention(m)) }
          k = after
        } else {
          k += 1
        }
      }
      if !parts.isEmpty { return parts }
    }
    var h = conjunct.upperBound - 1
    // Past a parenthesised acronym or closing quotation mark: "the Group of Seven (G7)".
    while h > conjunct.lowerBound, tokens[h].isPunctuation(")") || tokens[h].quote != .none {
      if tokens[h].isPunctuation(")") {
        while h > conjunct.lowerBound, !tokens[h].isPunctuation("(") { h -= 1 }
      }
      h -= 1
    }
    if let m = analysis.mentionAt[h] { return [.mention(m)] }
    if h > conjunct.lowerBound, isWord(h, .governmentNoun), isWord(h - 1, .possessive) {
      return [.government(h - 1, h)]
    }
    if isWord(h, .pronoun) { return [.pronoun(h)] }
    // "Norway's government", "G7 finance ministers": the body whose government or members act.
    if isWord(h, .governmentNoun) || isWord(h, .memberWord) {
      var k = h - 1
      while k >= conjunct.lowerBound, analysis.mentionAt[k] == nil { k -= 1 }
      if k >= conjunct.lowerBound, let m = analysis.mentionAt[k], analysis.actors[analysis.mentions[m].actor].ref.kind != .person {
        let possessive = k + 2 < end && tokens[k + 1].folded == "'" && word(k + 2) == "s"
        if !possessive || isWord(h, .governmentNoun) { return [.mention(m)] }
      }
    }
    return []
  }

  private func isNounPhraseToken(_ a: Int) -> Bool {
    switch tokens[a].kind {
    case .number, .quote, .currency:
      return true
    case .punctuation:
      return ["(", ")", "'", "%", "-"].contains(tokens[a].folded)
    case .word:
      if tokens[a].lower == "s", a > start, tokens[a - 1].folded == "'" { return true }
      let classes = tokens[a].classes
      if tokens[a].isCapitalized {
        // A name or title word, or "The" opening the sentence — not "Sunday" or "However".
        return ["the", "a", "an"].contains(tokens[a].lower) || classes.isDisjoint(with: [.calendar, .function])
      }
      if tokens[a].lower == "that" { return false }  // a complementiser far more often than a determiner
      if tokens[a].lower == "of" || !classes.isDisjoint(with: [.determiner, .vague, .memberWord]) { return true }
      return classes.isDisjoint(with: [.preposition, .function, .adverb]) && !tokens[a].isFiniteVerb
    default:
      return false
    }
  }

  /// Whether the token before a subject can precede one: not a preposition or a verb that would make the phrase
  /// its object.
  private func isSubjectBoundary(_ b: Int) -> Bool {
    guard b >= start else { return true }
    let token = tokens[b]
    guard token.kind == .word else { return true }
    if token.is(.preposition) { return false }
    if let form = token.verb, form.isFinite, !Verbs.speech.contains(form.lemma),
      !SentenceParser.clauseCues.contains(form.lemma)
    {
      return false
    }
    return true
  }

}
