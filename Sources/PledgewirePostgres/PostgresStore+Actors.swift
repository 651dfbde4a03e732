import Foundation
import GRDB
import PledgewireStorage
import PledgewireWire

extension PostgresStore {
  public func cachedActor(id: Int64) -> Actor? {
    actorCache.actor(id)
  }

  public func actor(id: Int64) async throws -> Actor? {
    if let cached = actorCache.lookup(id) {
      return cached.actor
    }
    let generation = actorCache.generation
    let actor = try await read { session in
      try await PostgresActorRows.read(id, session)?.actor
    }
    if let actor {
      actorCache.store([actor], ifGeneration: generation)
    }
    return actor
  }

  public func actorStates(_ ids: Set<Int64>) async throws -> [Int64: RecordState] {
    guard !ids.isEmpty else { return [:] }
    let (list, arguments) = Self.inList(Array(ids))
    return try await read(consistent: false) { session in
      var states: [Int64: RecordState] = [:]
      for row in try await session.rows("SELECT id, merged_into_id FROM actor WHERE id IN \(list)", arguments) {
        let merged: Int64? = row["merged_into_id"]
        states[row["id"]] = merged.map { .merged(into: $0) } ?? .live
      }
      return states
    }
  }

  public func listActors(_ query: ActorQuery) async throws -> [Actor] {
    var conditions = ["merged_into_id IS NULL"]
    var arguments: PostgresSession.Arguments = []
    if let kind = query.kind {
      conditions.append("kind = ?")
      arguments.append(Int64(kind.rawValue))
    }
    if let prefix = query.namePrefix, !prefix.isEmpty {
      conditions.append("id IN (SELECT actor_id FROM actor_name WHERE folded >= ? AND folded < ?)")
      arguments.append(prefix)
      arguments.append(prefix + "\u{10FFFF}")
    }
    if let label = query.label {
      conditions.append("id IN (SELECT actor_id FROM actor_label WHERE label = ?)")
      arguments.append(label)
    }
    if let cursor = query.after {
      conditions.append("(sort_name, id) > (?, ?)")
      arguments.append(cursor.sortName)
      arguments.append(cursor.id)
    }
    arguments.append(Int64(query.limit))
    let sql = "SELECT * FROM actor WHERE \(conditions.joined(separator: " AND ")) ORDER BY sort_name, id LIMIT ?"
    let generation = actorCache.generation
    let actors = try await read { [arguments] session in
      try await PostgresActorRows.assemble(try await session.rows(sql, arguments).map { try ActorRecord(row: $0) }, session)
    }
    actorCache.store(actors, ifGeneration: generation)
    return actors
  }

  public func resolveActors(_ name: String, kind: ActorKind?, limit: Int) async throws -> [ActorCandidate] {
    let folded = NameFolding.fold(name)
    let prefixes = Set(NameFolding.tokens(folded).map { String($0.prefix(3)) })
    guard !prefixes.isEmpty else { return [] }
    var sql = """
      SELECT DISTINCT n.actor_id, n.name, n.folded, n.is_canonical
      FROM actor_token t JOIN actor_name n ON n.id = t.name_id
      """
    // Tombstones have no names, so they never match.
    var arguments: PostgresSession.Arguments = prefixes.sorted()
    if let kind {
      sql += " JOIN actor a ON a.id = n.actor_id WHERE a.kind = ? AND t.prefix IN (\(Self.placeholders(prefixes.count)))"
      arguments.insert(Int64(kind.rawValue), at: 0)
    } else {
      sql += " WHERE t.prefix IN (\(Self.placeholders(prefixes.count)))"
    }
    return try await read { [arguments, sql] session in
      var best: [Int64: (score: Double, name: String, canonical: Bool)] = [:]
      for row in try await session.rows(sql, arguments) {
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
      var candidates: [ActorCandidate] = []
      for (actorID, match) in ranked {
        guard let actor = try await PostgresActorRows.read(actorID, session)?.actor else { continue }
        candidates.append(ActorCandidate(actor: actor, matchedName: match.name, score: min(1, max(0, match.score.rounded(toPlaces: 3)))))
      }
      return candidates
    }
  }

  public func affiliatedActorIDs(of actorID: Int64) async throws -> Set<Int64> {
    try await read(consistent: false) { session in
      // Officials and members of an actor act within it, as do the members of a group (HAS_MEMBER).
      Set(try await session.int64s("""
        WITH RECURSIVE related(id, depth) AS (
          SELECT CAST(? AS BIGINT), 0
          UNION
          SELECT CASE WHEN a.kind = \(AffiliationKind.hasMember.rawValue) THEN a.related_id ELSE a.actor_id END, r.depth + 1
          FROM affiliation a JOIN related r
            ON (a.related_id = r.id AND a.kind IN (\(AffiliationKind.officialOf.rawValue), \(AffiliationKind.memberOf.rawValue)))
            OR (a.actor_id = r.id AND a.kind = \(AffiliationKind.hasMember.rawValue))
          WHERE r.depth < 3
        )
        SELECT DISTINCT id FROM related
        """, [actorID]))
    }
  }
}
