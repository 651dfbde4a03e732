/// A party to a candidate pledge — a maker, an announcer or a beneficiary — and where the sentence names it.
public struct Party: Hashable, Sendable {
  public var actor: ActorReference
  /// The words that name the party in the sentence ("Britain", "he", "the bloc").
  public var text: String
  public var range: ScalarRange

  public init(actor: ActorReference, text: String, range: ScalarRange) {
    self.actor = actor
    self.text = text
    self.range = range
  }
}
