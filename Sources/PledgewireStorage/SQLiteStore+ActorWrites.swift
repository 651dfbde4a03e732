import Foundation
import GRDB
import PledgewireWire

extension SQLiteStore {
  public func insertActors(_ actors: [Actor], _ context: WriteContext) async throws -> [Result<Actor, RPCError>] {
    let results = try await write { db in
      actors.map { actor in
        Self.each(db) { try Self.insertActor(actor, context, db) }
      }
    }
    actorCache.store(results.compactMap { try? $0.get() })
    return results
  }

  /// Inserts one actor at version 1 with its audit entry, inside the caller's transaction.
  static func insertActor(_ actor: Actor, _ context: WriteContext, _ db: Database) throws -> Actor {
    var stored = actor
    stored.id = 0
    stored.version = 1
    stored.createdAtMs = context.now
    stored.updatedAtMs = context.now
    stored.mergedIntoID = 0
    stored.mergedIDs = []
    stored = try ActorRows.insert(stored, db)
    try AuditRecord.append(context, .actor, stored.id, before: 0, after: 1, "created: \(stored.canonicalName)", db)
    return stored
  }

  public func reviseActor(
    id: Int64, expectedVersion: Int64?, _ context: WriteContext, _ revise: @escaping @Sendable (Actor) throws -> ActorRevision
  ) async throws -> Actor {
    let stored = try await write { db in
      let (record, current) = try Self.writableActor(id, expectedVersion, field: "actor.id", db)
      let revision = try revise(current)
      var next = revision.actor
      next.id = id
      next.version = current.version + 1
      next.createdAtMs = current.createdAtMs
      next.updatedAtMs = context.now
      next.mergedIntoID = 0
      next.mergedIDs = current.mergedIDs
      let stored = try ActorRows.update(record, from: current, to: next, db)
      try AuditRecord.append(context, .actor, id, before: current.version, after: stored.version, revision.summary, db)
      return stored
    }
    actorCache.store([stored])
    return stored
  }

  /// The actor to change: it exists, is live, and is at `expectedVersion` when one is given.
  static func writableActor(_ id: Int64, _ expectedVersion: Int64?, field: String, _ db: Database) throws -> (ActorRecord, Actor) {
    guard let (record, actor) = try ActorRows.read(id, db) else {
      throw RPCError(.notFound, "actor \(id) does not exist", details: ErrorDetails(reason: "NOT_FOUND", fieldViolations: [FieldViolation(field: field, description: "actor \(id) does not exist")]))
    }
    if actor.mergedIntoID != 0 {
      throw tombstone("actor", id, mergedInto: actor.mergedIntoID)
    }
    if let expectedVersion, actor.version != expectedVersion {
      throw stale("actor", id, at: actor.version, expected: expectedVersion)
    }
    return (record, actor)
  }

