/// A counted quantity in a pledge: "more than 5,000 troops" is at least 5000 of "troops".
public struct Quantity: Hashable, Sendable {
  /// A decimal string: "14", "5000", "2.5".
  public var value: String
  /// What is counted, as the text says it: "troops", "Challenger 2 tanks".
  public var unit: String
  public var qualifier: AmountQualifier
  public var excerpt: Excerpt

  public init(value: String, unit: String, qualifier: AmountQualifier = .exact, excerpt: Excerpt) {
    self.value = value
    self.unit = unit
    self.qualifier = qualifier
    self.excerpt = excerpt
  }
}
