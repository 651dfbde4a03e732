import Foundation
import GRDB
import PledgewireWire

extension SQLiteStore {
  /// Inserts a candidate of article `articleID`, PENDING at version 1, with its audit entry.
  static func insertCandidate(_ candidate: PledgeCandidate, articleID: Int64, position: Int, _ context: WriteContext, _ db: Database) throws -> PledgeCandidate {
    var stored = candidate.extracted(from: articleID, at: context.now)
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
      try candidate.checkReviewable(expectedVersion: expectedVersion)
      let before = candidate.version
      var event: PledgeEvent?
      var newActors: [Actor] = []
      let outcome: PledgeCandidate.Outcome
      switch try decide(candidate) {
      case .create(var pledge, let actors):
        newActors = try actors.map { try Self.insertActor($0, context, db) }
        try pledge.bindNewActors(newActors)
        event = try Self.insertPledge(pledge, context, db)
        outcome = .created(pledgeID: event!.pledge!.id)
      case .attach(let pledgeID, let pledgeVersion, let revise):
        event = try Self.revisePledge(
          id: pledgeID, expectedVersion: pledgeVersion, kind: .evidenceAdded, field: "attach_to_pledge_id", context, db, revise
        )
        outcome = .attached(pledgeID: pledgeID)
      case .reject(let reason, let note):
        outcome = .rejected(reason, note: note)
      }
      let summary = candidate.record(outcome, context)
      try CandidateRecord(candidate, position: Int(record.position)).update(db)
      try AuditRecord.append(context, .candidate, id, before: before, after: candidate.version, summary, db)
      return CandidateReview(candidate: candidate, event: event, newActors: newActors)
    }
    actorCache.store(review.newActors)
    return review
  }
}
