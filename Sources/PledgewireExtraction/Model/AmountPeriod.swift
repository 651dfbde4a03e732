/// How often a sum recurs (the schema's `MoneyPeriod`): "€800m a year" is yearly.
public enum AmountPeriod: String, Hashable, Sendable, CaseIterable {
  /// A one-off sum, or the text does not say.
  case once
  case perDay = "per_day"
  case perWeek = "per_week"
  case perMonth = "per_month"
  case perYear = "per_year"
}
