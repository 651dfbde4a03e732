/// A commitment the text reports, proposed for review: who commits to what, for whom, on what condition, how much
/// and by when, with the sentence that says it.
public struct PledgeCandidate: Hashable, Sendable {
  /// The sentence that states the pledge, exactly as in the text, and its range.
  public var quote: Excerpt
  /// Other sentences of the same text that restate this pledge (merged into it rather than proposed twice).
  public var additionalQuotes: [Excerpt]
  /// The words that carry the commitment: "pledged", "will", "agreed to", "commitment".
  public var cue: Excerpt
  /// Who commits: the cue's subject, every member of a coordinated subject.
  public var makers: [Party]
  /// The text names other makers only vaguely ("Britain, France and other nations"): ``makers`` is not all.
  public var makersIncomplete: Bool
  /// Who reports the commitment when that is not a maker: "Starmer" in "Starmer said European leaders agreed …".
  public var announcers: [Party]
  /// For whom: "Ukraine" in "send tanks to Ukraine".
  public var beneficiaries: [Party]
  /// What is committed to, in the text's words: "draw up a peace plan to take to the United States".
  public var action: String
  public var category: PledgeCategory
  public var modality: Modality
  /// The condition the text attaches: "if a peace deal is reached", "subject to approval by parliament".
  public var condition: Excerpt?
  public var amount: Amount?
  /// Counted things, the headline first: "5,000 troops, two brigades".
  public var quantities: [Quantity]
  /// A share to reach: "5% of GDP".
  public var target: Ratio?
  public var deadline: Deadline?
  /// How likely a reviewer is to accept the candidate as it stands, in [0, 1].
  public var confidence: Double
  /// The rules that fired, in order: "cue 'pledged' (promise)", "maker: subject 'Japan'", "amount: $US10 million".
  public var explanation: [String]

  public init(
    quote: Excerpt,
    additionalQuotes: [Excerpt] = [],
    cue: Excerpt,
    makers: [Party],
    makersIncomplete: Bool = false,
    announcers: [Party] = [],
    beneficiaries: [Party] = [],
    action: String,
    category: PledgeCategory,
    modality: Modality,
    condition: Excerpt? = nil,
    amount: Amount? = nil,
    quantities: [Quantity] = [],
    target: Ratio? = nil,
    deadline: Deadline? = nil,
    confidence: Double,
    explanation: [String] = []
  ) {
    self.quote = quote
    self.additionalQuotes = additionalQuotes
    self.cue = cue
    self.makers = makers
    self.makersIncomplete = makersIncomplete
    self.announcers = announcers
    self.beneficiaries = beneficiaries
    self.action = action
    self.category = category
    self.modality = modality
    self.condition = condition
    self.amount = amount
    self.quantities = quantities
    self.target = target
    self.deadline = deadline
    self.confidence = confidence
    self.explanation = explanation
  }
}
