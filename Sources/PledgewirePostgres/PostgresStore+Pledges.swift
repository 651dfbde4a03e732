import Foundation
import GRDB
import PledgewireStorage
import PledgewireWire

extension PostgresStore {
  public func pledge(id: Int64) async throws -> Pledge? {
    // One row when the snapshot is current; otherwise the rows, read in one snapshot.
    let record = try await read(consistent: false) { session in
      try await session.rows("SELECT * FROM pledge WHERE id = ?", [id]).first.map { try PledgeRecord(row: $0) }
    }
    guard let record else { return nil }
    if record.snapshotFormat == PostgresPledgeRows.snapshotFormat, let snapshot = record.snapshot {
      return try StoredMessage.decode(Pledge.self, snapshot, empty: Pledge())
    }
    return try await read { session in
      try await PostgresPledgeRows.read(id, session)?.pledge
    }
  }

  public func pledgeStates(_ ids: Set<Int64>) async throws -> [Int64: RecordState] {
    guard !ids.isEmpty else { return [:] }
    let (list, arguments) = Self.inList(Array(ids))
    return try await read(consistent: false) { session in
      var states: [Int64: RecordState] = [:]
      for row in try await session.rows("SELECT id, merged_into_id FROM pledge WHERE id IN \(list)", arguments) {
        let merged: Int64? = row["merged_into_id"]
        states[row["id"]] = merged.map { .merged(into: $0) } ?? .live
      }
      return states
    }
  }

  /// The statement ``listPledges(_:)`` runs for `query`.
  static func pledgeListStatement(_ query: PledgeQuery) -> (sql: String, arguments: PostgresSession.Arguments) {
    var conditions = ["merged_into_id IS NULL"]
    var arguments: PostgresSession.Arguments = []
    if let actorIDs = query.actorIDs {
      let roles = query.makersOnly ? "\(PartyRole.maker.rawValue)" : "\(PartyRole.maker.rawValue), \(PartyRole.announcer.rawValue)"
      conditions.append("id IN (SELECT pledge_id FROM party WHERE actor_id IN (\(placeholders(max(1, actorIDs.count)))) AND role IN (\(roles)))")
      arguments += (actorIDs.isEmpty ? [0] : actorIDs.sorted()).map { $0 as (any DatabaseValueConvertible & Sendable)? }
    }
    if let beneficiary = query.beneficiaryID {
      conditions.append("id IN (SELECT pledge_id FROM party WHERE actor_id = ? AND role = \(PartyRole.beneficiary.rawValue))")
      arguments.append(beneficiary)
    }
    if !query.categories.isEmpty {
      conditions.append("category IN (\(placeholders(query.categories.count)))")
      arguments += query.categories.map { Int64($0.rawValue) }.sorted().map { $0 as (any DatabaseValueConvertible & Sendable)? }
    }
    if !query.statuses.isEmpty {
      conditions.append("status IN (\(placeholders(query.statuses.count)))")
      arguments += query.statuses.map { Int64($0.rawValue) }.sorted().map { $0 as (any DatabaseValueConvertible & Sendable)? }
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
    arguments.append(Int64(query.limit))
    return ("SELECT * FROM pledge WHERE \(conditions.joined(separator: " AND ")) ORDER BY made_at DESC, id DESC LIMIT ?", arguments)
  }

  public func listPledges(_ query: PledgeQuery) async throws -> [Pledge] {
    let (sql, arguments) = Self.pledgeListStatement(query)
    let records = try await read(consistent: false) { session in
      try await session.rows(sql, arguments).map { try PledgeRecord(row: $0) }
    }
    if records.allSatisfy({ $0.snapshotFormat == PostgresPledgeRows.snapshotFormat && $0.snapshot != nil }) {
      return try records.map { try StoredMessage.decode(Pledge.self, $0.snapshot, empty: Pledge()) }
    }
    return try await read { session in
      try await PostgresPledgeRows.load(try await session.rows(sql, arguments).map { try PledgeRecord(row: $0) }, session)
    }
  }

  public func pledgeEvents(after sequence: Int64, limit: Int) async throws -> [PledgeEvent] {
    try await read(consistent: false) { session in
      try await session.rows("SELECT * FROM pledge_event WHERE sequence > ? ORDER BY sequence LIMIT ?", [sequence, Int64(limit)])
        .map { try PledgeEventRecord(row: $0).event }
    }
  }

  public func latestEventSequence() async throws -> Int64 {
    try await read(consistent: false) { session in
      try await session.value(Int64.self, "SELECT COALESCE(MAX(sequence), 0) FROM pledge_event") ?? 0
    }
  }

  static func appendEvent(_ kind: PledgeEventKind, _ pledge: Pledge, _ now: Int64, _ session: PostgresSession) async throws -> PledgeEvent {
    try await appendEvent(kind, PostgresPledgeRows.Stored(pledge: pledge, encoded: Data(pledge.serializedBytes())), now, session)
  }

  /// Appends an event. The first append of a transaction takes the event lock, held until it commits: sequence
  /// values are drawn in commit order, so a reader that has seen an event has seen every event below it that
  /// will ever commit, and Watch never skips one.
  static func appendEvent(_ kind: PledgeEventKind, _ stored: PostgresPledgeRows.Stored, _ now: Int64, _ session: PostgresSession) async throws -> PledgeEvent {
    if !session.holdsEventLock {
      try await session.execute("SELECT pg_advisory_xact_lock(?)", [LockKey.events.rawValue])
      session.holdsEventLock = true
    }
    let record = PledgeEventRecord(kind: kind, pledgeID: stored.pledge.id, at: now, data: stored.encoded)
    guard let sequence = try await session.insert(record, returning: "sequence") else {
      throw RPCError(.internal, "the database returned no sequence for a new event")
    }
    session.appendedEvents = true
    return PledgeEvent(kind: kind, pledge: stored.pledge, sequence: sequence, atMs: now)
  }
}
