import Foundation
import GRDB
import PledgewireStorage
import PledgewireWire

extension PostgresStore {
  public func insertPledges(_ pledges: [Pledge], _ context: WriteContext) async throws -> [Result<PledgeEvent, RPCError>] {
    try await write { session in
      if pledges.contains(where: { $0.partOfID != 0 || $0.supersedesID != 0 }) {
        try await Self.lockLinks(session)
      }
      var results: [Result<PledgeEvent, RPCError>] = []
      for pledge in pledges {
        results.append(await session.each { try await Self.insertPledge(pledge, context, session) })
      }
      return results
    }
  }

  /// Inserts one pledge, version 1, with its rows, audit entry and CREATED event, inside the caller's transaction,
  /// which holds the link lock when the pledge links to another.
  static func insertPledge(_ pledge: Pledge, _ context: WriteContext, _ session: PostgresSession) async throws -> PledgeEvent {
    var stored = pledge
    stored.id = 0
    stored.version = 1
    stored.createdAtMs = context.now
    stored.updatedAtMs = context.now
    stored.mergedIntoID = 0
    stored.mergedIDs = []
    try await checkLinks(stored, session)
    let inserted = try await PostgresPledgeRows.insert(stored, context, session)
    try await audit(context, .pledge, inserted.pledge.id, before: 0, after: 1, "created: \(inserted.pledge.action.prefix(200))", session)
    return try await appendEvent(.created, inserted, context.now, session)
  }

  public func revisePledge(
    id: Int64, expectedVersion: Int64?, kind: PledgeEventKind, _ context: WriteContext,
    _ revise: @escaping @Sendable (Pledge) throws -> PledgeRevision
  ) async throws -> PledgeEvent {
    try await write { session in
      try await Self.revisePledge(id: id, expectedVersion: expectedVersion, kind: kind, field: "pledge_id", context, session, revise)
    }
  }

  /// Revises one pledge inside the caller's transaction: the next version, its rows, audit entry and event.
  static func revisePledge(
    id: Int64, expectedVersion: Int64?, kind: PledgeEventKind, field: String, _ context: WriteContext, _ session: PostgresSession,
    _ revise: (Pledge) throws -> PledgeRevision
  ) async throws -> PledgeEvent {
    let (record, current) = try await writablePledge(id, expectedVersion, field: field, session)
    let revision = try revise(current)
    var next = revision.pledge
    next.id = id
    next.version = current.version + 1
    next.createdAtMs = current.createdAtMs
    next.updatedAtMs = context.now
    next.mergedIntoID = 0
    next.mergedIDs = current.mergedIDs
    if next.partOfID != current.partOfID || next.supersedesID != current.supersedesID {
      try await lockLinks(session)
    }
    try await checkLinks(next, session)
    let stored = try await PostgresPledgeRows.update(record, from: current, to: next, context, session)
    try await audit(context, .pledge, id, before: current.version, after: stored.pledge.version, revision.summary, session)
    return try await appendEvent(kind, stored, context.now, session)
  }

  /// The pledge to change, locked: it exists, is live, and is at `expectedVersion` when one is given.
  static func writablePledge(_ id: Int64, _ expectedVersion: Int64?, field: String, _ session: PostgresSession) async throws -> (PledgeRecord, Pledge) {
    guard let (record, pledge) = try await PostgresPledgeRows.read(id, lock: true, session) else {
      throw RPCError(.notFound, "pledge \(id) does not exist", details: ErrorDetails(reason: "NOT_FOUND", fieldViolations: [FieldViolation(field: field, description: "pledge \(id) does not exist")]))
    }
    if pledge.mergedIntoID != 0 {
      throw SQLiteStore.tombstone("pledge", id, mergedInto: pledge.mergedIntoID)
    }
    if let expectedVersion, pledge.version != expectedVersion {
      throw SQLiteStore.stale("pledge", id, at: pledge.version, expected: expectedVersion)
    }
    return (record, pledge)
  }

  /// Serializes the writes that change links between pledges, so that two of them cannot each pass the cycle
  /// check and together make a cycle.
  static func lockLinks(_ session: PostgresSession) async throws {
    try await session.execute("SELECT pg_advisory_xact_lock(?)", [LockKey.links.rawValue])
  }

  /// Links name live pledges other than the pledge itself, and following one never leads back to it.
  static func checkLinks(_ pledge: Pledge, _ session: PostgresSession) async throws {
    for (field, target, column) in [("pledge.part_of_id", pledge.partOfID, "part_of_id"), ("pledge.supersedes_id", pledge.supersedesID, "supersedes_id")] where target != 0 {
      guard target != pledge.id else {
        throw RPCError.invalidArgument(field: field, "a pledge cannot link to itself")
      }
      guard let row = try await session.rows("SELECT merged_into_id FROM pledge WHERE id = ? FOR SHARE", [target]).first else {
        throw RPCError(.notFound, "\(field): pledge \(target) does not exist", details: ErrorDetails(reason: "MISSING_REFERENCE", fieldViolations: [FieldViolation(field: field, description: "pledge \(target) does not exist")]))
      }
      if let survivor = row["merged_into_id"] as Int64? {
        throw RPCError(
          .failedPrecondition, "\(field): pledge \(target) was merged into pledge \(survivor); link to that one",
          details: ErrorDetails(reason: "MERGED", fieldViolations: [FieldViolation(field: field, description: "pledge \(target) was merged into pledge \(survivor)")], existingID: survivor)
        )
      }
      guard pledge.id != 0 else { continue }
      if try await leads(from: target, to: pledge.id, through: column, includingStart: true, session) {
        throw RPCError(
          .invalidArgument, "\(field): pledge \(target) already leads back to pledge \(pledge.id); the link would make a cycle",
          details: ErrorDetails(reason: "LINK_CYCLE", fieldViolations: [FieldViolation(field: field, description: "would make a cycle")])
        )
      }
    }
  }

