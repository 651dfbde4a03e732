import PledgewireWire
import PledgewireServer
import PledgewireStorage

/// The writes to recorded pledges. Each runs its rules inside the store's write transaction, against the pledge as
/// it is then: concurrent changes serialize instead of racing, and a refused one changes nothing.
extension PledgeServiceHandler {
  // MARK: Status

  public func updatePledgeStatus(_ request: UpdatePledgeStatusRequest, context: ServerContext) async throws -> Pledge {
    try FieldCheck.positive(request.pledgeID, "pledge_id")
    try FieldCheck.known(request.status, "status")
    try FieldCheck.length(request.note, "note", max: 5_000)
    let version = try FieldCheck.expectedVersion(request.expectedVersion, "expected_version")
    let at = now()
    if request.atMs != 0 {
      try Timestamps.past(request.atMs, "at_ms", now: at)
    }
    let evidence = try await locatedEvidence(request.evidence, field: "evidence", now: at)
    if evidence?.stance == .optsOut {
      throw RPCError.invalidArgument(field: "evidence.stance", "OPTS_OUT evidence changes no status: record it with AddEvidence")
    }
    let event = try await store.revisePledge(
      id: request.pledgeID, expectedVersion: version, kind: .statusChanged,
      WriteContext(context, now: at)
    ) { current in
      try PledgeStatusRules.check(from: current.status, request)
      let changedAt = request.atMs != 0 ? request.atMs : at
      if current.madeAtMs != 0 && changedAt < current.madeAtMs {
        throw RPCError.invalidArgument(field: "at_ms", "\(DatePeriod.iso8601(changedAt)) is before the pledge was made (\(DatePeriod.iso8601(current.madeAtMs, current.madePrecision)))")
      }
      var next = current
      var cited: Evidence?
      if let evidence {
        try PledgeValidation.checkEvidenceParty(evidence, of: current, field: "evidence")
        // A quote the pledge has already is cited again, not copied.
        cited = current.evidence.first { $0.articleID == evidence.articleID && $0.range == evidence.range }
        if cited == nil {
          var added = evidence
          added.id = -1
          next.evidence.append(added)
          cited = added
        }
      }
      next.status = request.status
      next.history.append(StatusChange(
        fromStatus: current.status, toStatus: request.status, atMs: changedAt, evidence: cited, note: request.note, reopened: request.reopen
      ))
      let summary = "status \(current.status.name) -> \(request.status.name)" + (request.reopen ? " (reopened)" : "")
      try PledgeLimits.check(next)
      return PledgeRevision(pledge: next, summary: summary)
    }
    hub.publish([event])
    return event.pledge!
  }

  /// Request evidence, validated and located in its article; nil when there is none.
  func locatedEvidence(_ given: Evidence?, field: String, now: Int64) async throws -> Evidence? {
    guard var evidence = given else { return nil }
    try PledgeValidation.validate(evidence, field: field, now: now)
    let bodies = try await store.articleBodies(ids: [evidence.articleID])
    evidence = try await OffLoop.run { [evidence] in
      var located = evidence
      try PledgeValidation.locate(&located, bodies: bodies, field: field)
      return located
    }
    evidence.id = 0
    evidence.addedAtMs = 0
    evidence.addedBy = ""
    return evidence
  }

  // MARK: Terms

  public func updatePledge(_ request: UpdatePledgeRequest, context: ServerContext) async throws -> Pledge {
    let edit = try PledgeEdit(request)
    let parties = edit.newParties
    let states = try await store.actorStates(Set(parties.map(\.party.actorID)))
    for (field, party) in parties {
      try ActorServiceHandler.checkReference(party.actorID, states, field: field)
    }
    let at = now()
    let event = try await store.revisePledge(id: edit.id, expectedVersion: edit.version, kind: .updated, WriteContext(context, now: at)) { current in
      let revision = try edit.apply(to: current, now: at)
      try PledgeLimits.check(revision.pledge)
      return revision
    }
    hub.publish([event])
    return event.pledge!
  }

  // MARK: Evidence

