/// Finds commitment cues in a sentence: finite commitment verbs ("pledged", "has committed", "agreed to"),
/// "will"/"shall"/"would" before an action verb, "is ready/set/due to", and owned commitment nouns ("Germany's
/// pledge to", "their commitment to"). Negated cues, "will be"/"will have to"/"will need", and nouns with no owner
/// are not cues.
extension SentenceParser {
  func cues() -> [Cue] {
    var cues: [Cue] = []
    var k = start
    while k < end {
      if tokens[k].kind == .word,
        let cue = modalCue(k) ?? readinessCue(k) ?? verbCue(k) ?? participleCue(k) ?? nounCue(k)
      {
        cues.append(cue)
        k = max(cue.actionStart, k + 1)
      } else {
        k += 1
      }
    }
    return cues
  }

  /// "will send", "would form", "shall provide", "'ll help".
  private func modalCue(_ k: Int) -> Cue? {
    guard tokens[k].classes.contains(.auxiliary), ["will", "shall", "would", "'ll", "’ll"].contains(word(k)) else {
      return nil
    }
    var v = skipForward(k + 1)
    guard v < end, tokens[v].isLowercaseWord, !Lexicon.negations.contains(word(v)) else { return nil }
    if word(v) == "be" {
      // "will be sending" is an action; "will be able to", "will be finalised" are not.
      guard v + 1 < end, verbForm(v + 1)?.isGerund == true else { return nil }
      v += 1
    }
    let lemma = Verbs.lemma(word(v)) ?? word(v)
    guard !SentenceParser.nonCommitmentVerbs.contains(lemma), !Lexicon.functionWords.contains(word(v)),
      verbForm(v).map({ $0.isBase || $0.isGerund }) ?? true
    else { return nil }
    let modal = word(k) == "would" ? "would" : "will"
    return Cue(kind: .modal, lemma: modal, modality: .promise, groupStart: groupStart(of: k), tokens: k..<(k + 1),
               actionStart: v)
  }

  /// "is ready to", "are willing to", "is set to", "is due to", "is to", "stands ready to", "is committed to".
  private func readinessCue(_ k: Int) -> Cue? {
    let be = word(k)
    let standing = tokens[k].verb.map { ($0.lemma == "stand" || $0.lemma == "remain") && !$0.isGerund } ?? false
    guard standing || (tokens[k].classes.contains(.auxiliary) && ["is", "are", "was", "were"].contains(be)) else {
      return nil
    }
    var j = skipForward(k + 1)
    var lemma = "to"
    var modality = Modality.promise
    if let m = SentenceParser.readiness[word(j)] {
      lemma = word(j)
      modality = m
      j = skipForward(j + 1)
    } else if be.hasPrefix("stand") || be.hasPrefix("remain") {
      return nil
    }
    guard word(j) == "to" else { return nil }
    let v = skipForward(j + 1)
    guard v < end, tokens[v].isLowercaseWord else { return nil }
    let isBase = Verbs.isBase(word(v)) || (verbForm(v) == nil && !Lexicon.functionWords.contains(word(v)))
    // "is committed to aiding", "is committed to NATO's security".
    guard isBase || lemma == "committed" else { return nil }
    if lemma == "to", !isBase || verbForm(v) == nil { return nil }
    return Cue(kind: .readiness, lemma: lemma, modality: modality, groupStart: groupStart(of: k), tokens: k..<(j + 1),
               actionStart: v)
  }

