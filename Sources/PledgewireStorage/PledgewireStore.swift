import PledgewireWire

/// Where Pledgewire keeps its records. The services speak only to this protocol, so that a PostgreSQL backend can
/// join the SQLite one without touching them; the contract test suite (Tests/PledgewireStorageTests) runs against
/// every implementation.
///
/// The store owns persistence and integrity: unique URLs, versions, ids that are never reused, foreign keys, links
/// without cycles, tombstones, the event log and the audit log. Every rule that must hold atomically is one method
/// here, which the store runs in one transaction: a change computed from a record (``revisePledge``,
/// ``reviseActor``) sees the record as it is inside that transaction. The domain layer owns request validation and
/// the rules of its methods, and checks references first so that its errors name the field; a reference that
/// vanishes in between still fails here with `NOT_FOUND`. Every write takes a ``WriteContext`` and records an
/// ``AuditEntry`` per record it changes, in the same transaction. Every method throws ``RPCError``.
public protocol PledgewireStore: Sendable {
  // MARK: Articles

  /// Inserts articles, each on its own (a failure loses only that one), in one transaction; assigns ids. `canonical_url`,
  /// `content_hash` and `ingested_at_ms` are the caller's. A second article with the same canonical URL fails with
  /// `ALREADY_EXISTS` naming the existing id; one with the same content hash as another is stored with a
  /// `SAME_CONTENT` warning naming it.
  func insertArticles(_ articles: [Article], _ context: WriteContext) async throws -> [Result<Article, RPCError>]
  /// The article, body and mentions included; nil when there is none.
  func article(id: Int64) async throws -> Article?
  /// The bodies of the articles that exist among `ids`.
  func articleBodies(ids: Set<Int64>) async throws -> [Int64: String]
  /// Articles, newest first, after the cursor.
  func listArticles(_ query: ArticleQuery) async throws -> [Article]
  /// Full-text matches, best first; `match` is an FTS5 query expression.
  func searchArticles(_ query: ArticleSearchQuery) async throws -> [SearchHit]
  /// Deletes an article; with `force`, also the evidence citing it, noting the removal in the history entries that
  /// cited it. `NOT_FOUND`, or `FAILED_PRECONDITION` when evidence cites it and `force` is false.
  func deleteArticle(id: Int64, force: Bool, _ context: WriteContext) async throws -> ArticleDeletion

  // MARK: Actors

  /// Inserts actors, each on its own, in one transaction; assigns ids, version 1 and timestamps.
  func insertActors(_ actors: [Actor], _ context: WriteContext) async throws -> [Result<Actor, RPCError>]
  /// The actor, or its tombstone when it was merged; nil when there is none.
  func actor(id: Int64) async throws -> Actor?
  /// The actor if the store holds it in memory, without waiting; nil means "ask ``actor(id:)``", not "absent".
  func cachedActor(id: Int64) -> Actor?
  /// The state of each actor among `ids` that exists.
  func actorStates(_ ids: Set<Int64>) async throws -> [Int64: RecordState]
  /// Actors by folded canonical name, after the cursor.
  func listActors(_ query: ActorQuery) async throws -> [Actor]
  /// Changes an actor atomically: `revise` sees the actor as it is inside the write transaction. `ABORTED` when
  /// `expectedVersion` is given and differs, `NOT_FOUND` when absent, `FAILED_PRECONDITION` for a tombstone.
  func reviseActor(
    id: Int64, expectedVersion: Int64?, _ context: WriteContext, _ revise: @escaping @Sendable (Actor) throws -> ActorRevision
  ) async throws -> Actor
  /// Merges `duplicateID` into `survivorID`: its names become the survivor's aliases, its labels and external ids
  /// join the survivor's, every pledge party, evidence party, mention and affiliation naming it moves to the
  /// survivor, and it becomes a tombstone (as do the tombstones merged into it).
  func mergeActors(
    survivorID: Int64, duplicateID: Int64, survivorVersion: Int64?, duplicateVersion: Int64?, _ context: WriteContext
  ) async throws -> ActorMerge
  /// Deletes an actor nothing refers to, with its tombstones. `FAILED_PRECONDITION` naming what still refers to it.
  func deleteActor(id: Int64, expectedVersion: Int64?, _ context: WriteContext) async throws
  /// Live actors whose canonical name or an alias resembles `name`, best first.
  func resolveActors(_ name: String, kind: ActorKind?, limit: Int) async throws -> [ActorCandidate]
  /// `actorID` and every actor acting for or within it: officials, members, members of members (three levels).
  func affiliatedActorIDs(of actorID: Int64) async throws -> Set<Int64>

  // MARK: Pledges

