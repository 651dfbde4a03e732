import PledgewireWire

/// Where Pledgewire keeps its records. The services speak only to this protocol, so that a PostgreSQL backend can
/// join the SQLite one without touching them.
///
/// The store owns persistence and integrity: unique URLs, versions, foreign keys, the event log. The domain layer
/// owns request validation and the rules (status transitions, evidence quotes), and checks references first so that
/// its errors can name the field; a reference that vanishes in between still fails here with `NOT_FOUND`.
/// Every method throws ``RPCError``.
public protocol PledgewireStore: Sendable {
  // MARK: Articles

  /// Inserts articles, each on its own (a failure loses only that one), in one transaction. `id`,
  /// `content_hash` and `ingested_at_ms` must be set by the caller except `id`, which the store assigns.
  /// A second article with the same canonical URL fails with `ALREADY_EXISTS` naming the existing id.
  func insertArticles(_ articles: [Article]) async throws -> [Result<Article, RPCError>]
  /// The article, body included; nil when there is none.
  func article(id: Int64) async throws -> Article?
  /// The bodies of the articles that exist among `ids`.
  func articleBodies(ids: Set<Int64>) async throws -> [Int64: String]
  /// Articles, newest first, after the cursor.
  func listArticles(_ query: ArticleQuery) async throws -> [Article]
  /// Full-text matches, best first; `match` is an FTS5 query expression.
  func searchArticles(_ query: ArticleSearchQuery) async throws -> [SearchHit]
  /// Deletes an article; with `force`, also the evidence citing it. Returns the evidence deleted. `NOT_FOUND`, or
  /// `FAILED_PRECONDITION` when evidence cites it and `force` is false.
  func deleteArticle(id: Int64, force: Bool) async throws -> Int

  // MARK: Actors

  /// Inserts actors, each on its own, in one transaction; assigns ids, version 1 and timestamps.
  func insertActors(_ actors: [Actor], now: Int64) async throws -> [Result<Actor, RPCError>]
  func actor(id: Int64) async throws -> Actor?
  /// The actor if the store holds it in memory, without waiting; nil means "ask ``actor(id:)``", not "absent".
  func cachedActor(id: Int64) -> Actor?
  /// The ids among `ids` that exist.
  func existingActorIDs(_ ids: Set<Int64>) async throws -> Set<Int64>
  /// Actors by folded canonical name, after the cursor.
  func listActors(_ query: ActorQuery) async throws -> [Actor]
  /// Replaces an actor whose current version is `expectedVersion`; `ABORTED` otherwise, `NOT_FOUND` when absent.
  func replaceActor(_ actor: Actor, expectedVersion: Int64, now: Int64) async throws -> Actor
  /// Actors whose canonical name or an alias resembles `name`, best first.
  func resolveActors(_ name: String, kind: ActorKind?, limit: Int) async throws -> [ActorCandidate]
  /// `actorID` and every actor acting for or within it: officials, members, members of members (three levels).
  func affiliatedActorIDs(of actorID: Int64) async throws -> Set<Int64>

  // MARK: Pledges

  /// Inserts pledges, each on its own, in one transaction; assigns pledge and evidence ids, version 1, and
  /// appends a CREATED event for each. Returns the events.
  func insertPledges(_ pledges: [Pledge], now: Int64) async throws -> [Result<PledgeEvent, RPCError>]
  func pledge(id: Int64) async throws -> Pledge?
  /// Pledges, newest `made_at` first, after the cursor.
  func listPledges(_ query: PledgeQuery) async throws -> [Pledge]
  /// Appends a status change to a pledge atomically: `change` sees the pledge as it is inside the write
  /// transaction and returns the change to append (or throws, changing nothing). Its evidence gets an id; a
  /// STATUS_CHANGED event is appended. `ABORTED` when `expectedVersion` is given and the pledge is at another
  /// version, `NOT_FOUND` when absent.
  func appendStatusChange(
    pledgeID: Int64, expectedVersion: Int64?, now: Int64, _ change: @escaping @Sendable (Pledge) throws -> StatusChange
  ) async throws -> PledgeEvent
  /// Events after `sequence`, oldest first.
  func pledgeEvents(after sequence: Int64, limit: Int) async throws -> [PledgeEvent]
  /// The sequence of the newest event; 0 when there is none.
  func latestEventSequence() async throws -> Int64

  // MARK: Maintenance

  /// Whether no article, actor or pledge exists.
  func isEmpty() async throws -> Bool
  /// `PRAGMA integrity_check` and foreign-key check results; `["ok"]` when sound.
  func integrityCheck() async throws -> [String]
}

extension PledgewireStore {
  public func cachedActor(id: Int64) -> Actor? { nil }
}
