import PledgewireServer
import PledgewireStorage
import PledgewireWire

/// Review: a candidate is accepted (a new pledge, or evidence of a recorded one) or rejected, once. Everything is
/// checked before the store's transaction, which re-reads the candidate and refuses one already reviewed or at
/// another version: a refused review changes nothing.
extension ExtractionServiceHandler {
  public func acceptCandidate(_ request: AcceptCandidateRequest, context: ServerContext) async throws -> AcceptCandidateResponse {
    let candidate = try await candidate(request.candidateID, field: "candidate_id")
    let version = try FieldCheck.expectedVersion(request.expectedVersion, "expected_version")
    let at = now()
    let decision: CandidateDecision
    if candidate.state != .pending {
      // The store refuses it (ALREADY_REVIEWED, naming the pledge) before it asks for a decision.
      decision = .reject(.unspecified, note: "")
    } else if request.attachToPledgeID != 0 {
      decision = try attachment(request, candidate)
    } else {
      decision = try await creation(request, candidate, now: at)
    }
    let review = try await store.reviewCandidate(id: candidate.id, expectedVersion: version, WriteContext(context, now: at)) { _ in decision }
    if !review.newActors.isEmpty {
      extractors.invalidate()
    }
    hub.publish(review.event.map { [$0] } ?? [])
    return AcceptCandidateResponse(candidate: review.candidate, pledge: review.event?.pledge)
  }

  public func rejectCandidate(_ request: RejectCandidateRequest, context: ServerContext) async throws -> PledgeCandidate {
    try FieldCheck.positive(request.candidateID, "candidate_id")
    let version = try FieldCheck.expectedVersion(request.expectedVersion, "expected_version")
    try FieldCheck.known(request.reason, "reason")
    try FieldCheck.length(request.note, "note", max: 5_000)
    let (reason, note) = (request.reason, request.note)
    return try await store.reviewCandidate(id: request.candidateID, expectedVersion: version, WriteContext(context, now: now())) { _ in
      .reject(reason, note: note)
    }.candidate
  }

  // MARK: Attach

  /// The candidate's quote as evidence of a recorded pledge.
  func attachment(_ request: AcceptCandidateRequest, _ candidate: PledgeCandidate) throws -> CandidateDecision {
    try FieldCheck.positive(request.attachToPledgeID, "attach_to_pledge_id")
    guard request.pledge == nil else {
      throw RPCError.invalidArgument(field: "pledge", "describes a new pledge; leave it out with attach_to_pledge_id")
    }
    guard !request.createMissingActors else {
      throw RPCError.invalidArgument(field: "create_missing_actors", "creates the parties of a new pledge; leave it out with attach_to_pledge_id")
    }
    try FieldCheck.known(request.stance, "stance", allowUnspecified: true)
    guard request.stance != .optsOut else {
      throw RPCError.invalidArgument(field: "stance", "OPTS_OUT names a party: record it with AddEvidence")
    }
    if let amount = request.reportedAmount {
      try FieldCheck.money(amount, "reported_amount")
    }
    let evidence = Evidence(
      id: -1, articleID: candidate.articleID, quote: candidate.quote, range: candidate.range,
      stance: request.stance == .unspecified ? .reports : request.stance, reportedAmount: request.reportedAmount,
      note: "accepted from candidate \(candidate.id)"
    )
    let candidateID = candidate.id
    return .attach(pledgeID: request.attachToPledgeID, expectedVersion: nil) { current in
      if let same = current.evidence.first(where: { $0.articleID == evidence.articleID && $0.range == evidence.range }) {
        throw RPCError(
          .alreadyExists, "attach_to_pledge_id: pledge \(current.id) cites this quote of article \(evidence.articleID) already (evidence \(same.id))",
          details: ErrorDetails(reason: "DUPLICATE_EVIDENCE", existingID: same.id)
        )
      }
      var next = current
      next.evidence.append(evidence)
      return PledgeRevision(pledge: next, summary: "evidence from article \(evidence.articleID) (\(evidence.stance.name)), candidate \(candidateID)")
    }
  }

  // MARK: Create

