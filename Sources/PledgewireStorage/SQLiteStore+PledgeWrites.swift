import Foundation
import GRDB
import PledgewireWire

extension SQLiteStore {
  public func insertPledges(_ pledges: [Pledge], _ context: WriteContext) async throws -> [Result<PledgeEvent, RPCError>] {
    try await write { db in
      pledges.map { pledge in
        Self.each(db) { try Self.insertPledge(pledge, context, db) }
      }
    }
  }

  /// Inserts one pledge at version 1 with its audit entry and CREATED event, inside the caller's transaction.
  static func insertPledge(_ pledge: Pledge, _ context: WriteContext, _ db: Database) throws -> PledgeEvent {
    var stored = pledge
    stored.id = 0
    stored.version = 1
    stored.createdAtMs = context.now
    stored.updatedAtMs = context.now
    stored.mergedIntoID = 0
    stored.mergedIDs = []
    try checkLinks(stored, db)
    let inserted = try PledgeRows.insert(stored, context, db)
    try AuditRecord.append(context, .pledge, inserted.pledge.id, before: 0, after: 1, "created: \(inserted.pledge.action.prefix(200))", db)
    return try appendEvent(.created, inserted, context.now, db)
  }

  public func revisePledge(
    id: Int64, expectedVersion: Int64?, kind: PledgeEventKind, _ context: WriteContext,
    _ revise: @escaping @Sendable (Pledge) throws -> PledgeRevision
  ) async throws -> PledgeEvent {
    try await write { db in
      try Self.revisePledge(id: id, expectedVersion: expectedVersion, kind: kind, field: "pledge_id", context, db, revise)
    }
  }

  /// ``revisePledge(id:expectedVersion:kind:_:_:)`` inside the caller's transaction; `field` names the id in errors.
  static func revisePledge(
    id: Int64, expectedVersion: Int64?, kind: PledgeEventKind, field: String, _ context: WriteContext, _ db: Database,
    _ revise: (Pledge) throws -> PledgeRevision
  ) throws -> PledgeEvent {
    let (record, current) = try writablePledge(id, expectedVersion, field: field, db)
    let revision = try revise(current)
    var next = revision.pledge
    next.id = id
    next.version = current.version + 1
    next.createdAtMs = current.createdAtMs
    next.updatedAtMs = context.now
    next.mergedIntoID = 0
    next.mergedIDs = current.mergedIDs
    try checkLinks(next, db)
    let stored = try PledgeRows.update(record, from: current, to: next, context, db)
    try AuditRecord.append(context, .pledge, id, before: current.version, after: stored.pledge.version, revision.summary, db)
    return try appendEvent(kind, stored, context.now, db)
  }

  /// The pledge to change: it exists, is live, and is at `expectedVersion` when one is given.
  static func writablePledge(_ id: Int64, _ expectedVersion: Int64?, field: String, _ db: Database) throws -> (PledgeRecord, Pledge) {
    guard let (record, pledge) = try PledgeRows.read(id, db) else {
      throw RPCError(.notFound, "pledge \(id) does not exist", details: ErrorDetails(reason: "NOT_FOUND", fieldViolations: [FieldViolation(field: field, description: "pledge \(id) does not exist")]))
    }
    if pledge.mergedIntoID != 0 {
      throw tombstone("pledge", id, mergedInto: pledge.mergedIntoID)
    }
    if let expectedVersion, pledge.version != expectedVersion {
      throw stale("pledge", id, at: pledge.version, expected: expectedVersion)
    }
    return (record, pledge)
  }

