/// What ``Extractor`` finds in one text: every actor mention and every candidate pledge, in text order.
public struct Extraction: Hashable, Sendable {
  public var mentions: [ActorMention]
  public var candidates: [PledgeCandidate]

  public init(mentions: [ActorMention] = [], candidates: [PledgeCandidate] = []) {
    self.mentions = mentions
    self.candidates = candidates
  }

  /// The distinct actors mentioned, in order of first mention.
  public var actors: [ActorReference] {
    var seen: [ActorReference] = []
    for mention in mentions where !seen.contains(where: { $0.isSameActor(as: mention.actor) }) {
      seen.append(mention.actor)
    }
    return seen
  }
}
