import Foundation
import GRDB
import PledgewireWire

extension SQLiteStore {
  public func insertPledges(_ pledges: [Pledge], now: Int64) async throws -> [Result<PledgeEvent, RPCError>] {
    try await write { db in
      pledges.map { pledge in
        Self.each(db) {
          var stored = pledge
          stored.version = 1
          stored.createdAtMs = now
          stored.updatedAtMs = now
          try db.cachedStatement(sql: "INSERT INTO pledge (category, status, made_at, conditional, version, data) VALUES (?, ?, ?, ?, 1, x'')").execute(arguments: [pledge.category.rawValue, pledge.status.rawValue, pledge.madeAtMs, pledge.condition != nil])
          stored.id = db.lastInsertedRowID
          for index in stored.evidence.indices {
            stored.evidence[index] = try Self.insertEvidence(stored.evidence[index], pledgeID: stored.id, now: now, db)
          }
          for party in Set(stored.parties.map { [$0.actorID, Int64($0.role.rawValue)] }) {
            try db.cachedStatement(sql: "INSERT INTO party (pledge_id, actor_id, role) VALUES (?, ?, ?)").execute(arguments: [stored.id, party[0], party[1]])
          }
          try db.cachedStatement(sql: "UPDATE pledge SET data = ? WHERE id = ?").execute(arguments: [Self.blob(stored), stored.id])
          return try Self.appendEvent(.created, stored, now, db)
        }
      }
    }
  }

  public func pledge(id: Int64) async throws -> Pledge? {
    try await read { db in
      try Data.fetchOne(try db.cachedStatement(sql: "SELECT data FROM pledge WHERE id = ?"), arguments: [id]).map { try Self.decode(Pledge.self, $0) }
    }
  }

  /// The statement ``listPledges(_:)`` runs for `query`.
  static func pledgeListStatement(_ query: PledgeQuery) -> (sql: String, arguments: [DatabaseValue]) {
    var conditions: [String] = []
    var arguments: [any DatabaseValueConvertible] = []
    if let actorIDs = query.actorIDs {
      conditions.append("""
        id IN (SELECT pledge_id FROM party WHERE actor_id IN (\(Self.placeholders(actorIDs.count))) \
        AND role IN (\(PartyRole.maker.rawValue), \(PartyRole.announcer.rawValue)))
        """)
      arguments += actorIDs.sorted() as [any DatabaseValueConvertible]
    }
    if let beneficiary = query.beneficiaryID {
      conditions.append("id IN (SELECT pledge_id FROM party WHERE actor_id = ? AND role = \(PartyRole.beneficiary.rawValue))")
      arguments.append(beneficiary)
    }
    if !query.categories.isEmpty {
      conditions.append("category IN (\(Self.placeholders(query.categories.count)))")
      arguments += query.categories.map(\.rawValue).sorted() as [any DatabaseValueConvertible]
    }
    if !query.statuses.isEmpty {
      conditions.append("status IN (\(Self.placeholders(query.statuses.count)))")
      arguments += query.statuses.map(\.rawValue).sorted() as [any DatabaseValueConvertible]
    }
    if let after = query.madeAfter {
      conditions.append("made_at >= ?")
      arguments.append(after)
    }
    if let before = query.madeBefore {
      conditions.append("made_at < ?")
      arguments.append(before)
    }
    if let articleID = query.articleID {
      conditions.append("id IN (SELECT pledge_id FROM evidence WHERE article_id = ?)")
      arguments.append(articleID)
    }
    if let conditional = query.conditional {
      conditions.append("conditional = ?")
      arguments.append(conditional)
    }
    if let cursor = query.after {
      conditions.append("(made_at, id) < (?, ?)")
      arguments.append(cursor.at)
      arguments.append(cursor.id)
    }
    arguments.append(query.limit)
    return (pledgeListSQL(conditions), arguments.map(\.databaseValue))
  }

