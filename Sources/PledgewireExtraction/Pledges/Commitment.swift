/// What one cue commits its makers to, before it is cut into actions: the parts every candidate of the cue shares.
struct Commitment {
  var cue: Cue
  var modality: Modality
  var makers: [PartyResolver.Resolved]
  var makersIncomplete: Bool
  var announcers: [PartyResolver.Resolved]
  var condition: Range<Int>?
  /// The part of the sentence the cue owns.
  var region: Range<Int>
  var pieceCount: Int
  var amounts: [AmountParser.Found]
  var quoted: Bool
  var sentenceIndex: Int
  var sentenceScores: [PledgeCategory: Double]
  /// The rules that fired so far.
  var explanation: [String]
}

extension PledgeFinder {
  /// The candidate for one action of a commitment, with the mentions of its beneficiaries; nil when a weak cue
  /// ("decision", "plan") names nothing the categories know.
  func candidate(
    _ c: Commitment, piece: Range<Int>, parser: SentenceParser
  ) -> (PledgeCandidate, beneficiaries: [Int])? {
    let tokens = doc.tokens
    var reasons = c.explanation
    let inPiece = c.amounts.filter { piece.contains($0.tokens.lowerBound) || piece.contains($0.tokens.upperBound - 1) }
    let amount = inPiece.first ?? (c.pieceCount == 1 ? c.amounts.first : nil)
    let deadline = DeadlineParser.deadline(in: tokens, piece, reference: reference)
      ?? (c.pieceCount == 1 ? DeadlineParser.deadline(in: tokens, c.region, reference: reference) : nil)
    let beneficiaries = parser.beneficiaries(in: piece, excluding: Set(c.makers.map(\.actor)))
    let (category, categoryWhy) = CategoryClassifier.category(
      action: CategoryClassifier.scores(tokens, piece), sentence: c.sentenceScores, article: articleScores,
      hasAmount: amount != nil
    )
    // A decision, plan or proposal about nothing the categories know is too weak a cue.
    if c.cue.kind == .noun, SentenceParser.weakNouns.contains(c.cue.lemma), category == .other, amount == nil {
      return nil
    }
    reasons.append(categoryWhy)
    if let amount { reasons.append("amount '\(doc.excerpt(amount.tokens).text)' (\(amount.qualifier.rawValue))") }
    if let condition = c.condition { reasons.append("condition '\(doc.excerpt(condition).text)'") }
    if let deadline { reasons.append("deadline '\(doc.excerpt(deadline.tokens).text)' (\(deadline.precision.rawValue))") }
    let candidate = PledgeCandidate(
      quote: doc.sentence(c.sentenceIndex),
      cue: doc.excerpt(c.cue.tokens),
      makers: c.makers.map(party),
      makersIncomplete: c.makersIncomplete,
      announcers: c.announcers.map(party),
      beneficiaries: beneficiaries.map { m in
        party(PartyResolver.Resolved(actor: analysis.mentions[m].actor, tokens: analysis.mentions[m].tokens, rule: ""))
      },
      action: actionText(c.cue, piece),
      category: category,
      modality: c.modality,
      condition: c.condition.map { doc.excerpt($0) },
      amount: amount.map(output),
      quantities: QuantityParser.quantities(in: tokens, piece, excluding: c.amounts.map(\.tokens)).map {
        Quantity(value: $0.value, unit: $0.unit, qualifier: $0.qualifier, excerpt: doc.excerpt($0.tokens))
      },
      target: RatioParser.ratio(in: tokens, piece).map {
        Ratio(percent: $0.percent, of: $0.of, qualifier: $0.qualifier, excerpt: doc.excerpt($0.tokens))
      },
      deadline: deadline.map {
        Deadline(year: $0.year, month: $0.month, day: $0.day, precision: $0.precision, ms: $0.ms,
                 excerpt: doc.excerpt($0.tokens))
      },
      confidence: confidence(c, amount: amount != nil, piece: piece),
      explanation: reasons
    )
    return (candidate, beneficiaries)
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
    // On one line, whatever line breaks the text had.
    var text = doc.excerpt(piece).text
    if text.contains(where: \.isNewline) {
      text = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
    if cue.kind == .verb || cue.kind == .participle, piece.lowerBound == cue.actionStart,
      cue.actionStart == cue.tokens.upperBound, SentenceParser.objectCues.contains(cue.lemma)
    {
      return cue.lemma + " " + text
    }
    return text
  }

  /// How likely a reviewer is to accept the candidate: the cue's strength, a sum, known makers, no pronoun, not
  /// quoted, a compact action.
  private func confidence(_ c: Commitment, amount: Bool, piece: Range<Int>) -> Double {
    var value: Double = switch c.cue.lemma {
    case "pledge", "promise", "vow", "commit": 0.85
    case "agree": 0.8
    case "will": 0.7
    case "would": 0.6
    default: c.cue.kind == .noun ? 0.65 : c.cue.modality.isFirm ? 0.7 : 0.55
    }
    if c.modality != c.cue.modality { value = 0.8 }  // "would" governed by "pledged that"
    if amount { value += 0.06 }
    if c.makers.allSatisfy({ analysis.actors[$0.actor].ref.source == .proposed }) { value -= 0.08 }
    if c.makers.contains(where: \.isPronoun) { value -= 0.05 }
    if c.quoted { value -= 0.05 }
    if piece.count > 30 { value -= 0.05 }
    return min(0.98, max(0.05, value))
  }
}