  /// A new pledge: the reviewer's `pledge` when given, else one built from the candidate. Parties the reviewer
  /// leaves out come from the candidate, evidence left out is the candidate's quote (ANNOUNCES), and a pledge
  /// made at 0 was made when the article was published.
  func creation(_ request: AcceptCandidateRequest, _ candidate: PledgeCandidate, now: Int64) async throws -> CandidateDecision {
    try FieldCheck.known(request.stance, "stance", allowUnspecified: true)
    guard request.stance == .unspecified else {
      throw RPCError.invalidArgument(field: "stance", "is the stance of evidence attached with attach_to_pledge_id")
    }
    guard request.reportedAmount == nil else {
      throw RPCError.invalidArgument(field: "reported_amount", "is a figure of evidence attached with attach_to_pledge_id")
    }
    var pledge = request.pledge ?? Self.draft(candidate)
    var newActors: [Actor] = []
    if pledge.parties.isEmpty {
      (pledge.parties, newActors) = try await parties(of: candidate, createMissing: request.createMissingActors)
    }
    if pledge.evidence.isEmpty {
      pledge.evidence = [Evidence(articleID: candidate.articleID, quote: candidate.quote, range: candidate.range, stance: .announces)]
    }
    if pledge.madeAtMs == 0 && pledge.madePrecision == .unspecified {
      guard let article = try await store.article(id: candidate.articleID) else {
        throw RPCError(.notFound, "article \(candidate.articleID) of candidate \(candidate.id) does not exist")
      }
      pledge.madeAtMs = article.publishedAtMs
    }
    pledge.extraction = Extraction(extractor: candidate.extractor, confidence: candidate.confidence, candidateID: candidate.id)
    for (index, actor) in newActors.enumerated() {
      try ActorServiceHandler.validate(actor, field: "create_missing_actors[\(index)]")
    }

    // New actors are numbered -1, -2, … for the store; validation sees them as live placeholders.
    func placeholder(_ id: Int64) -> Int64 { id < 0 ? Int64.max + id + 1 : id }
    let lowest = Int64.max - Int64(newActors.count)
    for index in pledge.parties.indices {
      pledge.parties[index].actorID = placeholder(pledge.parties[index].actorID)
    }
    var states = try await store.actorStates(Set(pledge.parties.map(\.actorID).filter { $0 <= lowest }))
    for id in pledge.parties.map(\.actorID) where id > lowest {
      states[id] = .live
    }
    let bodies = try await store.articleBodies(ids: Set(pledge.evidence.map(\.articleID)))
    var prepared = try PledgeDraft.prepare(pledge, actors: states, bodies: bodies, now: now)
    for index in prepared.parties.indices where prepared.parties[index].actorID > lowest {
      prepared.parties[index].actorID = prepared.parties[index].actorID - Int64.max - 1
    }
    return .create(prepared, newActors: newActors)
  }

  /// The pledge the candidate proposes, without parties or evidence.
  static func draft(_ candidate: PledgeCandidate) -> Pledge {
    Pledge(
      action: candidate.action, category: candidate.category == .unspecified ? .other : candidate.category, modality: candidate.modality,
      condition: candidate.condition.isEmpty ? nil : Condition(text: candidate.condition), amount: candidate.amount,
      dueAtMs: candidate.dueAtMs, quantity: candidate.quantity, target: candidate.target,
      duePrecision: candidate.dueAtMs == 0 ? .unspecified : candidate.duePrecision, makersIncomplete: candidate.makersIncomplete
    )
  }

  /// The candidate's makers, announcers and beneficiaries as parties. A party that is not a recorded actor is
  /// looked up by name (an actor created since extraction), else created when `createMissing`, else refused.
  func parties(of candidate: PledgeCandidate, createMissing: Bool) async throws -> ([PledgeParty], [Actor]) {
    var parties: [PledgeParty] = []
    var newActors: [Actor] = []
    let groups: [(PartyRole, [CandidateParty], String)] = [
      (.maker, candidate.makers, "makers"), (.announcer, candidate.announcers, "announcers"), (.beneficiary, candidate.beneficiaries, "beneficiaries"),
    ]
    let states = try await store.actorStates(Set(groups.flatMap { $0.1.map(\.actorID) }.filter { $0 > 0 }))
    for (role, list, field) in groups {
      for (index, party) in list.enumerated() {
        var id = party.actorID
        if case .merged(let survivor) = states[id] {
          id = survivor
        } else if states[id] == nil {
          id = try await recordedActor(named: party.name, kind: party.kind) ?? 0
        }
        if id == 0 {
          guard createMissing else {
            let description = "\"\(party.name)\" is not a recorded actor: accept with create_missing_actors, or give pledge.parties"
            throw RPCError(
              .failedPrecondition, "\(field)[\(index)]: \(description)",
              details: ErrorDetails(reason: "UNKNOWN_ACTOR", fieldViolations: [FieldViolation(field: "\(field)[\(index)]", description: description)])
            )
          }
          let kind: ActorKind = party.kind == .unspecified ? .organization : party.kind
          if let known = newActors.firstIndex(where: { $0.canonicalName == party.name && $0.kind == kind }) {
            id = -Int64(known + 1)
          } else {
            newActors.append(Actor(kind: kind, canonicalName: party.name, description: "created on accepting candidate \(candidate.id)"))
            id = -Int64(newActors.count)
          }
        }
        if !parties.contains(where: { $0.actorID == id && $0.role == role }) {
          parties.append(PledgeParty(actorID: id, role: role))
        }
      }
    }
    return (parties, newActors)
  }

  /// A live actor whose canonical name or an alias is `name` (folded), of `kind` when given.
  func recordedActor(named name: String, kind: ActorKind) async throws -> Int64? {
    let folded = NameFolding.fold(name)
    guard !folded.isEmpty else { return nil }
    let actors = try await store.listActors(ActorQuery(kind: kind == .unspecified ? nil : kind, namePrefix: folded, limit: 20))
    return actors.first { actor in
      actor.mergedIntoID == 0 && (NameFolding.fold(actor.canonicalName) == folded || actor.aliases.contains { NameFolding.fold($0) == folded })
    }?.id
  }
}
