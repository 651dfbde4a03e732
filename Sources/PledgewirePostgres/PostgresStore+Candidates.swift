import Foundation
import GRDB
import PledgewireStorage
import PledgewireWire

extension PostgresStore {
  /// Inserts a candidate of article `articleID`, PENDING at version 1, with its audit entry.
  static func insertCandidate(
    _ candidate: PledgeCandidate, articleID: Int64, position: Int, _ context: WriteContext, _ session: PostgresSession
  ) async throws -> PledgeCandidate {
    var stored = candidate.extracted(from: articleID, at: context.now)
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
      try candidate.checkReviewable(expectedVersion: expectedVersion)
      let before = candidate.version
      var event: PledgeEvent?
      var newActors: [Actor] = []
      let outcome: PledgeCandidate.Outcome
      switch try decide(candidate) {
      case .create(var pledge, let actors):
        for actor in actors {
          newActors.append(try await Self.insertActor(actor, context, session))
        }
        try pledge.bindNewActors(newActors)
        if pledge.partOfID != 0 || pledge.supersedesID != 0 {
          try await Self.lockLinks(session)
        }
        let created = try await Self.insertPledge(pledge, context, session)
        event = created
        outcome = .created(pledgeID: created.pledge!.id)
      case .attach(let pledgeID, let pledgeVersion, let revise):
        event = try await Self.revisePledge(
          id: pledgeID, expectedVersion: pledgeVersion, kind: .evidenceAdded, field: "attach_to_pledge_id", context, session, revise
        )
        outcome = .attached(pledgeID: pledgeID)
      case .reject(let reason, let note):
        outcome = .rejected(reason, note: note)
      }
      let summary = candidate.record(outcome, context)
      try await session.updateChanges(CandidateRecord(candidate, position: Int(record.position)), from: record, id: id)
      try await Self.audit(context, .candidate, id, before: before, after: candidate.version, summary, session)
      try await self.notifyActors(newActors.map(\.id), session)
      return CandidateReview(candidate: candidate, event: event, newActors: newActors)
    }
    actorCache.store(review.newActors)
    return review
  }
}
