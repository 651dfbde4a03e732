import Foundation
import GRDB
import PledgewireStorage
import PledgewireWire

extension PostgresStore {
  /// Inserts a candidate of article `articleID`, PENDING at version 1, with its audit entry.
  static func insertCandidate(
    _ candidate: PledgeCandidate, articleID: Int64, position: Int, _ context: WriteContext, _ session: PostgresSession
  ) async throws -> PledgeCandidate {
    var stored = candidate
    stored.id = 0
    stored.articleID = articleID
    stored.state = .pending
    stored.version = 1
    stored.createdAtMs = context.now
    stored.pledgeID = 0
    stored.attached = false
    stored.rejectionReason = .unspecified
    stored.rejectionNote = ""
    stored.reviewedBy = ""
    stored.reviewedAtMs = 0
    stored.id = try await session.insert(CandidateRecord(stored, position: position), returning: "id") ?? 0
    try await audit(context, .candidate, stored.id, before: 0, after: 1, "extracted from article \(articleID): \(stored.action.prefix(200))", session)
    return stored
  }

  public func candidate(id: Int64) async throws -> PledgeCandidate? {
    try await read(consistent: false) { session in
      try await session.rows("SELECT * FROM candidate WHERE id = ?", [id]).first.map { try CandidateRecord(row: $0).candidate }
    }
  }

  public func listCandidates(_ query: CandidateQuery) async throws -> [PledgeCandidate] {
    let (sql, values) = SQLiteStore.candidateListStatement(query)
    let arguments: PostgresSession.Arguments = values.map { $0 }
    return try await read(consistent: false) { session in
      try await session.rows(sql, arguments).map { try CandidateRecord(row: $0).candidate }
    }
  }

  /// As the SQLite store reviews, with the candidate's row locked (`FOR UPDATE`) for the transaction: a second
  /// review of the same candidate, on any instance, waits for the first to commit and then finds it reviewed.
  public func reviewCandidate(
    id: Int64, expectedVersion: Int64?, _ context: WriteContext,
    _ decide: @escaping @Sendable (PledgeCandidate) throws -> CandidateDecision
  ) async throws -> CandidateReview {
    let review = try await write { session in
      guard let row = try await session.rows("SELECT * FROM candidate WHERE id = ? FOR UPDATE", [id]).first else {
        throw RPCError(.notFound, "candidate \(id) does not exist")
      }
      let record = try CandidateRecord(row: row)
      var candidate = try record.candidate
      guard candidate.state == .pending else {
        let outcome = candidate.state == .accepted
          ? "accepted (pledge \(candidate.pledgeID)) by \(candidate.reviewedBy)" : "rejected (\(candidate.rejectionReason.name)) by \(candidate.reviewedBy)"
        throw RPCError(
          .failedPrecondition, "candidate \(id) was \(outcome) already; a candidate is reviewed once",
          details: ErrorDetails(reason: "ALREADY_REVIEWED", existingID: candidate.pledgeID)
        )
      }
      if let expectedVersion, candidate.version != expectedVersion {
        throw SQLiteStore.stale("candidate", id, at: candidate.version, expected: expectedVersion)
      }
      let before = candidate.version
      var event: PledgeEvent?
      var newActors: [Actor] = []
      let summary: String
      switch try decide(candidate) {
      case .create(var pledge, let actors):
        for actor in actors {
          newActors.append(try await Self.insertActor(actor, context, session))
        }
        for index in pledge.parties.indices where pledge.parties[index].actorID < 0 {
          let position = Int(-pledge.parties[index].actorID) - 1
          guard newActors.indices.contains(position) else {
            throw RPCError(.internal, "party \(index) names new actor \(position + 1) of \(newActors.count)")
          }
          pledge.parties[index].actorID = newActors[position].id
        }
        if pledge.partOfID != 0 || pledge.supersedesID != 0 {
          try await Self.lockLinks(session)
        }
        let created = try await Self.insertPledge(pledge, context, session)
        event = created
        candidate.state = .accepted
        candidate.pledgeID = created.pledge!.id
        summary = "accepted as pledge \(candidate.pledgeID)"
      case .attach(let pledgeID, let pledgeVersion, let revise):
        event = try await Self.revisePledge(
          id: pledgeID, expectedVersion: pledgeVersion, kind: .evidenceAdded, field: "attach_to_pledge_id", context, session, revise
        )
        candidate.state = .accepted
        candidate.pledgeID = pledgeID
        candidate.attached = true
        summary = "accepted as evidence of pledge \(pledgeID)"
      case .reject(let reason, let note):
        candidate.state = .rejected
        candidate.rejectionReason = reason
        candidate.rejectionNote = note
        summary = "rejected: \(reason.name)" + (note.isEmpty ? "" : " (\(note))")
      }
      candidate.version = before + 1
      candidate.reviewedBy = context.principal
      candidate.reviewedAtMs = context.now
      try await session.updateChanges(CandidateRecord(candidate, position: Int(record.position)), from: record, id: id)
      try await Self.audit(context, .candidate, id, before: before, after: candidate.version, summary, session)
      try await self.notifyActors(newActors.map(\.id), session)
      return CandidateReview(candidate: candidate, event: event, newActors: newActors)
    }
    actorCache.store(review.newActors)
    return review
  }
}