  public func addEvidence(_ request: AddEvidenceRequest, context: ServerContext) async throws -> Pledge {
    try FieldCheck.positive(request.pledgeID, "pledge_id")
    let version = try FieldCheck.expectedVersion(request.expectedVersion, "expected_version")
    guard request.evidence != nil else {
      throw RPCError.invalidArgument(field: "evidence", "is required")
    }
    let conditionState = request.conditionState
    try FieldCheck.known(conditionState, "condition_state", allowUnspecified: true)
    guard [.unspecified, .met, .failed, .withdrawn].contains(conditionState) else {
      throw RPCError.invalidArgument(field: "condition_state", "must be MET, FAILED or WITHDRAWN (or unset to leave the condition alone)")
    }
    let at = now()
    let evidence = try await locatedEvidence(request.evidence, field: "evidence", now: at)!
    let event = try await store.revisePledge(
      id: request.pledgeID, expectedVersion: version, kind: .evidenceAdded,
      WriteContext(context, now: at)
    ) { current in
      try PledgeValidation.checkEvidenceParty(evidence, of: current, field: "evidence")
      if let same = current.evidence.first(where: { $0.articleID == evidence.articleID && $0.range == evidence.range }) {
        throw RPCError(
          .alreadyExists, "evidence: pledge \(current.id) cites this quote of article \(evidence.articleID) already (evidence \(same.id))",
          details: ErrorDetails(reason: "DUPLICATE_EVIDENCE", existingID: same.id)
        )
      }
      var next = current
      var added = evidence
      added.id = -1
      next.evidence.append(added)
      var summary = ["evidence from article \(evidence.articleID) (\(evidence.stance.name))"]
      if evidence.stance == .optsOut {
        let index = next.parties.firstIndex { $0.actorID == evidence.partyActorID && $0.role == .maker }!
        guard !next.parties[index].optedOut else {
          throw RPCError.invalidArgument(field: "evidence.party_actor_id", "actor \(evidence.partyActorID) has opted out already")
        }
        next.parties[index].optedOut = true
        next.parties[index].optOutEvidenceID = -1
        summary.append("maker \(evidence.partyActorID) opts out")
      }
      if conditionState != .unspecified {
        guard var condition = current.condition else {
          throw RPCError(
            .failedPrecondition, "condition_state: pledge \(current.id) has no condition",
            details: ErrorDetails(reason: "NO_CONDITION", fieldViolations: [FieldViolation(field: "condition_state", description: "the pledge has no condition")])
          )
        }
        guard condition.state != conditionState else {
          throw RPCError.invalidArgument(field: "condition_state", "the condition is \(conditionState.name) already")
        }
        summary.append("condition \(condition.state.name) -> \(conditionState.name)")
        condition.state = conditionState
        condition.evidenceID = -1
        condition.changedAtMs = at
        next.condition = condition
      }
      try PledgeLimits.check(next)
      return PledgeRevision(pledge: next, summary: summary.joined(separator: "; "))
    }
    hub.publish([event])
    return event.pledge!
  }

  // MARK: Merge and delete

  public func mergePledges(_ request: MergePledgesRequest, context: ServerContext) async throws -> Pledge {
    try FieldCheck.merge(survivor: request.survivorID, duplicate: request.duplicateID, "a pledge")
    // The merged pledge unions both: refuse a merge that would pass the limits (checked on the pledges as read now).
    if let survivor = try await store.pledge(id: request.survivorID), let duplicate = try await store.pledge(id: request.duplicateID) {
      var union = survivor
      union.evidence += duplicate.evidence
      union.history += duplicate.history
      try PledgeLimits.check(union)
    }
    let merge = try await store.mergePledges(
      survivorID: request.survivorID, duplicateID: request.duplicateID,
      survivorVersion: try FieldCheck.expectedVersion(request.survivorVersion, "survivor_version"),
      duplicateVersion: try FieldCheck.expectedVersion(request.duplicateVersion, "duplicate_version"), WriteContext(context, now: now())
    )
    hub.publish(merge.events)
    return merge.survivor
  }

  public func deletePledge(_ request: DeletePledgeRequest, context: ServerContext) async throws -> DeletePledgeResponse {
    try FieldCheck.positive(request.id, "id")
    let version = try FieldCheck.expectedVersion(request.expectedVersion, "expected_version")
    let events = try await store.deletePledge(id: request.id, expectedVersion: version, WriteContext(context, now: now()))
    hub.publish(events)
    return DeletePledgeResponse()
  }
}
