/// The actors the caller knows, indexed once for the extractor together with the built-in gazetteer of countries
/// and organisations. Build one per version of the actor table and share it: it is immutable and `Sendable`.
public struct ActorDirectory: Sendable {
  let index: NameIndex

  /// Indexes `actors` (their names, aliases, capitals, surnames and roles) and the gazetteer. A gazetteer country
  /// or organisation with the same ISO country code or name as one of `actors` becomes that actor, so its
  /// demonyms and capital resolve to the caller's id.
  public init(_ actors: [KnownActor]) {
    index = NameIndex(directory: actors)
  }

  /// The gazetteer alone.
  public static let empty = ActorDirectory([])

  /// The number of distinct actors indexed, the gazetteer's included.
  public var count: Int { index.actors.count }
}
