import Foundation
import GRDB
import PledgewireWire

extension SQLiteStore {
  public func insertActors(_ actors: [Actor], now: Int64) async throws -> [Result<Actor, RPCError>] {
    let results = try await write { db in
      actors.map { actor in
        Self.each(db) {
          var stored = actor
          stored.version = 1
          stored.createdAtMs = now
          stored.updatedAtMs = now
          try db.cachedStatement(sql: "INSERT INTO actor (kind, sort_name, version, data) VALUES (?, ?, 1, x'')").execute(arguments: [actor.kind.rawValue, NameFolding.fold(actor.canonicalName)])
          stored.id = db.lastInsertedRowID
          try Self.writeActor(stored, db)
          return stored
        }
      }
    }
    actorCache.store(results.compactMap { try? $0.get() })
    return results
  }

  public func cachedActor(id: Int64) -> Actor? {
    actorCache.actor(id)
  }

  public func actor(id: Int64) async throws -> Actor? {
    if let cached = actorCache.actor(id) {
      return cached
    }
    let actor = try await read { db in
      try Data.fetchOne(try db.cachedStatement(sql: "SELECT data FROM actor WHERE id = ?"), arguments: [id]).map { try Self.decode(Actor.self, $0) }
    }
    if let actor {
      actorCache.store([actor])
    }
    return actor
  }

  public func existingActorIDs(_ ids: Set<Int64>) async throws -> Set<Int64> {
    guard !ids.isEmpty else { return [] }
    return try await read { db in
      Set(try Int64.fetchAll(try db.cachedStatement(sql: "SELECT id FROM actor WHERE id IN (\(Self.placeholders(ids.count)))"), arguments: StatementArguments(Array(ids))))
    }
  }

  public func listActors(_ query: ActorQuery) async throws -> [Actor] {
    var conditions: [String] = []
    var arguments: [any DatabaseValueConvertible] = []
    if let kind = query.kind {
      conditions.append("kind = ?")
      arguments.append(kind.rawValue)
    }
    if let prefix = query.namePrefix, !prefix.isEmpty {
      conditions.append("id IN (SELECT actor_id FROM actor_name WHERE folded >= ? AND folded < ?)")
      arguments.append(prefix)
      arguments.append(prefix + "\u{10FFFF}")
    }
    if let cursor = query.after {
      conditions.append("(sort_name, id) > (?, ?)")
      arguments.append(cursor.sortName)
      arguments.append(cursor.id)
    }
    arguments.append(query.limit)
    let sql = """
      SELECT data FROM actor \(conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND "))
      ORDER BY sort_name, id LIMIT ?
      """
    let argumentList = arguments.map(\.databaseValue)
    return try await read { db in
      try Data.fetchAll(try db.cachedStatement(sql: sql), arguments: StatementArguments(argumentList)).map { try Self.decode(Actor.self, $0) }
    }
  }

  public func replaceActor(_ actor: Actor, expectedVersion: Int64, now: Int64) async throws -> Actor {
    let stored = try await write { db in
      guard let version = try Int64.fetchOne(try db.cachedStatement(sql: "SELECT version FROM actor WHERE id = ?"), arguments: [actor.id]) else {
        throw RPCError(.notFound, "actor \(actor.id) does not exist")
      }
      guard version == expectedVersion else {
        throw RPCError(
          .aborted,
          "actor \(actor.id) is at version \(version), not \(expectedVersion): read it again and reapply the change",
          details: ErrorDetails(reason: "STALE_VERSION")
        )
      }
      var stored = actor
      stored.version = version + 1
      stored.updatedAtMs = now
      try db.cachedStatement(sql: "UPDATE actor SET kind = ?, sort_name = ?, version = ? WHERE id = ?").execute(arguments: [actor.kind.rawValue, NameFolding.fold(actor.canonicalName), stored.version, actor.id])
      try db.cachedStatement(sql: "DELETE FROM actor_name WHERE actor_id = ?").execute(arguments: [actor.id])
      try db.cachedStatement(sql: "DELETE FROM affiliation WHERE actor_id = ?").execute(arguments: [actor.id])
      try Self.writeActor(stored, db)
      return stored
    }
    actorCache.store([stored])
    return stored
  }

