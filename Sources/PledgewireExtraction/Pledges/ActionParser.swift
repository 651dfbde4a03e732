/// What a cue commits to: the clause after it, up to a clause boundary; split where "and" starts a second action
/// ("form a coalition and draw up a plan" → two pledges); and the parties it benefits ("to Ukraine", "help Kyiv").
extension SentenceParser {
  /// The end of the action that starts at `i`, before `limit`: a comma, semicolon, colon, dash, closing quotation
  /// mark, or a conjunction that starts another clause.
  func actionEnd(from i: Int, limit: Int) -> Int {
    var k = i
    while k < limit {
      if tokens[k].isPunctuation(","), continuesList(after: k, limit: limit) {
        k += 1
        continue
      }
      if tokens[k].classes.contains(.clauseMark), tokens[k].text != "(", tokens[k].text != ")" { break }
      if tokens[k].text == "-", tokens[k].spaceBefore { break }
      if tokens[k].quote == .closing || tokens[k].quote == .either, k > i, !closesQuotationOpened(at: k, after: i) { break }
      if tokens[k].isLowercaseWord, SentenceParser.clauseBreaks.contains(tokens[k].lower), k > i { break }
      k += 1
    }
    return k
  }

  /// Whether the comma at `k` separates items of a list of objects ("5,000 troops, two brigades and 12 tanks",
  /// "tanks, artillery and shells"): a number or a short noun phrase follows, and "and" or "or" closes the list.
  private func continuesList(after k: Int, limit: Int) -> Bool {
    var j = k + 1
    guard j < limit else { return false }
    let first = tokens[j]
    let countable = first.kind == .number || first.kind == .currency || Lexicon.numberWords[first.lower] != nil
    guard countable || (first.isLowercaseWord && first.verb == nil && !first.is(.function))
    else { return false }
    while j < min(limit, k + 6) {
      if isWord(j, ["and", "or"]) || tokens[j].isPunctuation(",") { return true }
      if tokens[j].kind == .word, tokens[j].isFiniteVerb || tokens[j].isCapitalized { return false }
      j += 1
    }
    return false
  }

  /// Whether the quotation mark at `k` closes a quotation whose opening mark is at or after `i`: “up to”.
  private func closesQuotationOpened(at k: Int, after i: Int) -> Bool {
    guard k > 0, let q = doc.quotationOf[k - 1] else { return false }
    return doc.quotations[q].upperBound == k && doc.quotations[q].lowerBound - 1 >= i
  }

  /// The action's pieces: split before "and" (or "and to", "and will") followed by a verb that starts a new
  /// verb phrase.
  func actionPieces(_ range: Range<Int>) -> [Range<Int>] {
    var pieces: [Range<Int>] = []
    var from = range.lowerBound
    var k = range.lowerBound + 1
    while k < range.upperBound {
      // "… and would not rule out …", "… and could …": what follows commits to nothing; the action ends.
      if isWord(k, ["and", "but"]), endsCommitment(after: k, limit: range.upperBound) {
        var end = k
        if tokens[end - 1].isPunctuation(",") { end -= 1 }
        if end > from { pieces.append(from..<end) }
        return pieces
      }
      if isWord(k, ["and"]), let next = secondVerb(after: k, limit: range.upperBound) {
        var end = k
        if tokens[end - 1].isPunctuation(",") { end -= 1 }
        if end > from { pieces.append(from..<end) }
        from = next
        k = next + 1
      } else {
        k += 1
      }
    }
    if from < range.upperBound { pieces.append(from..<range.upperBound) }
    return pieces
  }

  /// Whether "and" at `k` starts a verb phrase that is negated or only possible: "and would not", "and could".
  private func endsCommitment(after k: Int, limit: Int) -> Bool {
    let v = skipForward(k + 1, limit: limit)
    guard v < limit else { return false }
    if isWord(v, ["could", "might", "may", "must", "should", "cannot", "can't"]) || isWord(v, .negation) {
      return true
    }
    return isWord(v, ["will", "would", "shall"]) && (isWord(v + 1, .negation) || tokens[v].lower.hasSuffix("n't"))
  }

  /// The verb that starts a second action after "and" at `k`, if one does: a base verb followed by the start of
  /// its object ("and draw up a plan", "and to help Ukraine").
  private func secondVerb(after k: Int, limit: Int) -> Int? {
    var v = k + 1
    if isWord(v, ["to", "will", "would", "shall"]) { v += 1 }
    v = skipForward(v, limit: limit)
    guard v + 1 < limit, tokens[v].isLowercaseWord, Verbs.isBase(word(v)), !Verbs.auxiliaries.contains(word(v)) else {
      return nil
    }
    var o = v + 1
    if isWord(o, ["up", "out", "down", "on", "in"]) { o += 1 }
    guard o < limit else { return nil }
    let object = tokens[o]
    let startsObject = object.isCapitalized || object.kind == .number || object.kind == .currency
      || object.quote != .none || object.is(.determiner)
      || object.is(.possessive) || ["more", "new", "further", "up", "to"].contains(object.lower)
    return startsObject ? v : nil
  }

  /// The parties an action benefits: "to Ukraine", "for Kyiv", "help Ukraine", "provide Kyiv with".
  func beneficiaries(in range: Range<Int>, excluding makers: Set<Int>) -> [Int] {
    var found: [Int] = []
    for k in range {
      var target = k + 1
      let word = self.word(k)
      if word == "to" || word == "for" {
        if k > start, Lexicon.motionWords.contains(self.word(k - 1)) { continue }
        if isWord(target, ["the"]) { target += 1 }
      } else if let lemma = Verbs.lemma(word), SentenceParser.benefitVerbs.contains(lemma) {
        // "help Ukraine", "provide Kyiv with".
      } else {
        continue
      }
      guard target < range.upperBound, let m = analysis.mentionAt[target], !found.contains(m) else { continue }
      let actor = analysis.mentions[m].actor
      if makers.contains(actor) || found.contains(where: { analysis.mentions[$0].actor == actor }) { continue }
      if analysis.actors[actor].ref.kind == .person, word == "to" { continue }
      found.append(m)
    }
    return found
  }

  /// Parties named after "with" in an action: "sign accords with the United States and Japan".
  func partners(in range: Range<Int>) -> [Subject.Part] {
    guard let with = range.first(where: { isWord($0, ["with"]) }),
      range[range.lowerBound..<with].contains(where: { Verbs.lemma(word($0)).map(SentenceParser.partnerVerbs.contains) ?? false })
    else { return [] }
    var parts: [Subject.Part] = []
    var k = with + 1
    while k < range.upperBound {
      if let m = analysis.mentionAt[k] {
        let after = analysis.mentions[m].tokens.upperBound
        if after < end, tokens[after].folded == "'" {
          k = after
          continue
        }
        parts.append(.mention(m))
        k = after
      } else if isWord(k, ["and", "the"]) || tokens[k].isPunctuation(",") || (tokens[k].isCapitalized && Titles.isTitleWord(tokens[k].folded)) {
        k += 1
      } else {
        break
      }
    }
    return parts
  }

  static let clauseBreaks = Lexicon.words("but while whereas though although because unless which who")

  static let benefitVerbs = Lexicon.words("""
    help support aid assist arm defend protect back provide supply give send offer lend grant equip fund finance
    reinforce strengthen bolster
    """)

  /// Verbs whose "with" names a co-party: "sign accords with", "agree with".
  static let partnerVerbs = Lexicon.words("sign agree conclude negotiate")
}
