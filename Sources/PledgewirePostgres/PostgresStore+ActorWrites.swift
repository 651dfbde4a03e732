import Foundation
import GRDB
import PledgewireStorage
import PledgewireWire
import PostgresNIO

extension PostgresStore {
  public func insertActors(_ actors: [Actor], _ context: WriteContext) async throws -> [Result<Actor, RPCError>] {
    let results = try await write { session in
      var results: [Result<Actor, RPCError>] = []
      for actor in actors {
        results.append(await session.each { try await Self.insertActor(actor, context, session) })
      }
      return results
    }
    actorCache.store(results.compactMap { try? $0.get() })
    return results
  }

  /// Inserts one actor, version 1, with its names, affiliations, labels and audit entry, inside the caller's
  /// transaction.
  static func insertActor(_ actor: Actor, _ context: WriteContext, _ session: PostgresSession) async throws -> Actor {
    var stored = actor
    stored.id = 0
    stored.version = 1
    stored.createdAtMs = context.now
    stored.updatedAtMs = context.now
    stored.mergedIntoID = 0
    stored.mergedIDs = []
    stored = try await PostgresActorRows.insert(stored, session)
    try await audit(context, .actor, stored.id, before: 0, after: 1, "created: \(stored.canonicalName)", session)
    return stored
  }

  public func reviseActor(
    id: Int64, expectedVersion: Int64?, _ context: WriteContext, _ revise: @escaping @Sendable (Actor) throws -> ActorRevision
  ) async throws -> Actor {
    let stored = try await write { session in
      let (record, current) = try await Self.writableActor(id, expectedVersion, field: "actor.id", session)
      let revision = try revise(current)
      var next = revision.actor
      next.id = id
      next.version = current.version + 1
      next.createdAtMs = current.createdAtMs
      next.updatedAtMs = context.now
      next.mergedIntoID = 0
      next.mergedIDs = current.mergedIDs
      let stored = try await PostgresActorRows.update(record, from: current, to: next, session)
      try await Self.audit(context, .actor, id, before: current.version, after: stored.version, revision.summary, session)
      try await self.notifyActors([id], session)
      return stored
    }
    actorCache.store([stored])
    return stored
  }

  /// The actor to change, locked: it exists, is live, and is at `expectedVersion` when one is given.
  static func writableActor(_ id: Int64, _ expectedVersion: Int64?, field: String, _ session: PostgresSession) async throws -> (ActorRecord, Actor) {
    guard let (record, actor) = try await PostgresActorRows.read(id, lock: true, session) else {
      throw RPCError(.notFound, "actor \(id) does not exist", details: ErrorDetails(reason: "NOT_FOUND", fieldViolations: [FieldViolation(field: field, description: "actor \(id) does not exist")]))
    }
    if actor.mergedIntoID != 0 {
      throw SQLiteStore.tombstone("actor", id, mergedInto: actor.mergedIntoID)
    }
    if let expectedVersion, actor.version != expectedVersion {
      throw SQLiteStore.stale("actor", id, at: actor.version, expected: expectedVersion)
    }
    return (record, actor)
  }

  /// Tells the other instances, as this transaction commits, to drop these actors from their caches.
  func notifyActors(_ ids: [Int64], _ session: PostgresSession) async throws {
    guard !ids.isEmpty else { return }
    try await session.execute("SELECT pg_notify(?, ?)", [channel, "actors " + ids.map(String.init).joined(separator: " ")])
  }

