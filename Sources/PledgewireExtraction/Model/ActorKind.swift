/// What kind of actor a name denotes (the schema's `ActorKind`).
public enum ActorKind: String, Hashable, Sendable, CaseIterable {
  case person
  case country
  case organization
  /// A coalition, alliance or loose group: "European leaders", "the G7".
  case group
}
