import PledgewireWire
import PledgewireServer
import PledgewireStorage

/// `pledgewire.v1.PledgeService`: pledges, their status history with evidence, edits, merges and deletions, likely
/// duplicates, and a live feed of changes. Changes live in `+Changes`, Watch in `+Watch`, similarity in `+Similar`.
public struct PledgeServiceHandler: PledgeService.ServiceProtocol {
  let store: any PledgewireStore
  let hub: PledgeEventHub
  let now: @Sendable () -> Int64

  public init(store: any PledgewireStore, hub: PledgeEventHub, now: @escaping @Sendable () -> Int64 = WallClock.now) {
    self.store = store
    self.hub = hub
    self.now = now
  }

  public func createPledge(_ request: CreatePledgeRequest, context: ServerContext) async throws -> Pledge {
    try await create([request], WriteContext(context, now: now()))[0].get()
  }

  public func getPledge(_ request: GetPledgeRequest, context: ServerContext) async throws -> Pledge {
    try await pledge(request.id, field: "id")
  }

  public func getPledgeHistory(_ request: GetPledgeHistoryRequest, context: ServerContext) async throws -> PledgeHistory {
    let pledge = try await pledge(request.pledgeID, field: "pledge_id")
    return PledgeHistory(pledgeID: pledge.id, changes: pledge.history)
  }

  public func importPledges(_ requests: RequestStream<CreatePledgeRequest>, context: ServerContext) async throws -> ImportResponse {
    try await Importer.run(requests) { batch in
      try await create(batch, WriteContext(context, now: now())).map { $0.map(\.id) }
    }
  }

  func pledge(_ id: Int64, field: String) async throws -> Pledge {
    try FieldCheck.positive(id, field)
    guard let pledge = try await store.pledge(id: id) else {
      throw RPCError(.notFound, "pledge \(id) does not exist")
    }
    return pledge
  }

  // MARK: Create

  /// Validates and inserts pledges, each on its own, and publishes their events.
  func create(_ requests: [CreatePledgeRequest], _ context: WriteContext) async throws -> [Result<Pledge, RPCError>] {
    let pledges = requests.map(\.pledge)
    let actorIDs = Set(pledges.flatMap { $0?.parties.map(\.actorID) ?? [] })
    let articleIDs = Set(pledges.flatMap { $0?.evidence.map(\.articleID) ?? [] })
    let actors = try await store.actorStates(actorIDs)
    let bodies = try await store.articleBodies(ids: articleIDs)
    let now = context.now
    let prepared: [Result<Pledge, RPCError>] = try await OffLoop.run {
      try pledges.map { pledge in
        try Task.checkCancellation()
        return Result {
          guard let pledge else { throw RPCError.invalidArgument(field: "pledge", "is required") }
          let prepared = try PledgeDraft.prepare(pledge, actors: actors, bodies: bodies, now: now)
          try PledgeLimits.check(prepared)
          return prepared
        }.mapError { $0 as? RPCError ?? RPCError(.internal, "\($0)") }
      }
    }
    let valid = prepared.compactMap { try? $0.get() }
    let events = valid.isEmpty ? [] : try await store.insertPledges(valid, context)
    hub.publish(events.compactMap { try? $0.get() })
    var stored = events.makeIterator()
    return prepared.map { result in result.flatMap { _ in stored.next()!.map { $0.pledge! } } }
  }

  static func missing(_ field: String, _ description: String) -> RPCError {
    RPCError(
      .notFound, "\(field): \(description)",
      details: ErrorDetails(reason: "MISSING_REFERENCE", fieldViolations: [FieldViolation(field: field, description: description)])
    )
  }

  // MARK: List

  public func listPledges(_ request: ListPledgesRequest, context: ServerContext) async throws -> ListPledgesResponse {
    let limit = try FieldCheck.pageSize(request.pageSize, fallback: 50)
    var query = try await Self.query(request.filter ?? PledgeFilter(), store: store)
    var fingerprint = request
    fingerprint.pageToken = ""
    fingerprint.pageSize = 0
    query.after = try PageToken.decode(request.pageToken, scope: "pledges", query: fingerprint, fieldCount: 2).map {
      TimeCursor(at: try PageToken.int($0[0]), id: try PageToken.int($0[1]))
    }
    query.limit = limit + 1
    var pledges = try await store.listPledges(query)
    var next = ""
    if pledges.count > limit {
      pledges.removeLast()
      let last = pledges[pledges.count - 1]
      next = PageToken.encode(scope: "pledges", query: fingerprint, fields: [String(last.madeAtMs), String(last.id)])
    }
    return ListPledgesResponse(pledges: pledges, nextPageToken: next)
  }

  /// The store query for a filter, with affiliations expanded.
  static func query(_ filter: PledgeFilter, store: any PledgewireStore) async throws -> PledgeQuery {
    try FieldCheck.timeRange(after: filter.madeAfterMs, before: filter.madeBeforeMs, "filter.made_after_ms", "filter.made_before_ms")
    for (index, category) in filter.categories.enumerated() {
      try FieldCheck.known(category, "filter.categories[\(index)]")
    }
    for (index, status) in filter.statuses.enumerated() {
      try FieldCheck.known(status, "filter.statuses[\(index)]")
    }
    try FieldCheck.known(filter.condition, "filter.condition", allowUnspecified: true)
    if filter.dueBeforeMs != 0 {
      try Timestamps.inRange(filter.dueBeforeMs, "filter.due_before_ms")
    }
    try FieldCheck.length(filter.label, "filter.label", max: 64)
    var query = PledgeQuery(
      makersOnly: filter.makersOnly, categories: Set(filter.categories), statuses: Set(filter.statuses),
      madeAfter: filter.madeAfterMs != 0 ? filter.madeAfterMs : nil,
      madeBefore: filter.madeBeforeMs != 0 ? filter.madeBeforeMs : nil,
      conditional: filter.condition == .conditional ? true : filter.condition == .unconditional ? false : nil,
      dueBefore: filter.dueBeforeMs != 0 ? filter.dueBeforeMs : nil,
      label: filter.label.isEmpty ? nil : filter.label
    )
    if filter.actorID != 0 {
      try FieldCheck.positive(filter.actorID, "filter.actor_id")
      query.actorIDs = filter.includeAffiliated ? try await store.affiliatedActorIDs(of: filter.actorID) : [filter.actorID]
    } else if filter.includeAffiliated {
      throw RPCError.invalidArgument(field: "filter.include_affiliated", "needs filter.actor_id")
    } else if filter.makersOnly {
      throw RPCError.invalidArgument(field: "filter.makers_only", "needs filter.actor_id")
    }
    if filter.beneficiaryID != 0 {
      try FieldCheck.positive(filter.beneficiaryID, "filter.beneficiary_id")
      query.beneficiaryID = filter.beneficiaryID
    }
    if filter.articleID != 0 {
      try FieldCheck.positive(filter.articleID, "filter.article_id")
      query.articleID = filter.articleID
    }
    if filter.partOfID != 0 {
      try FieldCheck.positive(filter.partOfID, "filter.part_of_id")
      query.partOfID = filter.partOfID
    }
    return query
  }
}
