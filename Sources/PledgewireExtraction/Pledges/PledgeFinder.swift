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
    let tokens = doc.tokens
    var why = ["cue '\(doc.excerpt(cue.tokens).text)' (\(cue.modality.rawValue))"]
    // The subject, and the region of the sentence this cue owns.
    let subject: Subject?
    switch cue.kind {
    case .passive:
      subject = agent(after: cue.tokens.upperBound, parser: parser)
    case .participle:
      subject = parser.previousFiniteVerb(before: cue.groupStart).flatMap { parser.subject(before: parser.groupStart(of: $0)) }
    case .noun where cue.possessor.map({ analysis.mentionAt[$0] != nil }) == true:
      let m = analysis.mentionAt[cue.possessor!]!
      subject = Subject(parts: [.mention(m)], range: analysis.mentions[m].tokens, droppedVague: false)
    case .noun where cue.possessor != nil && cue.groupStart == cue.possessor:
      // "its decision to …" with no verb of its own: the owner is whom "its" refers to.
      let p = cue.possessor!
      subject = Subject(parts: [.pronoun(p)], range: p..<(p + 1), droppedVague: false)
    default:
      subject = parser.subject(before: cue.groupStart)
    }
    guard let subject, !subject.parts.isEmpty else { return [] }
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

    // Who reports it.
    let quotation = doc.quotationOf[cue.tokens.lowerBound]
    var speaker: SentenceParser.Speaker? = nil
    if let quotation {
      speaker = QuoteAttribution(doc: doc, analysis: analysis).speaker(ofQuotation: quotation)
    }
    let governor = parser.governingVerb(before: subject.range.lowerBound)
    var modality = cue.modality
    if let governor, let lemma = Verbs.lemma(parser.word(governor)), let governing = SentenceParser.cueVerbs[lemma],
      parser.isCommitmentGovernor(governor), cue.kind == .modal
    {
      modality = governing
      why.append("governed by '\(doc.tokens[governor].text)' (\(governing.rawValue))")
    }
    speaker = speaker ?? governor.flatMap(parser.speaker(ofSpeechVerb:))
      ?? parser.trailingSpeaker(from: actionEnd)
    // "Ruiz told reporters, promising …": the clause the participle follows reports it.
    if cue.kind == .participle, speaker == nil, let v = parser.previousFiniteVerb(before: cue.groupStart),
      parser.isSpeechVerb(v)
    {
      speaker = parser.speaker(ofSpeechVerb: v)
    }
    var speakerSubject: Subject? = nil
    if case .party(let s) = speaker { speakerSubject = s }

    let condition = ConditionFinder.condition(in: tokens, region) ?? leadingCondition(parser, before: subject.range.lowerBound)
    // A bare "would" is hypothetical; reported ("Peru said it would …") it is a commitment.
    if cue.lemma == "would", speaker == nil, governor == nil { return [] }

    let resolver = PartyResolver(doc: doc, analysis: analysis)
    var makers = resolver.resolve(subject.parts, speaker: speakerSubject, inQuote: quotation != nil)
    guard !makers.isEmpty else { return [] }

    // The action and its pieces.
    var actionRange = cue.actionStart..<max(actionEnd, cue.actionStart)
    if let condition, actionRange.contains(condition.lowerBound), condition.lowerBound > actionRange.lowerBound {
      actionRange = actionRange.lowerBound..<condition.lowerBound
    }
    guard !actionRange.isEmpty else { return [] }
    var partners = resolver.resolve(parser.partners(in: actionRange), speaker: nil, inQuote: false)
    if let partnerStart = cue.partnerStart, partnerStart < tokens.count, let m = analysis.mentionAt[partnerStart] {
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

    var announcers: [PartyResolver.Resolved] = []
    if let speakerSubject {
      announcers = resolver.resolve(speakerSubject.parts, speaker: nil, inQuote: false)
    }
    announcers = announcers.reduce(into: []) { unique, party in
      if !makerActors.contains(party.actor), !unique.contains(where: { $0.actor == party.actor }) { unique.append(party) }
    }
    if !announcers.isEmpty { why.append("announcer: " + announcers.map(\.rule).joined(separator: "; ")) }
    speaksFor(announcers, makers)

    let pieces = parser.actionPieces(actionRange)
    if pieces.count > 1 { why.append("\(pieces.count) actions joined by 'and'") }
    // A passive's sum is its subject: "$40 million was pledged by Japan".
    let amounts = AmountParser.amounts(in: tokens, cue.kind == .passive ? parser.start..<regionEnd : region)
    var out: [(PledgeCandidate, Set<String>)] = []
    for piece in pieces {
      var reasons = why
      let pieceAmounts = amounts.filter { piece.contains($0.tokens.lowerBound) || piece.contains($0.tokens.upperBound - 1) }
      let amount = (pieceAmounts.first ?? (pieces.count == 1 ? amounts.first : nil))
      let quantities = QuantityParser.quantities(in: tokens, piece, excluding: amounts.map(\.tokens))
      let target = RatioParser.ratio(in: tokens, piece)
      let deadline = DeadlineParser.deadline(in: tokens, piece, reference: reference)
        ?? (pieces.count == 1 ? DeadlineParser.deadline(in: tokens, region, reference: reference) : nil)
      let beneficiaryMentions = parser.beneficiaries(in: piece, excluding: makerActors)
      let (category, categoryWhy) = CategoryClassifier.category(
        action: CategoryClassifier.scores(tokens, piece), sentence: sentenceScores, article: articleScores,
        hasAmount: amount != nil
      )
      // A decision, plan or proposal about nothing the categories know is too weak a cue.
      if cue.kind == .noun, SentenceParser.weakNouns.contains(cue.lemma), category == .other, amount == nil { continue }
      reasons.append(categoryWhy)
      if let amount { reasons.append("amount '\(doc.excerpt(amount.tokens).text)' (\(amount.qualifier.rawValue))") }
      if let condition { reasons.append("condition '\(doc.excerpt(condition).text)'") }
      if let deadline { reasons.append("deadline '\(doc.excerpt(deadline.tokens).text)' (\(deadline.precision.rawValue))") }
      let candidate = PledgeCandidate(
        quote: doc.sentence(sentenceIndex),
        cue: doc.excerpt(cue.tokens),
        makers: makers.map(party),
        makersIncomplete: subject.droppedVague,
        announcers: announcers.map(party),
        beneficiaries: beneficiaryMentions.map { party(PartyResolver.Resolved(actor: analysis.mentions[$0].actor, tokens: analysis.mentions[$0].tokens, rule: "")) },
        action: actionText(cue, piece),
        category: category,
        modality: modality,
        condition: condition.map { doc.excerpt($0) },
        amount: amount.map(output),
        quantities: quantities.map {
          Quantity(value: $0.value, unit: $0.unit, qualifier: $0.qualifier, excerpt: doc.excerpt($0.tokens))
        },
        target: target.map {
          Ratio(percent: $0.percent, of: $0.of, qualifier: $0.qualifier, excerpt: doc.excerpt($0.tokens))
        },
        deadline: deadline.map {
          Deadline(year: $0.year, month: $0.month, day: $0.day, precision: $0.precision, ms: $0.ms, excerpt: doc.excerpt($0.tokens))
        },
        confidence: confidence(
          cue, modality: modality, makers: makers, amount: amount != nil, piece: piece, quoted: quotation != nil
        ),
        explanation: reasons
      )
      out.append((candidate, CandidateMerger.contentWords(tokens, piece)))
      for m in beneficiaryMentions { parties.insert(m) }
    }
    for party in makers + announcers {
      if let m = analysis.mentionAt[party.tokens.lowerBound] { parties.insert(m) }
    }
    return out
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

  private func party(_ resolved: PartyResolver.Resolved) -> Party {
    let excerpt = doc.excerpt(resolved.tokens)
    return Party(actor: analysis.reference(resolved.actor), text: excerpt.text, range: excerpt.range)
  }

  private func output(_ amount: AmountParser.Found) -> Amount {
    Amount(value: amount.value, currency: amount.currency, qualifier: amount.qualifier, period: amount.period,
           excerpt: doc.excerpt(amount.tokens), equivalents: amount.equivalents)
  }

  /// The action in the text's words; an object cue keeps its verb: "pledge $US10 million".
  private func actionText(_ cue: Cue, _ piece: Range<Int>) -> String {
    let text = doc.excerpt(piece).text
    if cue.kind == .verb || cue.kind == .participle, piece.lowerBound == cue.actionStart,
      cue.actionStart == cue.tokens.upperBound,
      SentenceParser.objectCues.contains(cue.lemma)
    {
      return cue.lemma + " " + text
    }
    return text
  }

  private func confidence(
    _ cue: Cue, modality: Modality, makers: [PartyResolver.Resolved], amount: Bool, piece: Range<Int>, quoted: Bool
  ) -> Double {
    var c: Double = switch cue.lemma {
    case "pledge", "promise", "vow", "commit", "pledging": 0.85
    case "agree": 0.8
    case "will": 0.7
    case "would": 0.6
    default: cue.kind == .noun ? 0.65 : cue.modality.isFirm ? 0.7 : 0.55
    }
    if modality != cue.modality { c = 0.8 }  // "would" governed by "pledged that"
    if amount { c += 0.06 }
    let kinds = makers.map { analysis.actors[$0.actor].ref }
    if kinds.allSatisfy({ $0.source == .proposed }) { c -= 0.08 }
    if makers.contains(where: \.isPronoun) { c -= 0.05 }
    if quoted { c -= 0.05 }
    if piece.count > 30 { c -= 0.05 }
    return min(0.98, max(0.05, c))
  }
}
