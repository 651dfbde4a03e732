/// Who reports what a clause says: the subject of a verb of speech before it ("Starmer said European leaders
/// agreed …"), after it ("…, Chancellor Anna Berg announced"), "according to X", or the speaker of the
/// quotation it stands in (“We will …,” Starmer said). A statement or communiqué is no announcer.
extension SentenceParser {
  /// Who speaks.
  enum Speaker {
    case party(Subject)
    /// A document speaks: "a statement saying: …".
    case document
  }

  /// The speaker of the verb of speech whose clause ends just before token `i`: "X said (on Sunday) (that) …".
  func governingSpeaker(before i: Int) -> Speaker? {
    governingVerb(before: i).flatMap(speaker(ofSpeechVerb:))
  }

  /// The verb of speech or commitment whose clause ends just before token `i`: "said", "pledged" in "Tusk
  /// pledged that Poland would …".
  func governingVerb(before i: Int) -> Int? {
    var j = skipBackward(i - 1)
    if isWord(j, ["that"]) || (j >= start && tokens[j].isPunctuation(":")) { j = skipBackward(j - 1) }
    // "told reporters that", "assured parliament that".
    if isWord(j, SentenceParser.audiences), !isSpeechVerb(j) {
      j -= 1
      if isWord(j, ["the", "a"]) { j -= 1 }
    }
    guard j >= start, isSpeechVerb(j) || isCommitmentGovernor(j) else { return nil }
    return j
  }

  /// A finite commitment verb that can govern a clause: "pledged (that)", "agreed (that)", "promised".
  func isCommitmentGovernor(_ k: Int) -> Bool {
    guard k >= start, k < end, tokens[k].isLowercaseWord, let form = verbForm(k), form.isFinite else { return false }
    return SentenceParser.clauseCues.contains(form.lemma)
  }

  /// The speaker of the verb of speech at `v`: its subject, the name after it ("said Starmer"), or a document.
  func speaker(ofSpeechVerb v: Int) -> Speaker? {
    // "…, Yellen told reporters, adding that …": the speaker of the verb of speech before.
    if verbForm(v)?.isGerund == true, v > start, tokens[v - 1].isPunctuation(","),
      let earlier = (start..<(v - 1)).last(where: { isSpeechVerb($0) && verbForm($0)?.isGerund != true })
    {
      return speaker(ofSpeechVerb: earlier)
    }
    if ["saying", "stating", "reading"].contains(word(v)) {
      var k = v - 1
      while k >= start, tokens[k].isLowercaseWord, !SentenceParser.documentNouns.contains(word(k)), v - k < 4 { k -= 1 }
      if isWord(k, SentenceParser.documentNouns) { return .document }
    }
    if let subject = subject(before: groupStart(of: v)) { return .party(subject) }
    var k = v + 1
    while k < end, tokens[k].isCapitalized, analysis.mentionAt[k] == nil, Titles.isTitleWord(tokens[k].folded) { k += 1 }
    if k < end, let m = analysis.mentionAt[k] {
      return .party(Subject(parts: [.mention(m)], range: analysis.mentions[m].tokens, droppedVague: false))
    }
    return nil
  }

  /// An attribution after token `i`: ", X said", ", said X", "according to X".
  func trailingSpeaker(from i: Int) -> Speaker? {
    var k = i
    while k < end {
      if isWord(k, ["according"]), isWord(k + 1, ["to"]), k + 2 < end, let m = analysis.mentionAt[k + 2] {
        return .party(Subject(parts: [.mention(m)], range: analysis.mentions[m].tokens, droppedVague: false))
      }
      if isSpeechVerb(k), let speaker = speaker(ofSpeechVerb: k) {
        if case .party(let subject) = speaker, subject.range.lowerBound > i,
          tokens[subject.range.lowerBound - 1].isPunctuation(",") || tokens[subject.range.lowerBound - 1].quote != .none
        {
          return speaker
        }
        if k > start, tokens[k - 1].isPunctuation(",") || tokens[k - 1].quote != .none {
          if case .party(let subject) = speaker, subject.range.lowerBound > k { return speaker }
        }
      }
      k += 1
    }
    // "According to Reuters, …" at the start.
    if isWord(start, ["according"]), isWord(start + 1, ["to"]), start + 2 < end, let m = analysis.mentionAt[start + 2] {
      return .party(Subject(parts: [.mention(m)], range: analysis.mentions[m].tokens, droppedVague: false))
    }
    return nil
  }

  /// A verb of speech in a form that can report: "said", "says", "announced", "told", "saying".
  func isSpeechVerb(_ k: Int) -> Bool {
    guard k >= start, k < end, tokens[k].isLowercaseWord, let form = verbForm(k),
      Verbs.speech.contains(form.lemma)
    else { return false }
    return form.isFinite || form.isGerund || (form.isParticiple && k > start && Verbs.auxiliaries.contains(word(k - 1)))
  }

  /// Whom a speaker tells: "told reporters that".
  static let audiences = Lexicon.words("reporters journalists lawmakers parliament legislators delegates allies audience")

  static let documentNouns = Lexicon.words("""
    statement communique communiqué declaration announcement report letter document text post tweet release
    resolution conclusions
    """)
}

/// The speaker of a quotation: the attribution after its closing mark (“…,” Starmer said), before its opening mark
/// (Starmer said: “…”), or that of the quotation before it in the same paragraph.
struct QuoteAttribution {
  let doc: Document
  let analysis: ActorAnalysis

  func speaker(ofQuotation q: Int, depth: Int = 0) -> SentenceParser.Speaker? {
    let range = doc.quotations[q]
    let close = range.upperBound
    // After: “…,” Starmer said / “…,” said Starmer.
    if close < doc.tokens.count {
      let sentence = doc.sentences[doc.sentenceOf[close]]
      let parser = SentenceParser(doc: doc, analysis: analysis, sentence: sentence)
      var k = close + 1
      if k < sentence.upperBound, doc.tokens[k].isPunctuation(",") { k += 1 }
      for v in k..<min(sentence.upperBound, k + 10) where parser.isSpeechVerb(v) {
        if let speaker = parser.speaker(ofSpeechVerb: v) {
          if case .party(let subject) = speaker, subject.range.lowerBound < k - 1 { break }
          return speaker
        }
        break
      }
    }
    // Before: Starmer said: “…” / a statement saying: “…”.
    let open = range.lowerBound - 1
    if open >= 1 {
      let sentence = doc.sentences[doc.sentenceOf[open - 1]]
      let parser = SentenceParser(doc: doc, analysis: analysis, sentence: sentence)
      var v = open - 1
      if v >= sentence.lowerBound, doc.tokens[v].isPunctuation(":") || doc.tokens[v].isPunctuation(",") { v -= 1 }
      if parser.isSpeechVerb(v) { return parser.speaker(ofSpeechVerb: v) }
    }
    // The quotation before, in the same paragraph.
    guard depth < 3, q > 0 else { return nil }
    let previous = doc.quotations[q - 1]
    let between = previous.upperBound..<range.lowerBound
    guard !between.contains(where: { doc.tokens[$0].newlinesBefore > 0 }) else { return nil }
    return speaker(ofQuotation: q - 1, depth: depth + 1)
  }
}
