import PledgewireWire
import PledgewireServer
import PledgewireStorage

extension PledgeServiceHandler {
  /// Candidates read per query: the pledges made by the draft's makers (and actors affiliated with them), and those
  /// of its category, within the window.
  static let similarityCandidates = 300

  public func findSimilarPledges(_ request: FindSimilarPledgesRequest, context: ServerContext) async throws -> FindSimilarPledgesResponse {
    guard let draft = request.pledge else {
      throw RPCError.invalidArgument(field: "pledge", "is required: the draft to compare")
    }
    guard (0...100).contains(request.maxResults) else {
      throw RPCError.invalidArgument(field: "max_results", "must be 1...100 (or 0 for 10)")
    }
    guard (0...3_650).contains(request.windowDays) else {
      throw RPCError.invalidArgument(field: "window_days", "must be 1...3650 (or 0 for 90)")
    }
    guard request.minScore >= 0 && request.minScore <= 1 else {
      throw RPCError.invalidArgument(field: "min_score", "must be 0...1 (0 for 0.35)")
    }
    guard request.excludeID >= 0 else { throw RPCError.invalidArgument(field: "exclude_id", "must not be negative") }
    try FieldCheck.known(draft.category, "pledge.category", allowUnspecified: true)
    try FieldCheck.length(draft.action, "pledge.action", max: 1_000)
    if draft.madeAtMs != 0 {
      try Timestamps.inRange(draft.madeAtMs, "pledge.made_at_ms")
    }
    let makers = Set(draft.parties.filter { $0.role == .maker }.map(\.actorID).filter { $0 > 0 })
    guard !makers.isEmpty || draft.category != .unspecified || !draft.action.isEmpty else {
      throw RPCError.invalidArgument(field: "pledge", "gives nothing to compare: name makers, a category or an action")
    }
    let window = Int64(request.windowDays == 0 ? 90 : request.windowDays) * DatePeriod.day
    var related = makers
    for maker in makers.prefix(20) {
      related.formUnion(try await store.affiliatedActorIDs(of: maker))
    }
    var query = PledgeQuery(limit: Self.similarityCandidates)
    if draft.madeAtMs != 0 {
      query.madeAfter = draft.madeAtMs - window
      query.madeBefore = draft.madeAtMs + window + 1
    }
    var candidates: [Int64: Pledge] = [:]
    if !related.isEmpty {
      var byMakers = query
      byMakers.actorIDs = related
      for pledge in try await store.listPledges(byMakers) { candidates[pledge.id] = pledge }
    }
    if draft.category != .unspecified || related.isEmpty {
      var byCategory = query
      byCategory.categories = draft.category == .unspecified ? [] : [draft.category]
      for pledge in try await store.listPledges(byCategory) { candidates[pledge.id] = pledge }
    }
    let similarity = PledgeSimilarity(draft: draft, relatedActors: related, window: window)
    let minimum = request.minScore == 0 ? 0.35 : request.minScore
    var scored: [(pledge: Pledge, score: Double, reasons: [String])] = []
    for (index, pledge) in candidates.values.enumerated() where pledge.id != request.excludeID && pledge.id != draft.id {
      if index & 63 == 63 { try Task.checkCancellation() }
      let (score, reasons) = similarity.score(pledge)
      if score >= minimum {
        scored.append((pledge, score, reasons))
      }
    }
    scored.sort { $0.score != $1.score ? $0.score > $1.score : $0.pledge.id > $1.pledge.id }
    let ranked = scored.prefix(request.maxResults == 0 ? 10 : Int(request.maxResults))
    return FindSimilarPledgesResponse(pledges: ranked.map { entry in
      SimilarPledge(pledge: entry.pledge, score: (entry.score * 1_000).rounded() / 1_000, reasons: entry.reasons)
    })
  }
}
