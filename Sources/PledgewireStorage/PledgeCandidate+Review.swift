import PledgewireWire

/// The review rules both stores apply inside their write transaction, so that SQLite and PostgreSQL answer alike.
extension PledgeCandidate {
  /// This candidate as stored when extracted from article `articleID`: PENDING at version 1, never reviewed.
  package func extracted(from articleID: Int64, at now: Int64) -> PledgeCandidate {
    var stored = self
    stored.id = 0
    stored.articleID = articleID
    stored.state = .pending
    stored.version = 1
    stored.createdAtMs = now
    stored.pledgeID = 0
    stored.attached = false
    stored.rejectionReason = .unspecified
    stored.rejectionNote = ""
    stored.reviewedBy = ""
    stored.reviewedAtMs = 0
    return stored
  }

  /// Throws FAILED_PRECONDITION `ALREADY_REVIEWED` unless the candidate is pending, and ABORTED when it is not at
  /// `expectedVersion`.
  package func checkReviewable(expectedVersion: Int64?) throws {
    guard state == .pending else {
      let outcome = state == .accepted
        ? "accepted (pledge \(pledgeID)) by \(reviewedBy)" : "rejected (\(rejectionReason.name)) by \(reviewedBy)"
      throw RPCError(
        .failedPrecondition, "candidate \(id) was \(outcome) already; a candidate is reviewed once",
        details: ErrorDetails(reason: "ALREADY_REVIEWED", existingID: pledgeID)
      )
    }
    if let expectedVersion, version != expectedVersion {
      throw SQLiteStore.stale("candidate", id, at: version, expected: expectedVersion)
    }
  }

  /// What a review made of a candidate, once the store has carried out its decision.
  package enum Outcome {
    case created(pledgeID: Int64)
    case attached(pledgeID: Int64)
    case rejected(RejectionReason, note: String)
  }

  /// Records `outcome` by `context`'s principal at its time, one version up; returns the audit entry's summary.
  package mutating func record(_ outcome: Outcome, _ context: WriteContext) -> String {
    let summary: String
    switch outcome {
    case .created(let id):
      state = .accepted
      pledgeID = id
      summary = "accepted as pledge \(id)"
    case .attached(let id):
      state = .accepted
      pledgeID = id
      attached = true
      summary = "accepted as evidence of pledge \(id)"
    case .rejected(let reason, let note):
      state = .rejected
      rejectionReason = reason
      rejectionNote = note
      summary = "rejected: \(reason.name)" + (note.isEmpty ? "" : " (\(note))")
    }
    version += 1
    reviewedBy = context.principal
    reviewedAtMs = context.now
    return summary
  }
}

extension Pledge {
  /// Points the parties that name new actors (`actor_id` -1 for the first of `newActors`, -2 for the second…) at
  /// the ids those actors were given.
  package mutating func bindNewActors(_ newActors: [Actor]) throws {
    for index in parties.indices where parties[index].actorID < 0 {
      let position = Int(-parties[index].actorID) - 1
      guard newActors.indices.contains(position) else {
        throw RPCError(.internal, "party \(index) names new actor \(position + 1) of \(newActors.count)")
      }
      parties[index].actorID = newActors[position].id
    }
  }
}
