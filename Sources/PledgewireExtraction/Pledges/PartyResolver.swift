/// Turns subject parts into parties: a mention is its actor; a pronoun is the speaker it refers to ("Peru said it
/// would …", “We will …,” Starmer said) or the last fitting actor named before; an official the text ties to a
/// state or body commits for it ("Kenyan President William Ruto pledged …" → Kenya).
struct PartyResolver {
  let doc: Document
  let analysis: ActorAnalysis

  /// A resolved party: document actor and the tokens that name it.
  struct Resolved: Equatable {
    var actor: Int
    var tokens: Range<Int>
    var rule: String
    /// Found through a pronoun ("it", "her government").
    var isPronoun = false
  }

  /// Resolves `parts`; `speaker` is the announcer's subject when the clause is reported or quoted.
  func resolve(_ parts: [Subject.Part], speaker: Subject?, inQuote: Bool) -> [Resolved] {
    var resolved: [Resolved] = []
    for part in parts {
      switch part {
      case .mention(let m):
        let mention = analysis.mentions[m]
        resolved.append(Resolved(actor: mention.actor, tokens: mention.tokens,
                                 rule: "subject '\(doc.excerpt(mention.tokens).text)'"))
      case .pronoun(let p):
        if let actor = antecedent(of: p, speaker: speaker, inQuote: inQuote) {
          resolved.append(Resolved(actor: actor, tokens: p..<(p + 1),
                                   rule: "'\(doc.tokens[p].text)' refers to \(analysis.actors[actor].ref.name)", isPronoun: true))
        }
      case .government(let p, let noun):
        guard let owner = antecedent(of: p, speaker: speaker, inQuote: inQuote) else { break }
        var actor = owner
        if analysis.actors[owner].ref.kind == .person, let affiliation = analysis.actors[owner].affiliation {
          actor = affiliation
        }
        resolved.append(Resolved(actor: actor, tokens: p..<(noun + 1),
                                 rule: "'\(doc.excerpt(p..<(noun + 1)).text)' is \(analysis.actors[actor].ref.name)",
                                 isPronoun: true))
      }
    }
    var unique: [Resolved] = []
    for party in resolved where !unique.contains(where: { $0.actor == party.actor }) { unique.append(party) }
    return unique
  }

  /// Replaces officials — people the text gives a title and an affiliation — by the state or body they act for.
  func actingFor(_ parties: [Resolved]) -> [Resolved] {
    var makers: [Resolved] = []
    for party in parties {
      let actor = analysis.actors[party.actor]
      if actor.ref.kind == .person, !actor.titleHeads.isEmpty, let body = actor.affiliation {
        var acting = party
        acting.actor = body
        acting.rule = party.rule + ", acting for \(analysis.actors[body].ref.name)"
        if !makers.contains(where: { $0.actor == body }) { makers.append(acting) }
      } else if !makers.contains(where: { $0.actor == party.actor }) {
        makers.append(party)
      }
    }
    return makers
  }

  private func antecedent(of p: Int, speaker: Subject?, inQuote: Bool) -> Int? {
    let pronoun = PartyResolver.subjectForms[doc.tokens[p].lower] ?? doc.tokens[p].lower
    let speakers = speaker.map { resolve($0.parts, speaker: nil, inQuote: false).map(\.actor) } ?? []
    let kinds = speakers.map { analysis.actors[$0].ref.kind }
    switch pronoun {
    case "i":
      return speakers.first { analysis.actors[$0].ref.kind == .person }
    case "we":
      guard let first = speakers.first else { return nil }
      if analysis.actors[first].ref.kind == .person, let affiliation = analysis.actors[first].affiliation {
        return affiliation
      }
      return first
    case "he", "she":
      if let person = speakers.first(where: { analysis.actors[$0].ref.kind == .person }) { return person }
      return lastMention(before: p) { $0 == .person }
    case "it":
      if speakers.count == 1, kinds[0] == .country || kinds[0] == .organization { return speakers[0] }
      return lastMention(before: p) { $0 == .country || $0 == .organization }
    case "they":
      if speakers.count == 1, kinds[0] == .group { return speakers[0] }
      return lastMention(before: p) { $0 == .group }
    default:
      return nil
    }
  }

  /// Possessive pronouns and the subject pronouns they resolve like.
  static let subjectForms = ["his": "he", "her": "she", "its": "it", "their": "they", "our": "we", "my": "i"]

  /// The last mention before token `p`, within the two sentences before it, whose actor is of a fitting kind.
  private func lastMention(before p: Int, where fits: (ActorKind) -> Bool) -> Int? {
    let firstSentence = max(0, doc.sentenceOf[p] - 2)
    let floor = doc.sentences[firstSentence].lowerBound
    for mention in analysis.mentions.reversed() where mention.tokens.upperBound <= p && mention.tokens.lowerBound >= floor {
      if fits(analysis.actors[mention.actor].ref.kind) { return mention.actor }
    }
    return nil
  }
}