  /// Inserts pledges, each on its own, in one transaction; assigns pledge, evidence and history ids (new evidence
  /// carries a negative id, as in ``PledgeRevision``), version 1, and appends a CREATED event for each.
  func insertPledges(_ pledges: [Pledge], _ context: WriteContext) async throws -> [Result<PledgeEvent, RPCError>]
  /// The pledge, or its tombstone when it was merged; nil when there is none.
  func pledge(id: Int64) async throws -> Pledge?
  /// The state of each pledge among `ids` that exists.
  func pledgeStates(_ ids: Set<Int64>) async throws -> [Int64: RecordState]
  /// Pledges, newest `made_at` first, after the cursor.
  func listPledges(_ query: PledgeQuery) async throws -> [Pledge]
  /// Changes a pledge atomically: `revise` sees the pledge as it is inside the write transaction and returns what
  /// it becomes (or throws, changing nothing). Appends an event of `kind`. `ABORTED` when `expectedVersion` is given
  /// and differs, `NOT_FOUND` when absent, `FAILED_PRECONDITION` for a tombstone; links (`part_of_id`,
  /// `supersedes_id`) must name live pledges and never form a cycle.
  func revisePledge(
    id: Int64, expectedVersion: Int64?, kind: PledgeEventKind, _ context: WriteContext,
    _ revise: @escaping @Sendable (Pledge) throws -> PledgeRevision
  ) async throws -> PledgeEvent
  /// Merges `duplicateID` into `survivorID`: evidence, history, parties and labels are unioned into the survivor,
  /// links naming the duplicate move to it, and the duplicate becomes a tombstone (as do the tombstones merged
  /// into it). `FAILED_PRECONDITION` when the duplicate is a plan or an earlier version the survivor belongs to.
  func mergePledges(
    survivorID: Int64, duplicateID: Int64, survivorVersion: Int64?, duplicateVersion: Int64?, _ context: WriteContext
  ) async throws -> PledgeMerge
  /// Deletes a pledge with its evidence, history and tombstones; returns the DELETED events (the pledge as it was
  /// first). `FAILED_PRECONDITION` while another pledge names it as `part_of` or `supersedes`.
  func deletePledge(id: Int64, expectedVersion: Int64?, _ context: WriteContext) async throws -> [PledgeEvent]
  /// Events after `sequence`, oldest first.
  func pledgeEvents(after sequence: Int64, limit: Int) async throws -> [PledgeEvent]
  /// The sequence of the newest event; 0 when there is none.
  func latestEventSequence() async throws -> Int64
  /// Every event committed to the store from now on, by any process, in batches in sequence order (events this
  /// process published itself included): how a Watch hears of changes made by other server instances on the same
  /// database. nil when this process is the store's only writer (SQLite).
  func sharedEvents() -> AsyncStream<[PledgeEvent]>?

  // MARK: Candidates

  /// Inserts an article (as ``insertArticles(_:_:)`` does one) and the candidates extracted from it, PENDING at
  /// version 1 with ids assigned and `article_id` and `created_at_ms` set, in one transaction: both are stored or
  /// neither is. Each candidate gets an audit entry.
  func insertArticle(_ article: Article, candidates: [PledgeCandidate], _ context: WriteContext) async throws -> ArticleWithCandidates
  /// The candidate; nil when there is none.
  func candidate(id: Int64) async throws -> PledgeCandidate?
  /// Candidates, oldest first, after the cursor.
  func listCandidates(_ query: CandidateQuery) async throws -> [PledgeCandidate]
  /// Reviews a candidate atomically: `decide` sees the candidate as it is inside the write transaction and returns
  /// the decision, which the store carries out in the same transaction — a pledge created (its CREATED event), or
  /// a recorded pledge revised (its event), or nothing — before the candidate becomes ACCEPTED or REJECTED with the
  /// reviewer and time, one version later, with an audit entry. `NOT_FOUND` when absent, `FAILED_PRECONDITION`
  /// (reason ALREADY_REVIEWED, naming the pledge) when it is not PENDING, `ABORTED` when `expectedVersion` is given
  /// and differs; a decision that throws changes nothing.
  func reviewCandidate(
    id: Int64, expectedVersion: Int64?, _ context: WriteContext,
    _ decide: @escaping @Sendable (PledgeCandidate) throws -> CandidateDecision
  ) async throws -> CandidateReview

  // MARK: Audit

  /// Audit entries, oldest first.
  func listAuditEntries(_ query: AuditQuery) async throws -> [AuditEntry]

  // MARK: Access tokens

  /// Stores a new token (its hash, never the token) and assigns its id. `ALREADY_EXISTS` when the name is taken.
  func insertToken(_ token: AccessToken) async throws -> AccessToken
  /// Every token, revoked and expired ones included, by name.
  func tokens() async throws -> [AccessToken]
  /// The token whose hash is `hash`; nil when there is none.
  func token(hash: String) async throws -> AccessToken?
  /// Revokes the token named `name` at `now` (Unix ms); revoking it again changes nothing. `NOT_FOUND` when absent.
  func revokeToken(name: String, at now: Int64) async throws -> AccessToken
  /// Notes that the token was used at `now`, unless it was noted as used later.
  func recordTokenUse(id: Int64, at now: Int64) async throws

  // MARK: Maintenance

  /// Whether no article, actor or pledge exists.
  func isEmpty() async throws -> Bool
  /// The store's consistency checks (for SQLite: `PRAGMA integrity_check`, the foreign keys, the pledge
  /// snapshots), one line per problem; `["ok"]` when sound.
  func integrityCheck() async throws -> [String]
}

extension PledgewireStore {
  public func cachedActor(id: Int64) -> Actor? { nil }
  public func sharedEvents() -> AsyncStream<[PledgeEvent]>? { nil }
}