  public func listPledges(_ query: PledgeQuery) async throws -> [Pledge] {
    let (sql, arguments) = Self.pledgeListStatement(query)
    return try await read { db in
      try Data.fetchAll(try db.cachedStatement(sql: sql), arguments: StatementArguments(arguments)).map { try Self.decode(Pledge.self, $0) }
    }
  }

  /// The query plan SQLite chooses for ``listPledges(_:)`` with `query`, one line per step.
  public func explainListPledges(_ query: PledgeQuery) async throws -> [String] {
    let (sql, arguments) = Self.pledgeListStatement(query)
    return try await explain(sql, arguments)
  }

  static func pledgeListSQL(_ conditions: [String]) -> String {
    """
    SELECT data FROM pledge \(conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND "))
    ORDER BY made_at DESC, id DESC LIMIT ?
    """
  }

  public func appendStatusChange(
    pledgeID: Int64, expectedVersion: Int64?, now: Int64, _ makeChange: @escaping @Sendable (Pledge) throws -> StatusChange
  ) async throws -> PledgeEvent {
    try await write { db in
      guard let data = try Data.fetchOne(try db.cachedStatement(sql: "SELECT data FROM pledge WHERE id = ?"), arguments: [pledgeID]) else {
        throw RPCError(.notFound, "pledge \(pledgeID) does not exist")
      }
      var pledge = try Self.decode(Pledge.self, data)
      if let expectedVersion, pledge.version != expectedVersion {
        throw RPCError(
          .aborted,
          "pledge \(pledgeID) is at version \(pledge.version), not \(expectedVersion)",
          details: ErrorDetails(reason: "STALE_VERSION")
        )
      }
      var change = try makeChange(pledge)
      if let evidence = change.evidence {
        let stored = try Self.insertEvidence(evidence, pledgeID: pledgeID, now: now, db)
        change.evidence = stored
        pledge.evidence.append(stored)
      }
      pledge.status = change.toStatus
      pledge.history.append(change)
      pledge.version += 1
      pledge.updatedAtMs = now
      try db.cachedStatement(sql: "UPDATE pledge SET status = ?, version = ?, data = ? WHERE id = ?").execute(arguments: [pledge.status.rawValue, pledge.version, Self.blob(pledge), pledgeID])
      return try Self.appendEvent(.statusChanged, pledge, now, db)
    }
  }

  public func pledgeEvents(after sequence: Int64, limit: Int) async throws -> [PledgeEvent] {
    try await read { db in
      try Row.fetchAll(try db.cachedStatement(sql: "SELECT sequence, kind, at, data FROM pledge_event WHERE sequence > ? ORDER BY sequence LIMIT ?"),
        arguments: [sequence, limit]
      ).map { row in
        PledgeEvent(
          kind: PledgeEventKind(rawValue: Int32(row["kind"] as Int64)),
          pledge: try Self.decode(Pledge.self, row["data"]),
          sequence: row["sequence"],
          atMs: row["at"]
        )
      }
    }
  }

  public func latestEventSequence() async throws -> Int64 {
    try await read { db in
      try Int64.fetchOne(try db.cachedStatement(sql: "SELECT COALESCE(MAX(sequence), 0) FROM pledge_event")) ?? 0
    }
  }

  private static func insertEvidence(_ evidence: Evidence, pledgeID: Int64, now: Int64, _ db: Database) throws -> Evidence {
    try db.cachedStatement(sql: "INSERT INTO evidence (pledge_id, article_id) VALUES (?, ?)").execute(arguments: [pledgeID, evidence.articleID])
    var stored = evidence
    stored.id = db.lastInsertedRowID
    stored.addedAtMs = now
    return stored
  }

  private static func appendEvent(_ kind: PledgeEventKind, _ pledge: Pledge, _ now: Int64, _ db: Database) throws -> PledgeEvent {
    try db.cachedStatement(sql: "INSERT INTO pledge_event (pledge_id, kind, at, data) VALUES (?, ?, ?, ?)").execute(arguments: [pledge.id, kind.rawValue, now, blob(pledge)])
    return PledgeEvent(kind: kind, pledge: pledge, sequence: db.lastInsertedRowID, atMs: now)
  }
}
