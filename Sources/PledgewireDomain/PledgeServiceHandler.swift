import PledgewireWire
import PledgewireServer
import PledgewireStorage

/// `pledgewire.v1.PledgeService`: pledges, their status history with evidence, and a live feed of changes.
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
    try await create([request])[0].get()
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
      try await create(batch).map { $0.map(\.id) }
    }
  }

  public func updatePledge(_ request: UpdatePledgeRequest, context: ServerContext) async throws -> Pledge {
    throw RPCError(.unimplemented, "UpdatePledge is not implemented yet")
  }

  public func addEvidence(_ request: AddEvidenceRequest, context: ServerContext) async throws -> Pledge {
    throw RPCError(.unimplemented, "AddEvidence is not implemented yet")
  }

  public func mergePledges(_ request: MergePledgesRequest, context: ServerContext) async throws -> Pledge {
    throw RPCError(.unimplemented, "MergePledges is not implemented yet")
  }

  public func deletePledge(_ request: DeletePledgeRequest, context: ServerContext) async throws -> DeletePledgeResponse {
    throw RPCError(.unimplemented, "DeletePledge is not implemented yet")
  }

  public func findSimilarPledges(_ request: FindSimilarPledgesRequest, context: ServerContext) async throws -> FindSimilarPledgesResponse {
    throw RPCError(.unimplemented, "FindSimilarPledges is not implemented yet")
  }

  private func pledge(_ id: Int64, field: String) async throws -> Pledge {
    try FieldCheck.positive(id, field)
    guard let pledge = try await store.pledge(id: id) else {
      throw RPCError(.notFound, "pledge \(id) does not exist")
    }
    return pledge
  }

  // MARK: Create

  /// Validates and inserts pledges, each on its own, and publishes their events.
  func create(_ requests: [CreatePledgeRequest]) async throws -> [Result<Pledge, RPCError>] {
    let pledges = requests.map(\.pledge)
    let actorIDs = Set(pledges.flatMap { $0?.parties.map(\.actorID) ?? [] })
    let articleIDs = Set(pledges.flatMap { $0?.evidence.map(\.articleID) ?? [] })
    let existingActors = try await store.existingActorIDs(actorIDs)
    let bodies = try await store.articleBodies(ids: articleIDs)
    let at = now()
    let prepared: [Result<Pledge, RPCError>] = pledges.map { pledge in
      Result {
        guard let pledge else { throw RPCError.invalidArgument(field: "pledge", "is required") }
        return try Self.prepare(pledge, actors: existingActors, bodies: bodies, now: at)
      }.mapError { $0 as? RPCError ?? RPCError(.internal, "\($0)") }
    }
    let valid = prepared.compactMap { try? $0.get() }
    let events = valid.isEmpty ? [] : try await store.insertPledges(valid, now: at)
    hub.publish(events.compactMap { try? $0.get() })
    var stored = events.makeIterator()
    return prepared.map { result in result.flatMap { _ in stored.next()!.map { $0.pledge! } } }
  }

  static func prepare(_ input: Pledge, actors: Set<Int64>, bodies: [Int64: String], now: Int64) throws -> Pledge {
    var pledge = input
    try validate(pledge, field: "pledge")
    for (index, party) in pledge.parties.enumerated() where !actors.contains(party.actorID) {
      throw missing("pledge.parties[\(index)].actor_id", "actor \(party.actorID) does not exist")
    }
    for index in pledge.evidence.indices {
      let path = "pledge.evidence[\(index)]"
      guard let body = bodies[pledge.evidence[index].articleID] else {
        throw missing("\(path).article_id", "article \(pledge.evidence[index].articleID) does not exist")
      }
      pledge.evidence[index].range = try TextRanges.locate(quote: pledge.evidence[index].quote, range: pledge.evidence[index].range, in: body, field: path)
      pledge.evidence[index].id = 0
    }
    if pledge.status == .unspecified {
      pledge.status = .announced
    }
    if var condition = pledge.condition, condition.state == .unspecified {
      condition.state = .pending
      pledge.condition = condition
    }
    pledge.id = 0
    pledge.history = [StatusChange(fromStatus: .unspecified, toStatus: pledge.status, atMs: pledge.madeAtMs, note: "recorded")]
    return pledge
  }

  static func missing(_ field: String, _ description: String) -> RPCError {
    RPCError(
      .notFound, "\(field): \(description)",
      details: ErrorDetails(reason: "MISSING_REFERENCE", fieldViolations: [FieldViolation(field: field, description: description)])
    )
  }

  static func validate(_ pledge: Pledge, field: String) throws {
    try FieldCheck.count(pledge.parties, "\(field).parties", max: 200)
    guard pledge.parties.contains(where: { $0.role == .maker }) else {
      throw RPCError.invalidArgument(field: "\(field).parties", "needs at least one MAKER")
    }
    for (index, party) in pledge.parties.enumerated() {
      try FieldCheck.positive(party.actorID, "\(field).parties[\(index)].actor_id")
      try FieldCheck.known(party.role, "\(field).parties[\(index)].role")
    }
    try FieldCheck.required(pledge.action, "\(field).action", max: 1_000)
    try FieldCheck.known(pledge.category, "\(field).category")
    try FieldCheck.known(pledge.modality, "\(field).modality", allowUnspecified: true)
    if let condition = pledge.condition {
      try FieldCheck.required(condition.text, "\(field).condition.text", max: 1_000)
      try FieldCheck.known(condition.state, "\(field).condition.state", allowUnspecified: true)
    }
    if let amount = pledge.amount {
      try FieldCheck.money(amount, "\(field).amount")
    }
    try FieldCheck.count(pledge.stageAmounts, "\(field).stage_amounts", max: 100)
    for (index, stage) in pledge.stageAmounts.enumerated() {
      try FieldCheck.known(stage.stage, "\(field).stage_amounts[\(index)].stage")
      guard let amount = stage.amount else {
        throw RPCError.invalidArgument(field: "\(field).stage_amounts[\(index)].amount", "is required")
      }
      try FieldCheck.money(amount, "\(field).stage_amounts[\(index)].amount")
    }
    guard pledge.madeAtMs > 0 else {
      throw RPCError.invalidArgument(field: "\(field).made_at_ms", "is required (Unix milliseconds)")
    }
    if pledge.dueAtMs != 0 && pledge.dueAtMs < pledge.madeAtMs {
      throw RPCError.invalidArgument(field: "\(field).due_at_ms", "must not be before made_at_ms")
    }
    try FieldCheck.known(pledge.status, "\(field).status", allowUnspecified: true)
    guard !pledge.evidence.isEmpty else {
      throw RPCError.invalidArgument(field: "\(field).evidence", "needs at least one quote from an article")
    }
    try FieldCheck.count(pledge.evidence, "\(field).evidence", max: 200)
    for (index, evidence) in pledge.evidence.enumerated() {
      try validate(evidence, field: "\(field).evidence[\(index)]")
    }
    if let extraction = pledge.extraction {
      guard extraction.confidence >= 0 && extraction.confidence <= 1 else {
        throw RPCError.invalidArgument(field: "\(field).extraction.confidence", "must be 0...1, not \(extraction.confidence)")
      }
      try FieldCheck.length(extraction.extractor, "\(field).extraction.extractor", max: 200)
    }
  }

  static func validate(_ evidence: Evidence, field: String) throws {
    try FieldCheck.positive(evidence.articleID, "\(field).article_id")
    try FieldCheck.required(evidence.quote, "\(field).quote", max: 5_000)
    try FieldCheck.known(evidence.stance, "\(field).stance")
  }

  // MARK: Status

  public func updatePledgeStatus(_ request: UpdatePledgeStatusRequest, context: ServerContext) async throws -> Pledge {
    try FieldCheck.positive(request.pledgeID, "pledge_id")
    try FieldCheck.known(request.status, "status")
    try FieldCheck.length(request.note, "note", max: 5_000)
    guard request.atMs >= 0 else { throw RPCError.invalidArgument(field: "at_ms", "must not be negative") }
    var evidence = request.evidence
    if let given = evidence {
      try Self.validate(given, field: "evidence")
      guard let body = try await store.articleBodies(ids: [given.articleID])[given.articleID] else {
        throw Self.missing("evidence.article_id", "article \(given.articleID) does not exist")
      }
      evidence?.range = try TextRanges.locate(quote: given.quote, range: given.range, in: body, field: "evidence")
      evidence?.id = 0
    }
    // The rules run inside the store's write transaction, against the pledge as it is then: concurrent changes
    // serialize instead of racing.
    let at = now()
    let finalEvidence = evidence
    let event = try await store.appendStatusChange(
      pledgeID: request.pledgeID, expectedVersion: request.expectedVersion == 0 ? nil : request.expectedVersion, now: at
    ) { current in
      try PledgeStatusRules.check(from: current.status, request)
      return StatusChange(
        fromStatus: current.status, toStatus: request.status, atMs: request.atMs > 0 ? request.atMs : at,
        evidence: finalEvidence, note: request.note, reopened: request.reopen
      )
    }
    hub.publish([event])
    return event.pledge!
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
    var query = PledgeQuery(
      categories: Set(filter.categories), statuses: Set(filter.statuses),
      madeAfter: filter.madeAfterMs > 0 ? filter.madeAfterMs : nil,
      madeBefore: filter.madeBeforeMs > 0 ? filter.madeBeforeMs : nil,
      conditional: filter.condition == .conditional ? true : filter.condition == .unconditional ? false : nil
    )
    if filter.actorID != 0 {
      try FieldCheck.positive(filter.actorID, "filter.actor_id")
      query.actorIDs = filter.includeAffiliated ? try await store.affiliatedActorIDs(of: filter.actorID) : [filter.actorID]
    } else if filter.includeAffiliated {
      throw RPCError.invalidArgument(field: "filter.include_affiliated", "needs filter.actor_id")
    }
    if filter.beneficiaryID != 0 {
      try FieldCheck.positive(filter.beneficiaryID, "filter.beneficiary_id")
      query.beneficiaryID = filter.beneficiaryID
    }
    if filter.articleID != 0 {
      try FieldCheck.positive(filter.articleID, "filter.article_id")
      query.articleID = filter.articleID
    }
    return query
  }

  // MARK: Watch

  public func watchPledges(_ request: WatchPledgesRequest, writer: ResponseWriter<PledgeEvent>, context: ServerContext) async throws {
    let matcher = PledgeEventMatcher(try await Self.query(request.filter ?? PledgeFilter(), store: store))
    // Subscribe before reading the log's position, so that no event falls between the two.
    let live = hub.subscribe()
    var last = try await store.latestEventSequence()
    if !request.resumeToken.isEmpty {
      guard let sequence = ResumeToken.decode(request.resumeToken) else {
        throw RPCError.invalidArgument(field: "resume_token", "is not a token this server issued")
      }
      guard sequence <= last else {
        throw RPCError.invalidArgument(field: "resume_token", "points past the newest event (\(last)); was the database replaced?")
      }
      last = try await replay(after: sequence, through: last, matcher, writer)
    }
    for try await event in live {
      if event.sequence <= last {
        continue
      }
      if event.sequence > last + 1 {
        // Events committed by other writers may be published out of order: fill the gap from the log.
        last = try await replay(after: last, through: event.sequence - 1, matcher, writer)
      }
      try await send(event, matcher, writer)
      last = event.sequence
    }
  }

  /// Sends the logged events after `after` up to `through` that match; returns `through`.
  private func replay(after: Int64, through: Int64, _ matcher: PledgeEventMatcher, _ writer: ResponseWriter<PledgeEvent>) async throws -> Int64 {
    var position = after
    while position < through {
      let events = try await store.pledgeEvents(after: position, limit: 500)
      guard !events.isEmpty else { break }
      for event in events where event.sequence <= through {
        try await send(event, matcher, writer)
      }
      position = events[events.count - 1].sequence
    }
    return max(after, through)
  }

  private func send(_ event: PledgeEvent, _ matcher: PledgeEventMatcher, _ writer: ResponseWriter<PledgeEvent>) async throws {
    guard let pledge = event.pledge, matcher.matches(pledge) else { return }
    var event = event
    event.resumeToken = ResumeToken.encode(event.sequence)
    try await writer.send(event)
  }
}

