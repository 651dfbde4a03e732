/// How much of a date the text states.
public enum DatePrecision: String, Hashable, Sendable, CaseIterable {
  case day
  case month
  case year
}