  /// Whether following `column` from pledge `from` (from `from` itself with `includingStart`) reaches pledge `to`.
  static func leads(from: Int64, to: Int64, through column: String, includingStart: Bool = false, _ session: PostgresSession) async throws -> Bool {
    let start = includingStart ? "SELECT CAST(? AS BIGINT), 0" : "SELECT \(column), 0 FROM pledge WHERE id = ?"
    return try await session.value(Bool.self, """
      WITH RECURSIVE chain(id, depth) AS (
        \(start)
        UNION
        SELECT p.\(column), c.depth + 1 FROM pledge p JOIN chain c ON p.id = c.id WHERE p.\(column) IS NOT NULL AND c.depth < 10000
      )
      SELECT EXISTS (SELECT 1 FROM chain WHERE id = ?)
      """, [from, to]) ?? false
  }

  public func deletePledge(id: Int64, expectedVersion: Int64?, _ context: WriteContext) async throws -> [PledgeEvent] {
    try await write { session in
      try await Self.lockLinks(session)
      guard let (_, pledge) = try await PostgresPledgeRows.read(id, lock: true, session) else {
        throw RPCError(.notFound, "pledge \(id) does not exist")
      }
      if let expectedVersion, pledge.version != expectedVersion {
        throw SQLiteStore.stale("pledge", id, at: pledge.version, expected: expectedVersion)
      }
      let linked = try await session.int64s("""
        SELECT id FROM pledge WHERE (part_of_id = ? OR supersedes_id = ?) AND merged_into_id IS NULL ORDER BY id
        """, [id, id])
      guard linked.isEmpty else {
        throw RPCError(
          .failedPrecondition,
          "pledge \(id) is linked from pledges \(SQLiteStore.sample(linked)) (part_of_id or supersedes_id): change or delete those first",
          details: ErrorDetails(reason: "PLEDGE_REFERENCED")
        )
      }
      // Tombstones may still name it; they let go.
      let naming = try await session.int64s("SELECT id FROM pledge WHERE part_of_id = ? OR supersedes_id = ? ORDER BY id", [id, id])
      try await session.execute("UPDATE pledge SET part_of_id = NULL WHERE part_of_id = ?", [id])
      try await session.execute("UPDATE pledge SET supersedes_id = NULL WHERE supersedes_id = ?", [id])
      for other in naming {
        try await PostgresPledgeRows.refresh(other, session)
      }
      var events = [try await Self.appendEvent(.deleted, pledge, context.now, session)]
      let tombstones = try await session.int64s("SELECT id FROM pledge WHERE merged_into_id = ? ORDER BY id", [id])
      for tombstoneID in tombstones {
        let tombstone = try await PostgresPledgeRows.read(tombstoneID, session)!.pledge
        try await session.execute("DELETE FROM pledge WHERE id = ?", [tombstoneID])
        try await Self.audit(context, .pledge, tombstoneID, before: tombstone.version, after: 0, "deleted with pledge \(id), which it was merged into", session)
        events.append(try await Self.appendEvent(.deleted, tombstone, context.now, session))
      }
      try await session.execute("DELETE FROM pledge WHERE id = ?", [id])
      try await Self.audit(context, .pledge, id, before: pledge.version, after: 0, "deleted: \(pledge.action.prefix(200))", session)
      if pledge.mergedIntoID != 0 {
        // A tombstone deleted on its own: its survivor no longer lists it.
        try await PostgresPledgeRows.refresh(pledge.mergedIntoID, session)
      }
      return events
    }
  }

  /// A new version of a pledge whose rows another write changed, with an audit entry and an event.
  static func bumpPledge(_ id: Int64, kind: PledgeEventKind, _ summary: String, _ context: WriteContext, _ session: PostgresSession) async throws -> PledgeEvent {
    try await session.execute("UPDATE pledge SET version = version + 1, updated_at = ? WHERE id = ?", [context.now, id])
    let refreshed = try await PostgresPledgeRows.refresh(id, session)
    let pledge = refreshed.pledge
    try await audit(context, .pledge, id, before: pledge.version - 1, after: pledge.version, summary, session)
    return try await appendEvent(kind, PostgresPledgeRows.Stored(pledge: pledge, encoded: refreshed.encoded), context.now, session)
  }
}