  /// "pledged $100m", "has committed up to", "agreed to provide", "is pledging", "was pledged by".
  private func verbCue(_ k: Int) -> Cue? {
    guard tokens[k].classes.contains(.cueVerb), tokens[k].isLowercaseWord, let form = tokens[k].verb,
      let modality = SentenceParser.cueVerbs[form.lemma]
    else {
      return nil
    }
    let previous = k > start ? word(k - 1) : ""
    if previous == "to" || isWord(k - 1, .determiner) { return nil }
    // After another finite verb it is a noun: "announced plans to".
    if k > start, tokens[k - 1].isLowercaseWord, tokens[k - 1].isFiniteVerb, !tokens[k - 1].is(.auxiliary) { return nil }
    let auxiliary = auxiliaryBefore(k)
    let isBe = ["is", "are", "was", "were", "been", "being", "be"].contains(auxiliary ?? "")
    // A plain form after its subject is a plural present: "Donors commit", "we pledge".
    let pluralPresent = form.isBase && auxiliary == nil && k > start
      && (analysis.mentionAt[k - 1] != nil || ["we", "they", "i", "you"].contains(previous))
    let finite = form.isFinite || pluralPresent || (form.isParticiple && auxiliary != nil) || (form.isGerund && isBe)
    guard finite else { return nil }
    let group = groupStart(of: k)
    if isBe, form.isParticiple, !(form.lemma == "commit" && word(k + 1) == "to") {
      return Cue(kind: .passive, lemma: form.lemma, modality: modality, groupStart: group, tokens: k..<(k + 1),
                 actionStart: k + 1)
    }
    guard let (action, partner) = complement(of: form.lemma, after: k) else { return nil }
    return Cue(kind: .verb, lemma: form.lemma, modality: modality, groupStart: group, tokens: k..<(k + 1),
               actionStart: action, partnerStart: partner)
  }

  /// ", promising $50m", ", pledging to rebuild": a commitment in a participle after a clause.
  private func participleCue(_ k: Int) -> Cue? {
    guard tokens[k].classes.contains(.cueVerb), tokens[k].isLowercaseWord, let form = tokens[k].verb, form.isGerund,
      let modality = SentenceParser.cueVerbs[form.lemma], SentenceParser.clauseCues.contains(form.lemma)
        || SentenceParser.objectCues.contains(form.lemma),
      k > start, tokens[k - 1].isPunctuation(",") || isWord(k - 1, ["and"]),
      let (action, _) = complement(of: form.lemma, after: k)
    else { return nil }
    return Cue(kind: .participle, lemma: form.lemma, modality: modality, groupStart: k, tokens: k..<(k + 1),
               actionStart: action)
  }

  /// The auxiliary before the verb at `k`, past adverbs: "has" in "has also pledged".
  private func auxiliaryBefore(_ k: Int) -> String? {
    var j = k - 1
    while j >= start, isWord(j, .adverb) { j -= 1 }
    return isWord(j, .auxiliary) ? word(j) : nil
  }

  /// Where the action of a cue verb starts, and a partner after "with" for an agreement.
  private func complement(of lemma: String, after k: Int) -> (Int, Int?)? {
    var j = skipForward(k + 1)
    var partner: Int? = nil
    if lemma == "agree", word(j) == "with" {
      partner = j + 1
      while j < end, word(j) != "to", word(j) != "on", !tokens[j].isPunctuation(",") { j += 1 }
    }
    switch word(j) {
    case "to":
      let v = skipForward(j + 1)
      guard v < end else { return nil }
      if lemma == "commit" || lemma == "pledge" || lemma == "promise" || lemma == "agree" { return (v, partner) }
      return Verbs.isBase(word(v)) || (tokens[v].isLowercaseWord && verbForm(v) == nil) ? (v, partner) : nil
    case "on", "upon":
      return lemma == "agree" ? (j + 1, partner) : nil
    case "that":
      guard SentenceParser.clauseCues.contains(lemma), !clauseHasCommitmentModal(from: j + 1) else { return nil }
      return (predicate(after: j + 1), partner)
    default:
      break
    }
    if SentenceParser.clauseCues.contains(lemma), let p = modalPredicate(from: j) {
      // "pledged Poland would …": the modal is the cue, this verb governs it.
      return clauseHasCommitmentModal(from: j) ? nil : (p, partner)
    }
    guard SentenceParser.objectCues.contains(lemma), j < end, !tokens[j].isPunctuation("."),
      !tokens[j].isPunctuation(","), verbForm(j).map({ $0.isBase && !$0.isFinite }) ?? true
    else { return nil }
    if let needed = SentenceParser.objectContent[lemma], !hasContent(from: j, needed) { return nil }
    // "offered planes" commits; "offered condolences" does not.
    if lemma == "offer", (j..<min(end, j + 3)).contains(where: { isWord($0, SentenceParser.emptyOffers) }) { return nil }
    return (j, partner)
  }

