/// A counted quantity in a pledge: "12 Challenger 2 tanks" is 12 of "Challenger 2 tanks"; "5% of GDP" is 5 of "% of GDP".
public struct Quantity: Hashable, Sendable {
  /// A decimal string: "14", "5000", "2.5".
  public var value: String
  /// What is counted, as the text says it: "tanks", "troops", "% of GDP".
  public var unit: String
  public var excerpt: Excerpt

  public init(value: String, unit: String, excerpt: Excerpt) {
    self.value = value
    self.unit = unit
    self.excerpt = excerpt
  }
}
