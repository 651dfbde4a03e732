/// Builds candidate pledges sentence by sentence: for each commitment cue, its makers (the subject), announcer,
/// action (split into several pledges where "and" starts another verb), beneficiaries, condition, amount,
/// quantities, deadline, category and confidence. A cue with no named maker, in a question, in an "if"/"whether"
/// clause, or a bare "would" outside reported speech makes no candidate.
struct PledgeFinder {
  let doc: Document
  /// The mentions and actors; what the pledges reveal about officials (whom they speak for) is added to it.
  private(set) var analysis: ActorAnalysis
  let reference: (year: Int, month: Int)?
  let articleScores: [PledgeCategory: Double]
  /// Mentions used as parties: group phrases among them are output.
  private(set) var parties: Set<Int> = []

  init(doc: Document, analysis: ActorAnalysis, publishedAtMs: Int64?) {
    self.doc = doc
    self.analysis = analysis
    reference = publishedAtMs.map { ms in
      let date = CivilDate.date(ms: ms)
      return (date.year, date.month)
    }
    articleScores = CategoryClassifier.scores(doc.tokens, 0..<doc.tokens.count)
  }

  mutating func candidates() -> [PledgeCandidate] {
    var candidates: [(PledgeCandidate, Set<String>)] = []
    for (index, sentence) in doc.sentences.enumerated() {
      guard !isQuestion(sentence) else { continue }
      let parser = SentenceParser(doc: doc, analysis: analysis, sentence: sentence)
      let cues = parser.cues()
      guard !cues.isEmpty else { continue }
      let sentenceScores = CategoryClassifier.scores(doc.tokens, sentence)
      for (n, cue) in cues.enumerated() {
        let next = n + 1 < cues.count ? cues[n + 1] : nil
        candidates += make(cue, next: next, parser: parser, sentenceIndex: index, sentenceScores: sentenceScores)
      }
    }
    return CandidateMerger.merge(candidates)
  }

  private func isQuestion(_ sentence: Range<Int>) -> Bool {
    var k = sentence.upperBound - 1
    while k > sentence.lowerBound, doc.tokens[k].kind == .quote { k -= 1 }
    return doc.tokens[k].isPunctuation("?")
  }

