/// A sum of money in a pledge: "up to $US60 million" is 60000000 USD, up to.
public struct Amount: Hashable, Sendable {
  /// The value as a decimal string without exponent or grouping: "1600000000", "17.5".
  public var value: String
  /// ISO 4217 code: "USD", "GBP", "EUR".
  public var currency: String
  public var qualifier: AmountQualifier
  /// How often it recurs: "$300 billion a year".
  public var period: AmountPeriod
  /// The words that state it, qualifier and period included, and their range.
  public var excerpt: Excerpt
  /// Other statements of the same sum in another currency, as in "£1.6bn ($2bn)": value and currency only.
  public var equivalents: [Equivalent]

  /// The same sum in another currency, as a text gives it in parentheses.
  public struct Equivalent: Hashable, Sendable {
    public var value: String
    public var currency: String

    public init(value: String, currency: String) {
      self.value = value
      self.currency = currency
    }
  }

  public init(
    value: String, currency: String, qualifier: AmountQualifier, period: AmountPeriod = .once, excerpt: Excerpt,
    equivalents: [Equivalent] = []
  ) {
    self.value = value
    self.currency = currency
    self.qualifier = qualifier
    self.period = period
    self.excerpt = excerpt
    self.equivalents = equivalents
  }
}