  public func mergeActors(
    survivorID: Int64, duplicateID: Int64, survivorVersion: Int64?, duplicateVersion: Int64?, _ context: WriteContext
  ) async throws -> ActorMerge {
    let (merge, others) = try await write { session in
      guard survivorID != duplicateID else {
        throw RPCError.invalidArgument(field: "duplicate_id", "an actor cannot be merged into itself")
      }
      // Both rows locked in id order, so that two merges of the same pair wait rather than deadlock.
      _ = try await session.rows("SELECT id FROM actor WHERE id IN (?, ?) ORDER BY id FOR UPDATE", [min(survivorID, duplicateID), max(survivorID, duplicateID)])
      let (survivorRecord, survivor) = try await Self.writableActor(survivorID, survivorVersion, field: "survivor_id", session)
      let (duplicateRecord, duplicate) = try await Self.writableActor(duplicateID, duplicateVersion, field: "duplicate_id", session)

      // Pledge parties: the duplicate's role moves to the survivor, or merges with the survivor's same role.
      var touched = Set<Int64>()
      for row in try await session.rows("SELECT pledge_id, role FROM party WHERE actor_id = ?", [duplicateID]) {
        let pledgeID: Int64 = row["pledge_id"]
        let role: Int64 = row["role"]
        touched.insert(pledgeID)
        let both = try await session.value(Bool.self, "SELECT EXISTS (SELECT 1 FROM party WHERE pledge_id = ? AND actor_id = ? AND role = ?)", [pledgeID, survivorID, role]) ?? false
        if both {
          try await session.execute("DELETE FROM party WHERE pledge_id = ? AND actor_id = ? AND role = ?", [pledgeID, duplicateID, role])
        } else {
          try await session.execute("UPDATE party SET actor_id = ? WHERE pledge_id = ? AND actor_id = ? AND role = ?", [survivorID, pledgeID, duplicateID, role])
        }
      }
      touched.formUnion(try await session.int64s("SELECT DISTINCT pledge_id FROM evidence WHERE party_actor_id = ?", [duplicateID]))
      try await session.execute("UPDATE evidence SET party_actor_id = ? WHERE party_actor_id = ?", [survivorID, duplicateID])
      let mentions = try await session.value(Int64.self, """
        WITH moved AS (UPDATE mention SET actor_id = ? WHERE actor_id = ? RETURNING 1) SELECT count(*) FROM moved
        """, [survivorID, duplicateID]) ?? 0

      // Other actors' affiliations with the duplicate now name the survivor.
      var others = Set<Int64>()
      for row in try await session.rows("SELECT actor_id, kind FROM affiliation WHERE related_id = ? AND actor_id <> ?", [duplicateID, survivorID]) {
        let actorID: Int64 = row["actor_id"]
        let kind: Int64 = row["kind"]
        others.insert(actorID)
        let both = try await session.value(Bool.self, "SELECT EXISTS (SELECT 1 FROM affiliation WHERE actor_id = ? AND related_id = ? AND kind = ?)", [actorID, survivorID, kind]) ?? false
        if both {
          try await session.execute("DELETE FROM affiliation WHERE actor_id = ? AND related_id = ? AND kind = ?", [actorID, duplicateID, kind])
        } else {
          try await session.execute("UPDATE affiliation SET related_id = ? WHERE actor_id = ? AND related_id = ? AND kind = ?", [survivorID, actorID, duplicateID, kind])
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
      let tombstones = try await session.int64s("SELECT id FROM actor WHERE merged_into_id = ? ORDER BY id", [duplicateID])
      try await session.execute("UPDATE actor SET merged_into_id = ? WHERE merged_into_id = ?", [survivorID, duplicateID])
      var tombstone = duplicate
      tombstone.aliases = []
      tombstone.affiliations = []
      tombstone.labels = []
      tombstone.mergedIntoID = survivorID
      tombstone.version += 1
      tombstone.updatedAtMs = context.now
      let storedDuplicate = try await PostgresActorRows.update(duplicateRecord, from: duplicate, to: tombstone, session)
      let storedSurvivor = try await PostgresActorRows.update(survivorRecord, from: survivor, to: next, session)

      let summary = "merged actor \(duplicateID) into this: \(touched.count) pledges, \(mentions) mentions, \(others.count) affiliated actors moved"
      try await Self.audit(context, .actor, survivorID, before: survivor.version, after: storedSurvivor.version, summary, session)
      try await Self.audit(context, .actor, duplicateID, before: duplicate.version, after: storedDuplicate.version, "merged into actor \(survivorID)", session)
      var updated: [Actor] = []
      for actorID in others.sorted() + tombstones {
        updated.append(try await Self.bumpActor(actorID, "actor \(duplicateID) merged into actor \(survivorID)", context, session))
      }
      var events: [PledgeEvent] = []
      for pledgeID in touched.sorted() {
        events.append(try await Self.bumpPledge(pledgeID, kind: .updated, "party actor \(duplicateID) merged into actor \(survivorID)", context, session))
      }
      try await self.notifyActors([survivorID, duplicateID] + updated.map(\.id), session)
      return (ActorMerge(survivor: storedSurvivor, duplicate: storedDuplicate, events: events), updated)
    }
    actorCache.store([merge.survivor, merge.duplicate] + others)
    return merge
  }

  /// A new version of an actor whose rows another write changed, with an audit entry.
  static func bumpActor(_ id: Int64, _ summary: String, _ context: WriteContext, _ session: PostgresSession) async throws -> Actor {
    try await session.execute("UPDATE actor SET version = version + 1, updated_at = ? WHERE id = ?", [context.now, id])
    let actor = try await PostgresActorRows.read(id, session)!.actor
    try await audit(context, .actor, id, before: actor.version - 1, after: actor.version, summary, session)
    return actor
  }

  public func deleteActor(id: Int64, expectedVersion: Int64?, _ context: WriteContext) async throws {
    let deleted: [Int64] = try await write { session in
      guard let (_, actor) = try await PostgresActorRows.read(id, lock: true, session) else {
        throw RPCError(.notFound, "actor \(id) does not exist")
      }
      if let expectedVersion, actor.version != expectedVersion {
        throw SQLiteStore.stale("actor", id, at: actor.version, expected: expectedVersion)
      }
      var references: [String] = []
      let pledges = try await session.int64s("""
        SELECT pledge_id FROM party WHERE actor_id = ? UNION SELECT pledge_id FROM evidence WHERE party_actor_id = ? ORDER BY 1
        """, [id, id])
      if !pledges.isEmpty { references.append("pledges \(SQLiteStore.sample(pledges))") }
      let articles = try await session.int64s("SELECT DISTINCT article_id FROM mention WHERE actor_id = ? ORDER BY 1", [id])
      if !articles.isEmpty { references.append("mentions in articles \(SQLiteStore.sample(articles))") }
      let actors = try await session.int64s("SELECT DISTINCT actor_id FROM affiliation WHERE related_id = ? ORDER BY 1", [id])
      if !actors.isEmpty { references.append("affiliations of actors \(SQLiteStore.sample(actors))") }
      guard references.isEmpty else {
        throw RPCError(
          .failedPrecondition,
          "actor \(id) is still referred to by \(references.joined(separator: "; ")): merge it into another actor instead",
          details: ErrorDetails(reason: "ACTOR_REFERENCED")
        )
      }
      let tombstones = try await session.int64s("SELECT id FROM actor WHERE merged_into_id = ? ORDER BY id", [id])
      for tombstone in tombstones {
        let version = try await session.value(Int64.self, "SELECT version FROM actor WHERE id = ?", [tombstone]) ?? 0
        try await session.execute("DELETE FROM actor WHERE id = ?", [tombstone])
        try await Self.audit(context, .actor, tombstone, before: version, after: 0, "deleted with actor \(id), which it was merged into", session)
      }
      do {
        try await session.execute("DELETE FROM actor WHERE id = ?", [id])
      } catch let error as PSQLError where error.serverInfo?[.sqlState] == "23503" {
        throw RPCError(.failedPrecondition, "actor \(id) is still referred to: merge it into another actor instead", details: ErrorDetails(reason: "ACTOR_REFERENCED"))
      }
      try await Self.audit(context, .actor, id, before: actor.version, after: 0, "deleted: \(actor.canonicalName)", session)
      try await self.notifyActors([id] + tombstones, session)
      return [id] + tombstones
    }
    actorCache.markDeleted(deleted)
  }
}