  /// The candidates of one cue, each with the content words of its action.
  private mutating func make(
    _ cue: Cue, next: Cue?, parser: SentenceParser, sentenceIndex: Int, sentenceScores: [PledgeCategory: Double]
  ) -> [(PledgeCandidate, Set<String>)] {
    var why = ["cue '\(doc.excerpt(cue.tokens).text)' (\(cue.modality.rawValue))"]
    guard let subject = subject(of: cue, parser: parser), !subject.parts.isEmpty else { return [] }
    // The region ends where the next cue's clause starts: its subject, if that comes after this cue.
    let nextClause = next.map { next in
      parser.subject(before: next.groupStart).map(\.range.lowerBound).flatMap { $0 > cue.actionStart ? $0 : nil }
        ?? next.groupStart
    }
    let regionEnd = min(nextClause ?? parser.end, parser.end)
    guard cue.actionStart < regionEnd else { return [] }
    let region = cue.actionStart..<regionEnd

    // Hypotheticals and negation.
    let before = parser.skipBackward(subject.range.lowerBound - 1)
    if parser.isWord(before, ["if", "whether", "unless"]) || parser.isNegated(cue.groupStart, cue.tokens.lowerBound) {
      return []
    }
    if subject.range.lowerBound > parser.start, parser.isWord(subject.range.lowerBound - 1, ["no", "neither"]) { return [] }

    let actionEnd = parser.actionEnd(from: cue.actionStart, limit: regionEnd)
    let quotation = doc.quotationOf[cue.tokens.lowerBound]
    let governor = parser.governingVerb(before: subject.range.lowerBound)
    var modality = cue.modality
    if let governor, cue.kind == .modal, parser.isCommitmentGovernor(governor),
      let governing = Verbs.lemma(parser.word(governor)).flatMap({ SentenceParser.cueVerbs[$0] })
    {
      modality = governing
      why.append("governed by '\(doc.tokens[governor].text)' (\(governing.rawValue))")
    }
    let speaker = reporter(of: cue, quotation: quotation, governor: governor, actionEnd: actionEnd, parser: parser)
    var speakerSubject: Subject? = nil
    if case .party(let s) = speaker { speakerSubject = s }

    let condition = ConditionFinder.condition(in: doc.tokens, region)
      ?? leadingCondition(parser, before: subject.range.lowerBound)
    // A bare "would" is hypothetical; reported ("Peru said it would …") it is a commitment.
    if cue.lemma == "would", speaker == nil, governor == nil { return [] }

    let resolver = PartyResolver(doc: doc, analysis: analysis)
    var makers = resolver.resolve(subject.parts, speaker: speakerSubject, inQuote: quotation != nil)
    guard !makers.isEmpty else { return [] }

    // The action, up to a condition inside it.
    var actionRange = cue.actionStart..<max(actionEnd, cue.actionStart)
    if let condition, actionRange.contains(condition.lowerBound), condition.lowerBound > actionRange.lowerBound {
      actionRange = actionRange.lowerBound..<condition.lowerBound
    }
    guard !actionRange.isEmpty else { return [] }
    var partners = resolver.resolve(parser.partners(in: actionRange), speaker: nil, inQuote: false)
    if let start = cue.partnerStart, start < doc.tokens.count, let m = analysis.mentionAt[start] {
      partners.append(PartyResolver.Resolved(actor: analysis.mentions[m].actor, tokens: analysis.mentions[m].tokens, rule: "partner"))
    }
    if !partners.isEmpty {
      makers += partners.filter { p in !makers.contains { $0.actor == p.actor } }
      why.append("co-makers after 'with'")
    }
    makers = resolver.actingFor(makers)
    why.append("makers: " + makers.map(\.rule).joined(separator: "; "))
    if subject.droppedVague { why.append("unnamed parties left out") }
    let makerActors = Set(makers.map(\.actor))

    var announcers = speakerSubject.map { resolver.resolve($0.parts, speaker: nil, inQuote: false) } ?? []
    announcers = announcers.reduce(into: []) { unique, party in
      if !makerActors.contains(party.actor), !unique.contains(where: { $0.actor == party.actor }) { unique.append(party) }
    }
    if !announcers.isEmpty { why.append("announcer: " + announcers.map(\.rule).joined(separator: "; ")) }
    speaksFor(announcers, makers)

    let pieces = parser.actionPieces(actionRange)
    if pieces.count > 1 { why.append("\(pieces.count) actions joined by 'and'") }
    let commitment = Commitment(
      cue: cue, modality: modality, makers: makers, makersIncomplete: subject.droppedVague, announcers: announcers,
      condition: condition, region: region, pieceCount: pieces.count,
      // A passive's sum is its subject: "$40 million was pledged by Japan".
      amounts: AmountParser.amounts(in: doc.tokens, cue.kind == .passive ? parser.start..<regionEnd : region),
      quoted: quotation != nil, sentenceIndex: sentenceIndex, sentenceScores: sentenceScores, explanation: why
    )
    var out: [(PledgeCandidate, Set<String>)] = []
    for piece in pieces {
      guard let (candidate, beneficiaries) = candidate(commitment, piece: piece, parser: parser) else { continue }
      out.append((candidate, CandidateMerger.contentWords(doc.tokens, piece)))
      parties.formUnion(beneficiaries)
    }
    for party in makers + announcers {
      if let m = analysis.mentionAt[party.tokens.lowerBound] { parties.insert(m) }
    }
    return out
  }

