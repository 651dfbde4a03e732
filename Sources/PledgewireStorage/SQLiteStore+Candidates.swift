import Foundation
import GRDB
import PledgewireWire

extension SQLiteStore {
  /// Inserts a candidate of article `articleID`, PENDING at version 1, with its audit entry.
  static func insertCandidate(_ candidate: PledgeCandidate, articleID: Int64, position: Int, _ context: WriteContext, _ db: Database) throws -> PledgeCandidate {
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
    stored.id = try CandidateRecord(stored, position: position).insertRow(db)
    try AuditRecord.append(context, .candidate, stored.id, before: 0, after: 1, "extracted from article \(articleID): \(stored.action.prefix(200))", db)
    return stored
  }

  public func candidate(id: Int64) async throws -> PledgeCandidate? {
    try await read { db in
      try CandidateRecord.fetchOne(try db.cachedStatement(sql: "SELECT * FROM candidate WHERE id = ?"), arguments: [id])?.candidate
    }
  }

  /// The statement ``listCandidates(_:)`` runs for `query`.
  package static func candidateListStatement(_ query: CandidateQuery) -> (sql: String, arguments: [DatabaseValue]) {
    var conditions: [String] = []
    var arguments: [any DatabaseValueConvertible] = []
    if let articleID = query.articleID {
      conditions.append("article_id = ?")
      arguments.append(articleID)
    }
    if let state = query.state {
      conditions.append("state = ?")
      arguments.append(state.rawValue)
    }
    if let minimum = query.minConfidence {
      conditions.append("confidence >= ?")
      arguments.append(minimum)
    }
    if let after = query.afterID {
      conditions.append("id > ?")
      arguments.append(after)
    }
    arguments.append(query.limit)
    let sql = """
      SELECT * FROM candidate \(conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")) ORDER BY id LIMIT ?
      """
    return (sql, arguments.map(\.databaseValue))
  }

  public func listCandidates(_ query: CandidateQuery) async throws -> [PledgeCandidate] {
    let (sql, arguments) = Self.candidateListStatement(query)
    return try await read { db in
      try CandidateRecord.fetchAll(try db.cachedStatement(sql: sql), arguments: StatementArguments(arguments)).map { try $0.candidate }
    }
  }

  public func reviewCandidate(
    id: Int64, expectedVersion: Int64?, _ context: WriteContext,
    _ decide: @escaping @Sendable (PledgeCandidate) throws -> CandidateDecision
  ) async throws -> CandidateReview {
    let review = try await write { db in
      guard let record = try CandidateRecord.fetchOne(try db.cachedStatement(sql: "SELECT * FROM candidate WHERE id = ?"), arguments: [id]) else {
        throw RPCError(.notFound, "candidate \(id) does not exist")
      }
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
        throw Self.stale("candidate", id, at: candidate.version, expected: expectedVersion)
      }
      let before = candidate.version
      var event: PledgeEvent?
      var newActors: [Actor] = []
      let summary: String
      switch try decide(candidate) {
      case .create(var pledge, let actors):
        newActors = try actors.map { try Self.insertActor($0, context, db) }
        for index in pledge.parties.indices where pledge.parties[index].actorID < 0 {
          let position = Int(-pledge.parties[index].actorID) - 1
          guard newActors.indices.contains(position) else {
            throw RPCError(.internal, "party \(index) names new actor \(position + 1) of \(newActors.count)")
          }
          pledge.parties[index].actorID = newActors[position].id
        }
        event = try Self.insertPledge(pledge, context, db)
        candidate.state = .accepted
        candidate.pledgeID = event!.pledge!.id
        summary = "accepted as pledge \(candidate.pledgeID)"
      case .attach(let pledgeID, let pledgeVersion, let revise):
        event = try Self.revisePledge(
          id: pledgeID, expectedVersion: pledgeVersion, kind: .evidenceAdded, field: "attach_to_pledge_id", context, db, revise
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
      try CandidateRecord(candidate, position: Int(record.position)).update(db)
      try AuditRecord.append(context, .candidate, id, before: before, after: candidate.version, summary, db)
      return CandidateReview(candidate: candidate, event: event, newActors: newActors)
    }
    actorCache.store(review.newActors)
    return review
  }
}