  /// Links name live pledges other than the pledge itself, and following one never leads back to it.
  static func checkLinks(_ pledge: Pledge, _ db: Database) throws {
    for (field, target, column) in [("pledge.part_of_id", pledge.partOfID, "part_of_id"), ("pledge.supersedes_id", pledge.supersedesID, "supersedes_id")] where target != 0 {
      guard target != pledge.id else {
        throw RPCError.invalidArgument(field: field, "a pledge cannot link to itself")
      }
      guard let row = try Row.fetchOne(try db.cachedStatement(sql: "SELECT merged_into_id FROM pledge WHERE id = ?"), arguments: [target]) else {
        throw RPCError(.notFound, "\(field): pledge \(target) does not exist", details: ErrorDetails(reason: "MISSING_REFERENCE", fieldViolations: [FieldViolation(field: field, description: "pledge \(target) does not exist")]))
      }
      if let survivor = row["merged_into_id"] as Int64? {
        throw RPCError(
          .failedPrecondition, "\(field): pledge \(target) was merged into pledge \(survivor); link to that one",
          details: ErrorDetails(reason: "MERGED", fieldViolations: [FieldViolation(field: field, description: "pledge \(target) was merged into pledge \(survivor)")], existingID: survivor)
        )
      }
      guard pledge.id != 0 else { continue }
      let cycle = try Bool.fetchOne(try db.cachedStatement(sql: """
        WITH RECURSIVE chain(id, depth) AS (
          SELECT ?, 0
          UNION
          SELECT p.\(column), c.depth + 1 FROM pledge p JOIN chain c ON p.id = c.id WHERE p.\(column) IS NOT NULL AND c.depth < 10000
        )
        SELECT EXISTS (SELECT 1 FROM chain WHERE id = ?)
        """), arguments: [target, pledge.id]) ?? false
      if cycle {
        throw RPCError(
          .invalidArgument, "\(field): pledge \(target) already leads back to pledge \(pledge.id); the link would make a cycle",
          details: ErrorDetails(reason: "LINK_CYCLE", fieldViolations: [FieldViolation(field: field, description: "would make a cycle")])
        )
      }
    }
  }

  public func deletePledge(id: Int64, expectedVersion: Int64?, _ context: WriteContext) async throws -> [PledgeEvent] {
    try await write { db in
      guard let (_, pledge) = try PledgeRows.read(id, db) else {
        throw RPCError(.notFound, "pledge \(id) does not exist")
      }
      if let expectedVersion, pledge.version != expectedVersion {
        throw Self.stale("pledge", id, at: pledge.version, expected: expectedVersion)
      }
      let linked = try Int64.fetchAll(db, sql: """
        SELECT id FROM pledge WHERE (part_of_id = ? OR supersedes_id = ?) AND merged_into_id IS NULL ORDER BY id
        """, arguments: [id, id])
      guard linked.isEmpty else {
        throw RPCError(
          .failedPrecondition,
          "pledge \(id) is linked from pledges \(Self.sample(linked)) (part_of_id or supersedes_id): change or delete those first",
          details: ErrorDetails(reason: "PLEDGE_REFERENCED")
        )
      }
      // Tombstones may still name it; they let go.
      let naming = try Int64.fetchAll(db, sql: "SELECT id FROM pledge WHERE part_of_id = ? OR supersedes_id = ?", arguments: [id, id])
      try db.execute(sql: "UPDATE pledge SET part_of_id = NULL WHERE part_of_id = ?", arguments: [id])
      try db.execute(sql: "UPDATE pledge SET supersedes_id = NULL WHERE supersedes_id = ?", arguments: [id])
      for other in naming {
        try PledgeRows.refresh(other, db)
      }
      var events = [try Self.appendEvent(.deleted, pledge, context.now, db)]
      let tombstones = try Int64.fetchAll(db, sql: "SELECT id FROM pledge WHERE merged_into_id = ? ORDER BY id", arguments: [id])
      for tombstoneID in tombstones {
        let tombstone = try PledgeRows.read(tombstoneID, db)!.pledge
        try db.execute(sql: "DELETE FROM pledge WHERE id = ?", arguments: [tombstoneID])
        try AuditRecord.append(context, .pledge, tombstoneID, before: tombstone.version, after: 0, "deleted with pledge \(id), which it was merged into", db)
        events.append(try Self.appendEvent(.deleted, tombstone, context.now, db))
      }
      try db.execute(sql: "DELETE FROM pledge WHERE id = ?", arguments: [id])
      try AuditRecord.append(context, .pledge, id, before: pledge.version, after: 0, "deleted: \(pledge.action.prefix(200))", db)
      if pledge.mergedIntoID != 0 {
        // A tombstone deleted on its own: its survivor no longer lists it.
        try PledgeRows.refresh(pledge.mergedIntoID, db)
      }
      return events
    }
  }

  /// A new version of a pledge whose rows another write changed, with an audit entry and an event.
  static func bumpPledge(_ id: Int64, kind: PledgeEventKind, _ summary: String, _ context: WriteContext, _ db: Database) throws -> PledgeEvent {
    try db.cachedStatement(sql: "UPDATE pledge SET version = version + 1, updated_at = ? WHERE id = ?").execute(arguments: [context.now, id])
    let refreshed = try PledgeRows.refresh(id, db)
    let pledge = refreshed.pledge
    try AuditRecord.append(context, .pledge, id, before: pledge.version - 1, after: pledge.version, summary, db)
    return try appendEvent(kind, PledgeRows.Stored(pledge: pledge, encoded: refreshed.record.snapshot!), context.now, db)
  }
}
