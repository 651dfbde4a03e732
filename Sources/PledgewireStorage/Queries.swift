import PledgewireWire

/// What ``PledgewireStore/listArticles(_:)`` returns.
public struct ArticleQuery: Sendable, Hashable {
  public var outlet: String?
  public var publishedAfter: Int64?
  public var publishedBefore: Int64?
  public var mentionsActorID: Int64?
  public var label: String?
  /// Bodies and mentions too.
  public var includeBody: Bool
  /// Articles strictly after this (published_at, id) in newest-first order.
  public var after: TimeCursor?
  public var limit: Int
  /// Body bytes a page holds at most: the rows stop after the article whose body takes them to this (at least one
  /// article comes back). Nil: rows only.
  public var maxBodyBytes: Int?

  public init(
    outlet: String? = nil, publishedAfter: Int64? = nil, publishedBefore: Int64? = nil, mentionsActorID: Int64? = nil,
    label: String? = nil, includeBody: Bool = false, after: TimeCursor? = nil, limit: Int = 50, maxBodyBytes: Int? = nil
  ) {
    self.maxBodyBytes = maxBodyBytes
    self.outlet = outlet
    self.publishedAfter = publishedAfter
    self.publishedBefore = publishedBefore
    self.mentionsActorID = mentionsActorID
    self.label = label
    self.includeBody = includeBody
    self.after = after
    self.limit = limit
  }
}

/// What ``PledgewireStore/searchArticles(_:)`` returns.
public struct ArticleSearchQuery: Sendable, Hashable {
  /// An FTS5 query expression.
  public var match: String
  public var publishedAfter: Int64?
  public var publishedBefore: Int64?
  public var offset: Int
  public var limit: Int

  public init(match: String, publishedAfter: Int64? = nil, publishedBefore: Int64? = nil, offset: Int = 0, limit: Int = 20) {
    self.match = match
    self.publishedAfter = publishedAfter
    self.publishedBefore = publishedBefore
    self.offset = offset
    self.limit = limit
  }
}

/// What ``PledgewireStore/listActors(_:)`` returns. Merged tombstones never match.
public struct ActorQuery: Sendable, Hashable {
  public var kind: ActorKind?
  /// A folded prefix of the canonical name or an alias.
  public var namePrefix: String?
  public var label: String?
  /// Actors strictly after this (folded canonical name, id).
  public var after: ActorCursor?
  public var limit: Int

  public init(kind: ActorKind? = nil, namePrefix: String? = nil, label: String? = nil, after: ActorCursor? = nil, limit: Int = 50) {
    self.kind = kind
    self.namePrefix = namePrefix
    self.label = label
    self.after = after
    self.limit = limit
  }
}

/// A position in the list of actors.
public struct ActorCursor: Sendable, Hashable {
  public var sortName: String
  public var id: Int64

  public init(sortName: String, id: Int64) {
    self.sortName = sortName
    self.id = id
  }
}

/// What ``PledgewireStore/listPledges(_:)`` returns. Every set field must match; merged tombstones never match.
public struct PledgeQuery: Sendable, Hashable {
  /// Pledges one of these actors made or announced (made only, with ``makersOnly``).
  public var actorIDs: Set<Int64>?
  public var makersOnly: Bool
  public var beneficiaryID: Int64?
  public var categories: Set<PledgeCategory>
  public var statuses: Set<PledgeStatus>
  public var madeAfter: Int64?
  public var madeBefore: Int64?
  public var articleID: Int64?
  public var conditional: Bool?
  /// The points of this plan.
  public var partOfID: Int64?
  /// With a deadline that falls due before this instant (exclusive): the end of the deadline's period.
  public var dueBefore: Int64?
  public var label: String?
  /// Pledges strictly after this (made_at, id) in newest-first order.
  public var after: TimeCursor?
  public var limit: Int

  public init(
    actorIDs: Set<Int64>? = nil, makersOnly: Bool = false, beneficiaryID: Int64? = nil, categories: Set<PledgeCategory> = [],
    statuses: Set<PledgeStatus> = [], madeAfter: Int64? = nil, madeBefore: Int64? = nil, articleID: Int64? = nil,
    conditional: Bool? = nil, partOfID: Int64? = nil, dueBefore: Int64? = nil, label: String? = nil,
    after: TimeCursor? = nil, limit: Int = 50
  ) {
    self.actorIDs = actorIDs
    self.makersOnly = makersOnly
    self.beneficiaryID = beneficiaryID
    self.categories = categories
    self.statuses = statuses
    self.madeAfter = madeAfter
    self.madeBefore = madeBefore
    self.articleID = articleID
    self.conditional = conditional
    self.partOfID = partOfID
    self.dueBefore = dueBefore
    self.label = label
    self.after = after
    self.limit = limit
  }
}

/// A position in a newest-first list: (timestamp, id), the last row of the page before.
public struct TimeCursor: Sendable, Hashable {
  public var at: Int64
  public var id: Int64

  public init(at: Int64, id: Int64) {
    self.at = at
    self.id = id
  }
}

/// What ``PledgewireStore/listAuditEntries(_:)`` returns, oldest first. Every set field must match.
public struct AuditQuery: Sendable, Hashable {
  public var recordType: RecordType?
  public var recordID: Int64?
  public var principal: String?
  /// Inclusive.
  public var after: Int64?
  /// Exclusive.
  public var before: Int64?
  /// Entries with a sequence above this.
  public var afterSequence: Int64?
  public var limit: Int

  public init(
    recordType: RecordType? = nil, recordID: Int64? = nil, principal: String? = nil, after: Int64? = nil,
    before: Int64? = nil, afterSequence: Int64? = nil, limit: Int = 50
  ) {
    self.recordType = recordType
    self.recordID = recordID
    self.principal = principal
    self.after = after
    self.before = before
    self.afterSequence = afterSequence
    self.limit = limit
  }
}
