/// The actor a mention or a pledge party denotes: an actor of the caller's ``ActorDirectory`` (with its id), a
/// country or organisation of the built-in gazetteer, or a new actor proposed from the text.
public struct ActorReference: Hashable, Sendable {
  /// Where the actor was found.
  public enum Source: String, Hashable, Sendable {
    /// The caller's directory: ``id`` is set.
    case directory
    /// The built-in gazetteer of countries and organisations, absent from the directory.
    case gazetteer
    /// Not known: proposed as a new actor, its kind guessed from the text.
    case proposed
  }

  /// The directory actor's id; nil unless ``source`` is `.directory`.
  public var id: Int64?
  /// The canonical name; for a proposed actor, its fullest name in the text ("Keir Starmer", "European leaders").
  public var name: String
  public var kind: ActorKind
  public var source: Source
  /// ISO 3166-1 alpha-3 code, for countries: "GBR".
  public var countryCode: String?
  /// For a proposed person, the title the text gives: "Prime Minister".
  public var role: String?
  /// For a proposed person or group, the actor the text ties it to: the United Kingdom for "British Prime Minister
  /// Keir Starmer", NATO for "NATO leaders".
  public var affiliation: String?

  public init(
    id: Int64? = nil,
    name: String,
    kind: ActorKind,
    source: Source,
    countryCode: String? = nil,
    role: String? = nil,
    affiliation: String? = nil
  ) {
    self.id = id
    self.name = name
    self.kind = kind
    self.source = source
    self.countryCode = countryCode
    self.role = role
    self.affiliation = affiliation
  }

  /// Whether both denote the same actor (same directory id, or same kind and name), whatever the role and
  /// affiliation seen with them.
  public func isSameActor(as other: ActorReference) -> Bool {
    if let id, let otherID = other.id { return id == otherID }
    return id == nil && other.id == nil && kind == other.kind && name == other.name
  }
}