  /// Writes the record, its names and word prefixes, and its affiliations.
  private static func writeActor(_ actor: Actor, _ db: Database) throws {
    try db.cachedStatement(sql: "UPDATE actor SET data = ? WHERE id = ?").execute(arguments: [blob(actor), actor.id])
    var seen = Set<String>()
    for (index, name) in ([actor.canonicalName] + actor.aliases).enumerated() {
      let folded = NameFolding.fold(name)
      guard !folded.isEmpty, seen.insert(folded).inserted else { continue }
      try db.cachedStatement(sql: "INSERT INTO actor_name (actor_id, name, folded, is_canonical) VALUES (?, ?, ?, ?)").execute(arguments: [actor.id, name, folded, index == 0])
      let nameID = db.lastInsertedRowID
      for prefix in Set(NameFolding.tokens(folded).map { String($0.prefix(3)) }) {
        try db.cachedStatement(sql: "INSERT INTO actor_token (prefix, name_id) VALUES (?, ?)").execute(arguments: [prefix, nameID])
      }
    }
    for affiliation in actor.affiliations {
      try db.cachedStatement(sql: "INSERT OR IGNORE INTO affiliation (actor_id, related_id, kind) VALUES (?, ?, ?)").execute(arguments: [actor.id, affiliation.actorID, affiliation.kind.rawValue])
    }
  }

  public func resolveActors(_ name: String, kind: ActorKind?, limit: Int) async throws -> [ActorCandidate] {
    let folded = NameFolding.fold(name)
    let prefixes = Set(NameFolding.tokens(folded).map { String($0.prefix(3)) })
    guard !prefixes.isEmpty else { return [] }
    let kindValue = kind?.rawValue
    return try await read { db in
      var sql = """
        SELECT DISTINCT n.actor_id, n.name, n.folded, n.is_canonical
        FROM actor_token t JOIN actor_name n ON n.id = t.name_id
        """
      var arguments: [any DatabaseValueConvertible] = Array(prefixes)
      if let kindValue {
        sql += " JOIN actor a ON a.id = n.actor_id WHERE a.kind = ? AND t.prefix IN (\(Self.placeholders(prefixes.count)))"
        arguments.insert(kindValue, at: 0)
      } else {
        sql += " WHERE t.prefix IN (\(Self.placeholders(prefixes.count)))"
      }
      var best: [Int64: (score: Double, name: String, canonical: Bool)] = [:]
      for row in try Row.fetchAll(try db.cachedStatement(sql: sql), arguments: StatementArguments(arguments)) {
        let actorID: Int64 = row["actor_id"]
        let canonical: Bool = row["is_canonical"]
        // A canonical-name match outranks an equally good alias match.
        let score = NameMatcher.score(query: folded, name: row["folded"]) - (canonical ? 0 : 0.001)
        guard score >= NameMatcher.threshold else { continue }
        if score > best[actorID]?.score ?? -1 {
          best[actorID] = (score, row["name"], canonical)
        }
      }
      let ranked = best.sorted { $0.value.score != $1.value.score ? $0.value.score > $1.value.score : $0.key < $1.key }.prefix(limit)
      return try ranked.compactMap { actorID, match in
        guard let data = try Data.fetchOne(try db.cachedStatement(sql: "SELECT data FROM actor WHERE id = ?"), arguments: [actorID]) else { return nil }
        return ActorCandidate(actor: try Self.decode(Actor.self, data), matchedName: match.name, score: min(1, max(0, match.score.rounded(toPlaces: 3))))
      }
    }
  }

  public func affiliatedActorIDs(of actorID: Int64) async throws -> Set<Int64> {
    try await read { db in
      // Officials and members of an actor act within it, as do the members of a group (HAS_MEMBER).
      Set(try Int64.fetchAll(try db.cachedStatement(sql: """
        WITH RECURSIVE related(id, depth) AS (
          SELECT ?, 0
          UNION
          SELECT a.actor_id, r.depth + 1 FROM affiliation a JOIN related r ON a.related_id = r.id
            WHERE a.kind IN (\(AffiliationKind.officialOf.rawValue), \(AffiliationKind.memberOf.rawValue)) AND r.depth < 3
          UNION
          SELECT a.related_id, r.depth + 1 FROM affiliation a JOIN related r ON a.actor_id = r.id
            WHERE a.kind = \(AffiliationKind.hasMember.rawValue) AND r.depth < 3
        )
        SELECT DISTINCT id FROM related
        """), arguments: [actorID]))
    }
  }
}

extension Double {
  func rounded(toPlaces places: Int) -> Double {
    var factor = 1.0
    for _ in 0..<places { factor *= 10 }
    return (self * factor).rounded() / factor
  }
}
