/// An actor the caller already knows (the server's actor table), which the extractor resolves names to.
public struct KnownActor: Hashable, Sendable {
  public var id: Int64
  /// The canonical name: "Keir Starmer", "United Kingdom".
  public var name: String
  public var kind: ActorKind
  /// Other names, short names and spellings: "Starmer", "Britain", "UK", "Zelenskyy".
  public var aliases: [String]
  /// Seats of government that stand for the actor in the news: "London", "Downing Street".
  public var capitals: [String]
  /// ISO 3166-1 alpha-3 code for a country: ties it to the gazetteer's demonyms and capital ("GBR").
  public var countryCode: String?
  /// For a person, the office held: "Prime Minister of the United Kingdom". A definite description such as "the
  /// prime minister" resolves to the person whose role names that title.
  public var role: String?

  public init(
    id: Int64,
    name: String,
    kind: ActorKind,
    aliases: [String] = [],
    capitals: [String] = [],
    countryCode: String? = nil,
    role: String? = nil
  ) {
    self.id = id
    self.name = name
    self.kind = kind
    self.aliases = aliases
    self.capitals = capitals
    self.countryCode = countryCode
    self.role = role
  }
}
