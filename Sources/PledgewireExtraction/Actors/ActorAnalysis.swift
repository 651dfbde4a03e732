/// A mention found in a document, by token range, before it becomes an ``ActorMention``.
struct FoundMention: Sendable {
  var tokens: Range<Int>
  /// The document actor (``DocumentActors``).
  var actor: Int
  var confidence: Double
  var explanation: [String]
  /// A group phrase or region ("European leaders", "Europe"): an actor only where it acts — as the subject of a
  /// verb or a party to a pledge — and otherwise left out of the output.
  var needsRole = false
  /// Set when the mention acts.
  var acts = false
}

/// The actors of a document and where it names them: the result of ``MentionFinder``.
struct ActorAnalysis: Sendable {
  var actors: DocumentActors
  /// Mentions in text order, none overlapping.
  var mentions: [FoundMention]
  /// The mention covering each token.
  var mentionAt: [Int?]

  init(actors: DocumentActors, mentions: [FoundMention], tokenCount: Int) {
    self.actors = actors
    let mentions = mentions.sorted { $0.tokens.lowerBound < $1.tokens.lowerBound }
    self.mentions = mentions
    // Where mentions overlap ("NATO" inside "NATO leaders"), a token belongs to the longest.
    var at = [Int?](repeating: nil, count: tokenCount)
    for m in mentions.indices.sorted(by: { mentions[$0].tokens.count > mentions[$1].tokens.count }) {
      for i in mentions[m].tokens where at[i] == nil { at[i] = m }
    }
    mentionAt = at
  }

  /// The reference to output for a document actor: a proposed actor carries its role and affiliation.
  func reference(_ actor: Int) -> ActorReference { actors[actor].ref }

  /// The mentions to output: every mention except group phrases that never act.
  func outputMentions(_ document: Document) -> [ActorMention] {
    mentions.filter { !$0.needsRole || $0.acts }.map { mention in
      let excerpt = document.excerpt(mention.tokens)
      return ActorMention(
        text: excerpt.text, range: excerpt.range, actor: reference(mention.actor),
        confidence: mention.confidence, explanation: mention.explanation
      )
    }
  }
}
