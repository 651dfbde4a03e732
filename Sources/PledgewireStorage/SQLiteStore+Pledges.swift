import Foundation
import GRDB
import PledgewireWire

extension SQLiteStore {
  public func pledge(id: Int64) async throws -> Pledge? {
    try await read { db in
      try PledgeRows.read(id, db)?.pledge
    }
  }

  public func pledgeStates(_ ids: Set<Int64>) async throws -> [Int64: RecordState] {
    guard !ids.isEmpty else { return [:] }
    return try await read { db in
      let (list, arguments) = Self.inList(Array(ids))
      var states: [Int64: RecordState] = [:]
      for row in try Row.fetchAll(try db.cachedStatement(sql: "SELECT id, merged_into_id FROM pledge WHERE id IN \(list)"), arguments: arguments) {
        let merged: Int64? = row["merged_into_id"]
        states[row["id"]] = merged.map { .merged(into: $0) } ?? .live
      }
      return states
    }
  }

  /// The statement ``listPledges(_:)`` runs for `query`.
  static func pledgeListStatement(_ query: PledgeQuery) -> (sql: String, arguments: [DatabaseValue]) {
    var conditions = ["merged_into_id IS NULL"]
    var arguments: [any DatabaseValueConvertible] = []
    if let actorIDs = query.actorIDs {
      let roles = query.makersOnly ? "\(PartyRole.maker.rawValue)" : "\(PartyRole.maker.rawValue), \(PartyRole.announcer.rawValue)"
      conditions.append("id IN (SELECT pledge_id FROM party WHERE actor_id IN (\(placeholders(actorIDs.count))) AND role IN (\(roles)))")
      arguments += actorIDs.sorted() as [any DatabaseValueConvertible]
    }
    if let beneficiary = query.beneficiaryID {
      conditions.append("id IN (SELECT pledge_id FROM party WHERE actor_id = ? AND role = \(PartyRole.beneficiary.rawValue))")
      arguments.append(beneficiary)
    }
    if !query.categories.isEmpty {
      conditions.append("category IN (\(placeholders(query.categories.count)))")
      arguments += query.categories.map(\.rawValue).sorted() as [any DatabaseValueConvertible]
    }
    if !query.statuses.isEmpty {
      conditions.append("status IN (\(placeholders(query.statuses.count)))")
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
      conditions.append(conditional ? "condition_text IS NOT NULL" : "condition_text IS NULL")
    }
    if let partOf = query.partOfID {
      conditions.append("part_of_id = ?")
      arguments.append(partOf)
    }
    if let dueBefore = query.dueBefore {
      conditions.append("due_by <= ?")
      arguments.append(dueBefore)
    }
    if let label = query.label {
      conditions.append("id IN (SELECT pledge_id FROM pledge_label WHERE label = ?)")
      arguments.append(label)
    }
    if let cursor = query.after {
      conditions.append("(made_at, id) < (?, ?)")
      arguments.append(cursor.at)
      arguments.append(cursor.id)
    }
    arguments.append(query.limit)
    let sql = """
      SELECT * FROM pledge WHERE \(conditions.joined(separator: " AND ")) ORDER BY made_at DESC, id DESC LIMIT ?
      """
    return (sql, arguments.map(\.databaseValue))
  }

  public func listPledges(_ query: PledgeQuery) async throws -> [Pledge] {
    let (sql, arguments) = Self.pledgeListStatement(query)
    return try await read { db in
      try PledgeRows.load(try PledgeRecord.fetchAll(try db.cachedStatement(sql: sql), arguments: StatementArguments(arguments)), db)
    }
  }

  /// The query plan SQLite chooses for ``listPledges(_:)`` with `query`, one line per step.
  public func explainListPledges(_ query: PledgeQuery) async throws -> [String] {
    let (sql, arguments) = Self.pledgeListStatement(query)
    return try await explain(sql, arguments)
  }

  public func pledgeEvents(after sequence: Int64, limit: Int) async throws -> [PledgeEvent] {
    try await read { db in
      try PledgeEventRecord.fetchAll(
        try db.cachedStatement(sql: "SELECT * FROM pledge_event WHERE sequence > ? ORDER BY sequence LIMIT ?"), arguments: [sequence, limit]
      ).map { try $0.event }
    }
  }

  public func latestEventSequence() async throws -> Int64 {
    try await read { db in
      try Int64.fetchOne(try db.cachedStatement(sql: "SELECT COALESCE(MAX(sequence), 0) FROM pledge_event")) ?? 0
    }
  }

  static func appendEvent(_ kind: PledgeEventKind, _ pledge: Pledge, _ now: Int64, _ db: Database) throws -> PledgeEvent {
    try appendEvent(kind, PledgeRows.Stored(pledge: pledge, encoded: Data(pledge.serializedBytes())), now, db)
  }

  /// Appends an event with the pledge's encoding already made.
  static func appendEvent(_ kind: PledgeEventKind, _ stored: PledgeRows.Stored, _ now: Int64, _ db: Database) throws -> PledgeEvent {
    let record = PledgeEventRecord(kind: kind, pledgeID: stored.pledge.id, at: now, data: stored.encoded)
    let sequence = try record.insertRow(db)
    return PledgeEvent(kind: kind, pledge: stored.pledge, sequence: sequence, atMs: now)
  }
}