  /// Whether the clause from `j` states its own commitment with "will", "would" or "shall" before its verb.
  private func clauseHasCommitmentModal(from j: Int) -> Bool {
    var k = j
    while k < min(end, j + 8), tokens[k].kind != .punctuation {
      if isWord(k, ["will", "would", "shall", "'ll", "’ll"]) {
        // "promised that weapons would be shipped": a passive; the promise is the cue.
        return !(isWord(k + 1, ["be"]) && Verbs.isParticiple(word(k + 2)))
      }
      if isWord(k, ["must", "should", "to"]) { return false }
      k += 1
    }
    return false
  }

  /// The predicate of a clause after "agreed that": the verb after its modal, or the clause itself.
  private func predicate(after j: Int) -> Int {
    modalPredicate(from: j) ?? j
  }

  /// In "they must spend more", the verb after the modal, if a subject opens the clause and the modal comes
  /// within a few words.
  private func modalPredicate(from j: Int) -> Int? {
    guard j < end, isWord(j, .pronoun) || analysis.mentionAt[j] != nil
      || isWord(j, .determiner) || tokens[j].isCapitalized
    else { return nil }
    var k = j
    while k < min(end, j + 6) {
      if isWord(k, ["must", "will", "would", "should", "shall"]) {
        let v = skipForward(k + 1)
        return v < end && tokens[v].isLowercaseWord ? v : nil
      }
      if tokens[k].kind == .punctuation { return nil }
      k += 1
    }
    return nil
  }

  /// Whether the object after `j` holds what makes it a commitment: a sum, a number, or one of `words`.
  private func hasContent(from j: Int, _ words: Set<String>) -> Bool {
    var k = j
    while k < min(end, j + 10), !tokens[k].isPunctuation(","), !tokens[k].isPunctuation("."), word(k) != "that" {
      if tokens[k].kind == .currency || tokens[k].kind == .number || words.contains(tokens[k].folded) { return true }
      k += 1
    }
    return false
  }

  /// "Germany's pledge to", "their firm commitment to", "made a pledge of $5bn", "Rome's decision to".
  private func nounCue(_ k: Int) -> Cue? {
    guard tokens[k].classes.contains(.cueNoun), let modality = SentenceParser.cueNouns[word(k)], k + 1 < end,
      ["to", "of"].contains(word(k + 1)) || (k + 2 < end && tokens[k + 1].quote != .none && word(k + 2) == "to")
    else { return nil }
    let to = word(k + 1) == "to" || word(k + 1) == "of" ? k + 1 : k + 2
    // Back over adjectives and quotation marks to the owner or the determiner.
    var j = k - 1
    while j >= start, tokens[j].quote != .none || (tokens[j].isLowercaseWord && !Lexicon.determiners.contains(word(j))
      && !Lexicon.possessives.contains(word(j)) && !isFiniteVerb(j) && !Lexicon.prepositions.contains(word(j))
      && !(word(j) == "s" && j > start && tokens[j - 1].folded == "'"))
    {
      j -= 1
    }
    guard j >= start else { return nil }
    var possessor: Int? = nil
    // The verb that governs the noun phrase: "expressed their commitment", "made a pledge", "announced plans".
    var v: Int
    if Lexicon.possessives.contains(word(j)) {
      possessor = j
      v = j - 1
    } else if word(j) == "s", j >= 2, tokens[j - 1].folded == "'", let m = analysis.mentionAt[j - 2] {
      possessor = j - 2
      v = analysis.mentions[m].tokens.lowerBound - 1
    } else if tokens[j].isLowercaseWord, isFiniteVerb(j), !Verbs.auxiliaries.contains(word(j)) {
      v = j
    } else if Lexicon.determiners.contains(word(j)) {
      v = j - 1
    } else {
      return nil
    }
    v = skipBackward(v)
    if isWord(v, ["on", "to", "with"]) { v -= 1 }  // "delivered on its pledge"
    var group: Int? = nil
    if v >= start, tokens[v].isLowercaseWord, let form = verbForm(v) {
      if SentenceParser.fulfilmentVerbs.contains(form.lemma) { return nil }
      if form.isFinite || form.isParticiple { group = groupStart(of: v) }
    }
    // With no verb of its own, only an owner makes the noun a commitment of someone's.
    guard let group = group ?? possessor else { return nil }
    let action = skipForward(to + 1)
    guard action < end else { return nil }
    return Cue(kind: .noun, lemma: word(k), modality: modality, groupStart: group, tokens: k..<(k + 1),
               actionStart: action, possessor: possessor)
  }
}