  public func mergeActors(
    survivorID: Int64, duplicateID: Int64, survivorVersion: Int64?, duplicateVersion: Int64?, _ context: WriteContext
  ) async throws -> ActorMerge {
    let (merge, others) = try await write { db in
      guard survivorID != duplicateID else {
        throw RPCError.invalidArgument(field: "duplicate_id", "an actor cannot be merged into itself")
      }
      let (survivorRecord, survivor) = try Self.writableActor(survivorID, survivorVersion, field: "survivor_id", db)
      let (duplicateRecord, duplicate) = try Self.writableActor(duplicateID, duplicateVersion, field: "duplicate_id", db)

      // Pledge parties: the duplicate's role moves to the survivor, or merges with the survivor's same role.
      var touched = Set<Int64>()
      for row in try Row.fetchAll(db, sql: "SELECT pledge_id, role FROM party WHERE actor_id = ?", arguments: [duplicateID]) {
        let pledgeID: Int64 = row["pledge_id"]
        let role: Int32 = row["role"]
        touched.insert(pledgeID)
        let both = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM party WHERE pledge_id = ? AND actor_id = ? AND role = ?)", arguments: [pledgeID, survivorID, role]) ?? false
        if both {
          try db.execute(sql: "DELETE FROM party WHERE pledge_id = ? AND actor_id = ? AND role = ?", arguments: [pledgeID, duplicateID, role])
        } else {
          try db.execute(sql: "UPDATE party SET actor_id = ? WHERE pledge_id = ? AND actor_id = ? AND role = ?", arguments: [survivorID, pledgeID, duplicateID, role])
        }
      }
      touched.formUnion(try Int64.fetchAll(db, sql: "SELECT DISTINCT pledge_id FROM evidence WHERE party_actor_id = ?", arguments: [duplicateID]))
      try db.execute(sql: "UPDATE evidence SET party_actor_id = ? WHERE party_actor_id = ?", arguments: [survivorID, duplicateID])
      try db.execute(sql: "UPDATE mention SET actor_id = ? WHERE actor_id = ?", arguments: [survivorID, duplicateID])
      let mentions = db.changesCount

      // Other actors' affiliations with the duplicate now name the survivor.
      var others = Set<Int64>()
      for row in try Row.fetchAll(db, sql: "SELECT actor_id, kind FROM affiliation WHERE related_id = ? AND actor_id <> ?", arguments: [duplicateID, survivorID]) {
        let actorID: Int64 = row["actor_id"]
        let kind: Int32 = row["kind"]
        others.insert(actorID)
        let both = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM affiliation WHERE actor_id = ? AND related_id = ? AND kind = ?)", arguments: [actorID, survivorID, kind]) ?? false
        if both {
          try db.execute(sql: "DELETE FROM affiliation WHERE actor_id = ? AND related_id = ? AND kind = ?", arguments: [actorID, duplicateID, kind])
        } else {
          try db.execute(sql: "UPDATE affiliation SET related_id = ? WHERE actor_id = ? AND related_id = ? AND kind = ?", arguments: [survivorID, actorID, duplicateID, kind])
        }
      }

      // The survivor takes the duplicate's names, affiliations, labels and external ids.
      var next = survivor
      var names = Set(([survivor.canonicalName] + survivor.aliases).map(NameFolding.fold))
      for name in [duplicate.canonicalName] + duplicate.aliases where names.insert(NameFolding.fold(name)).inserted {
        next.aliases.append(name)
      }
      next.affiliations.removeAll { $0.actorID == duplicateID }
      for affiliation in duplicate.affiliations where affiliation.actorID != survivorID
        && !next.affiliations.contains(where: { $0.actorID == affiliation.actorID && $0.kind == affiliation.kind }) {
        next.affiliations.append(affiliation)
      }
      next.labels += duplicate.labels.filter { !survivor.labels.contains($0) }
      next.externalIDs += duplicate.externalIDs.filter { !survivor.externalIDs.contains($0) }
      if next.role.isEmpty { next.role = duplicate.role }
      if next.countryCode.isEmpty { next.countryCode = duplicate.countryCode }
      if next.description.isEmpty { next.description = duplicate.description }
      next.version += 1
      next.updatedAtMs = context.now

      // The duplicate, and what was merged into it, become tombstones naming the survivor.
      let tombstones = try Int64.fetchAll(db, sql: "SELECT id FROM actor WHERE merged_into_id = ?", arguments: [duplicateID])
      try db.execute(sql: "UPDATE actor SET merged_into_id = ? WHERE merged_into_id = ?", arguments: [survivorID, duplicateID])
      var tombstone = duplicate
      tombstone.aliases = []
      tombstone.affiliations = []
      tombstone.labels = []
      tombstone.mergedIntoID = survivorID
      tombstone.version += 1
      tombstone.updatedAtMs = context.now
      let storedDuplicate = try ActorRows.update(duplicateRecord, from: duplicate, to: tombstone, db)
      let storedSurvivor = try ActorRows.update(survivorRecord, from: survivor, to: next, db)

