/// A target stated as a share of something: "5% of GDP" is 5 percent of "GDP".
public struct Ratio: Hashable, Sendable {
  /// A decimal string: "5", "3.5".
  public var percent: String
  /// What it is a share of, as the text says it: "GDP", "its economic output"; empty when the text does not say.
  public var of: String
  public var qualifier: AmountQualifier
  public var excerpt: Excerpt

  public init(percent: String, of: String, qualifier: AmountQualifier, excerpt: Excerpt) {
    self.percent = percent
    self.of = of
    self.qualifier = qualifier
    self.excerpt = excerpt
  }
}
