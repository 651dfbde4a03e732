/// How a stated amount relates to the real figure (the schema's `AmountQualifier`).
public enum AmountQualifier: String, Hashable, Sendable, CaseIterable {
  case exact
  /// "up to $60m", "as much as".
  case upTo = "up_to"
  /// "about", "around", "some", "nearly".
  case about
  /// "more than", "at least", "over".
  case atLeast = "at_least"
}
