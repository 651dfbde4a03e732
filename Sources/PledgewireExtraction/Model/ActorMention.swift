/// One place where the text names an actor.
public struct ActorMention: Hashable, Sendable {
  /// The text exactly as it stands at ``range``: "Kyiv", "British", "Starmer".
  public var text: String
  public var range: ScalarRange
  public var actor: ActorReference
  /// How sure the extractor is that the text names this actor, in [0, 1].
  public var confidence: Double
  /// The rules that fired, in order: "gazetteer capital of Ukraine", "surname of Keir Starmer".
  public var explanation: [String]

  public init(text: String, range: ScalarRange, actor: ActorReference, confidence: Double, explanation: [String]) {
    self.text = text
    self.range = range
    self.actor = actor
    self.confidence = confidence
    self.explanation = explanation
  }
}