      let summary = "merged actor \(duplicateID) into this: \(touched.count) pledges, \(mentions) mentions, \(others.count) affiliated actors moved"
      try AuditRecord.append(context, .actor, survivorID, before: survivor.version, after: storedSurvivor.version, summary, db)
      try AuditRecord.append(context, .actor, duplicateID, before: duplicate.version, after: storedDuplicate.version, "merged into actor \(survivorID)", db)
      var updated: [Actor] = []
      for actorID in others.sorted() + tombstones {
        updated.append(try Self.bumpActor(actorID, "actor \(duplicateID) merged into actor \(survivorID)", context, db))
      }
      var events: [PledgeEvent] = []
      for pledgeID in touched.sorted() {
        events.append(try Self.bumpPledge(pledgeID, kind: .updated, "party actor \(duplicateID) merged into actor \(survivorID)", context, db))
      }
      return (ActorMerge(survivor: storedSurvivor, duplicate: storedDuplicate, events: events), updated)
    }
    actorCache.store([merge.survivor, merge.duplicate] + others)
    return merge
  }

  /// A new version of an actor whose rows another write changed, with an audit entry.
  static func bumpActor(_ id: Int64, _ summary: String, _ context: WriteContext, _ db: Database) throws -> Actor {
    try db.cachedStatement(sql: "UPDATE actor SET version = version + 1, updated_at = ? WHERE id = ?").execute(arguments: [context.now, id])
    let actor = try ActorRows.read(id, db)!.actor
    try AuditRecord.append(context, .actor, id, before: actor.version - 1, after: actor.version, summary, db)
    return actor
  }

  public func deleteActor(id: Int64, expectedVersion: Int64?, _ context: WriteContext) async throws {
    let deleted: [Int64] = try await write { db in
      guard let (_, actor) = try ActorRows.read(id, db) else {
        throw RPCError(.notFound, "actor \(id) does not exist")
      }
      if let expectedVersion, actor.version != expectedVersion {
        throw Self.stale("actor", id, at: actor.version, expected: expectedVersion)
      }
      var references: [String] = []
      let pledges = try Int64.fetchAll(db, sql: """
        SELECT pledge_id FROM party WHERE actor_id = ? UNION SELECT pledge_id FROM evidence WHERE party_actor_id = ? ORDER BY 1
        """, arguments: [id, id])
      if !pledges.isEmpty { references.append("pledges \(Self.sample(pledges))") }
      let articles = try Int64.fetchAll(db, sql: "SELECT DISTINCT article_id FROM mention WHERE actor_id = ? ORDER BY 1", arguments: [id])
      if !articles.isEmpty { references.append("mentions in articles \(Self.sample(articles))") }
      let actors = try Int64.fetchAll(db, sql: "SELECT DISTINCT actor_id FROM affiliation WHERE related_id = ? ORDER BY 1", arguments: [id])
      if !actors.isEmpty { references.append("affiliations of actors \(Self.sample(actors))") }
      guard references.isEmpty else {
        throw RPCError(
          .failedPrecondition,
          "actor \(id) is still referred to by \(references.joined(separator: "; ")): merge it into another actor instead",
          details: ErrorDetails(reason: "ACTOR_REFERENCED")
        )
      }
      let tombstones = try Int64.fetchAll(db, sql: "SELECT id FROM actor WHERE merged_into_id = ?", arguments: [id])
      for tombstone in tombstones {
        let version = try Int64.fetchOne(db, sql: "SELECT version FROM actor WHERE id = ?", arguments: [tombstone]) ?? 0
        try db.execute(sql: "DELETE FROM actor WHERE id = ?", arguments: [tombstone])
        try AuditRecord.append(context, .actor, tombstone, before: version, after: 0, "deleted with actor \(id), which it was merged into", db)
      }
      do {
        try db.execute(sql: "DELETE FROM actor WHERE id = ?", arguments: [id])
      } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_FOREIGNKEY {
        throw RPCError(.failedPrecondition, "actor \(id) is still referred to: merge it into another actor instead", details: ErrorDetails(reason: "ACTOR_REFERENCED"))
      }
      try AuditRecord.append(context, .actor, id, before: actor.version, after: 0, "deleted: \(actor.canonicalName)", db)
      return [id] + tombstones
    }
    actorCache.markDeleted(deleted)
  }

  /// "1, 4, 9" or "1, 4, 9 and 12 more".
  package static func sample(_ ids: [Int64]) -> String {
    let shown = ids.prefix(10).map(String.init).joined(separator: ", ")
    return ids.count > 10 ? "\(shown) and \(ids.count - 10) more" : shown
  }
}
