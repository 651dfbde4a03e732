import PledgewireWire

/// An article as stored with the candidates extracted from it.
public struct ArticleWithCandidates: Sendable {
  public var article: Article
  public var candidates: [PledgeCandidate]

  public init(article: Article, candidates: [PledgeCandidate]) {
    self.article = article
    self.candidates = candidates
  }
}

/// What review makes of a candidate, decided by the domain from the candidate as it is inside the store's write
/// transaction.
public enum CandidateDecision: Sendable {
  /// Accepted as a new pledge, ready for the store as ``PledgewireStore/insertPledges(_:_:)`` takes it, after
  /// inserting `newActors` (as ``PledgewireStore/insertActors(_:_:)`` does): a party whose `actor_id` is -1 names
  /// the first of them, -2 the second, and so on.
  case create(Pledge, newActors: [Actor])
  /// Accepted as evidence of a recorded pledge: `revise` changes that pledge (at `expectedVersion` when given) as
  /// ``PledgewireStore/revisePledge(id:expectedVersion:kind:_:_:)`` would, with an EVIDENCE_ADDED event.
  case attach(pledgeID: Int64, expectedVersion: Int64?, revise: @Sendable (Pledge) throws -> PledgeRevision)
  /// Rejected, kept as a labelled negative.
  case reject(RejectionReason, note: String)
}

/// A reviewed candidate, the pledge event its acceptance produced (none for a rejection) and the actors it created.
public struct CandidateReview: Sendable {
  public var candidate: PledgeCandidate
  public var event: PledgeEvent?
  public var newActors: [Actor]

  public init(candidate: PledgeCandidate, event: PledgeEvent?, newActors: [Actor] = []) {
    self.candidate = candidate
    self.event = event
    self.newActors = newActors
  }
}

/// A filter of the review queue.
public struct CandidateQuery: Sendable, Hashable {
  public var articleID: Int64?
  public var state: CandidateState?
  /// Candidates with at least this confidence.
  public var minConfidence: Double?
  /// Candidates with an id strictly greater than this.
  public var afterID: Int64?
  public var limit: Int

  public init(articleID: Int64? = nil, state: CandidateState? = nil, minConfidence: Double? = nil, afterID: Int64? = nil, limit: Int = 50) {
    self.articleID = articleID
    self.state = state
    self.minConfidence = minConfidence
    self.afterID = afterID
    self.limit = limit
  }
}
