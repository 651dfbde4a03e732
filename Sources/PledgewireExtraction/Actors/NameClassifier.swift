/// What an unknown capitalised name is, from its words and context: a person ("Maria Lopes"), an organisation
/// ("Ocean Recovery Fund", "Green Party"), or not an actor at all — a place ("Gaza Strip", "in Tikrit"), an
/// event or document ("Water Security Conference"), a product ("Challenger 2"), a code ("COP29"), a heading.
extension MentionFinder {
  enum NameDecision {
    case skip
    /// One word: decided once every full name of the text is known.
    case single
    case person(Double, String)
    case organization(Double, String)
  }

  func classify(_ range: Range<Int>, sentence: Range<Int>) -> NameDecision {
    let words = tokens[range]
    let last = words.last!.folded
    let next = range.upperBound < sentence.upperBound ? tokens[range.upperBound] : nil
    if Lexicon.places.contains(words.map(\.folded).joined(separator: "_")) { return .skip }
    if words.contains(where: { $0.text.unicodeScalars.contains(where: Tokenizer.isDigit) }) { return .skip }
    if next?.kind == .number { return .skip }
    // "in Rafah", "on Telegram" — but "analysts at Northbridge Capital Group".
    if isPlaceContext(range.lowerBound, sentence: sentence), !Lexicon.organizationHeads.contains(last) { return .skip }
    if range.count == 1 { return .single }
    if words.allSatisfy(\.isAllCaps) { return .skip }
    if Lexicon.eventHeads.contains(last) || Lexicon.placeHeads.contains(last) { return .skip }
    if Lexicon.organizationHeads.contains(last) {
      return .organization(0.7, "capitalised name ending in '\(words.last!.text)'")
    }
    if let next, next.isLowercaseWord, Lexicon.outletNouns.contains(next.lower) {
      return .organization(0.75, "name of a \(next.lower)")
    }
    let content = words.filter { !Self.particles.contains($0.lower) }
    if content.contains(where: { $0.is(.calendar) })
      || content.allSatisfy({ $0.is(.commonCapitalized) })
    {
      return .skip
    }
    guard content.count <= 4 else { return .skip }
    return .person(0.65, "unknown capitalised name of \(content.count) words")
  }

  /// A single unknown capitalised word becomes an actor only where its context makes it a name: mid-sentence,
  /// not after a place preposition, not modifying a noun ("Patriot systems"); at the start of a sentence only
  /// before a verb of speech ("Okafor said").
  func singleWordDecision(_ i: Int, sentence: Range<Int>) -> (ActorKind, Double, String)? {
    let token = tokens[i]
    if !token.classes.isDisjoint(with: [.function, .commonCapitalized, .calendar, .title, .groupNoun, .organizationHead,
      .eventHead, .placeHead])
      || Lexicon.regions.contains(token.folded) || Lexicon.groupModifiers.contains(token.lower)
      || token.text.unicodeScalars.count < 3
    {
      return nil
    }
    let next = i + 1 < sentence.upperBound ? tokens[i + 1] : nil
    let nextWord = next?.lower ?? ""
    // "Baltic states": a noun that looks like a verb is no verb after a name.
    let nextIsVerb = next?.kind == .word && next?.isFiniteVerb == true
      && next?.classes.isDisjoint(with: [.groupNoun, .memberWord]) == true
    let speaks = next?.verb.map { Verbs.speech.contains($0.lemma) } ?? false
    if token.isAllCaps {
      return nextIsVerb ? (.organization, 0.5, "unknown acronym as the subject of a verb") : nil
    }
    if isSentenceStart(i, sentence: sentence) {
      return speaks ? (.person, 0.55, "unknown name as the subject of '\(nextWord)'") : nil
    }
    if let next, next.kind == .number { return nil }
    if let next, next.isLowercaseWord, !nextIsVerb, !next.is(.function), next.verb?.isParticiple != true {
      return nil  // a modifier: "Patriot systems", "Sea King helicopters"
    }
    if speaks { return (.person, 0.6, "unknown name as the subject of '\(nextWord)'") }
    // A lone unknown name with no full name in the text is more often a body or brand than a person.
    return (.organization, 0.4, "unknown capitalised word")
  }

  /// Whether token `i` starts its sentence (after any opening quotation marks or dashes).
  func isSentenceStart(_ i: Int, sentence: Range<Int>) -> Bool {
    var j = i - 1
    while j >= sentence.lowerBound, tokens[j].kind != .word, tokens[j].kind != .number { j -= 1 }
    return j < sentence.lowerBound
  }

  /// Whether the words before token `i` make what follows a place or medium: "in", "at", "on", "via", "near"…,
  /// "the" and place adjectives between.
  func isPlaceContext(_ i: Int, sentence: Range<Int>) -> Bool {
    var j = i - 1
    while j >= sentence.lowerBound, tokens[j].lower == "the" || tokens[j].quote != .none { j -= 1 }
    guard j >= sentence.lowerBound else { return false }
    let word = tokens[j].lower
    if (word == "and" || word == "or"), j > sentence.lowerBound, tokens[j - 1].isCapitalized {
      return isPlaceContext(j - 1, sentence: sentence)  // "between Mumbai and Pune"
    }
    return Lexicon.locativePrepositions.contains(word) || word == "on" || word == "via"
      || (word == "to" && j > sentence.lowerBound && tokens[j - 1].is(.motion))
  }
}