  /// The subject of a cue: the agent of a passive, the clause's subject for a participle, the owner of a noun.
  private func subject(of cue: Cue, parser: SentenceParser) -> Subject? {
    switch cue.kind {
    case .passive:
      return agent(after: cue.tokens.upperBound, parser: parser)
    case .participle:
      return parser.previousFiniteVerb(before: cue.groupStart).flatMap { parser.subject(before: parser.groupStart(of: $0)) }
    case .noun where cue.possessor.map({ analysis.mentionAt[$0] != nil }) == true:
      let m = analysis.mentionAt[cue.possessor!]!
      return Subject(parts: [.mention(m)], range: analysis.mentions[m].tokens, droppedVague: false)
    case .noun where cue.possessor != nil && cue.groupStart == cue.possessor:
      // "its decision to …" with no verb of its own: the owner is whom "its" refers to.
      let p = cue.possessor!
      return Subject(parts: [.pronoun(p)], range: p..<(p + 1), droppedVague: false)
    default:
      return parser.subject(before: cue.groupStart)
    }
  }

  /// Who reports a cue's clause: the speaker of its quotation, of the verb that governs it, of an attribution after
  /// it, or — for a participle — of the clause it follows ("Ruiz told reporters, promising …").
  private func reporter(
    of cue: Cue, quotation: Int?, governor: Int?, actionEnd: Int, parser: SentenceParser
  ) -> SentenceParser.Speaker? {
    if let quotation, let speaker = QuoteAttribution(doc: doc, analysis: analysis).speaker(ofQuotation: quotation) {
      return speaker
    }
    if let speaker = governor.flatMap(parser.speaker(ofSpeechVerb:)) ?? parser.trailingSpeaker(from: actionEnd) {
      return speaker
    }
    guard cue.kind == .participle, let v = parser.previousFiniteVerb(before: cue.groupStart), parser.isSpeechVerb(v)
    else { return nil }
    return parser.speaker(ofSpeechVerb: v)
  }

  /// An official with no affiliation in the text who announces one state's pledge speaks for that state: "Norway
  /// will …, Defence Minister Ola Berg said" ties Berg to Norway, so his "we" is Norway later.
  private mutating func speaksFor(_ announcers: [PartyResolver.Resolved], _ makers: [PartyResolver.Resolved]) {
    guard makers.count == 1, analysis.actors[makers[0].actor].ref.kind == .country else { return }
    for announcer in announcers {
      let actor = analysis.actors[announcer.actor]
      guard actor.ref.kind == .person, !actor.titleHeads.isEmpty, actor.affiliation == nil else { continue }
      analysis.actors[announcer.actor].affiliation = makers[0].actor
      if actor.ref.source == .proposed {
        analysis.actors[announcer.actor].ref.affiliation = analysis.actors[makers[0].actor].ref.name
      }
    }
  }

  /// "was pledged by Japan": the agent after "by".
  private func agent(after k: Int, parser: SentenceParser) -> Subject? {
    var j = k
    while j < min(parser.end, k + 12), !doc.tokens[j].isPunctuation(",") {
      if parser.isWord(j, ["by"]), j + 1 < parser.end, let m = analysis.mentionAt[j + 1 + (parser.isWord(j + 1, ["the"]) ? 1 : 0)] {
        return Subject(parts: [.mention(m)], range: analysis.mentions[m].tokens, droppedVague: false)
      }
      j += 1
    }
    return nil
  }

  /// A condition opening the sentence: "If a deal is reached, Britain will …".
  private func leadingCondition(_ parser: SentenceParser, before subjectStart: Int) -> Range<Int>? {
    var k = parser.start
    while k < subjectStart, doc.tokens[k].kind != .word { k += 1 }
    guard k < subjectStart, ConditionFinder.startsWithMarker(doc.tokens, k, limit: subjectStart) else { return nil }
    return ConditionFinder.condition(in: doc.tokens, k..<subjectStart)
  }
}