/// Watch resume tokens: the sequence of the last event a client saw.
enum ResumeToken {
  static func encode(_ sequence: Int64) -> String {
    "e" + String(sequence, radix: 36)
  }

  static func decode(_ token: String) -> Int64? {
    guard token.hasPrefix("e"), let value = Int64(token.dropFirst(), radix: 36), value >= 0 else { return nil }
    return value
  }
}

/// A pledge filter applied to pledges in memory, for Watch.
struct PledgeEventMatcher: Sendable {
  let query: PledgeQuery

  init(_ query: PledgeQuery) {
    self.query = query
  }

  func matches(_ pledge: Pledge) -> Bool {
    if let actors = query.actorIDs,
      !pledge.parties.contains(where: { ($0.role == .maker || $0.role == .announcer) && actors.contains($0.actorID) }) {
      return false
    }
    if let beneficiary = query.beneficiaryID,
      !pledge.parties.contains(where: { $0.role == .beneficiary && $0.actorID == beneficiary }) {
      return false
    }
    if !query.categories.isEmpty && !query.categories.contains(pledge.category) { return false }
    if !query.statuses.isEmpty && !query.statuses.contains(pledge.status) { return false }
    if let after = query.madeAfter, pledge.madeAtMs < after { return false }
    if let before = query.madeBefore, pledge.madeAtMs >= before { return false }
    if let article = query.articleID, !pledge.evidence.contains(where: { $0.articleID == article }) { return false }
    if let conditional = query.conditional, (pledge.condition != nil) != conditional { return false }
    return true
  }
}
