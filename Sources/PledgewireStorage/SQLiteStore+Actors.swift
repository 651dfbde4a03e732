import Foundation
import GRDB
import PledgewireWire

extension SQLiteStore {
  public func cachedActor(id: Int64) -> Actor? {
    actorCache.actor(id)
  }

  public func actor(id: Int64) async throws -> Actor? {
    if let cached = actorCache.lookup(id) {
      return cached.actor
    }
    let actor = try await read { db in
      try ActorRows.read(id, db)?.actor
    }
    if let actor {
      actorCache.store([actor])
    }
    return actor
  }

  public func actorStates(_ ids: Set<Int64>) async throws -> [Int64: RecordState] {
    guard !ids.isEmpty else { return [:] }
    return try await read { db in
      let (list, arguments) = Self.inList(Array(ids))
      var states: [Int64: RecordState] = [:]
      for row in try Row.fetchAll(try db.cachedStatement(sql: "SELECT id, merged_into_id FROM actor WHERE id IN \(list)"), arguments: arguments) {
        let merged: Int64? = row["merged_into_id"]
        states[row["id"]] = merged.map { .merged(into: $0) } ?? .live
      }
      return states
    }
  }

  public func listActors(_ query: ActorQuery) async throws -> [Actor] {
    var conditions = ["merged_into_id IS NULL"]
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
    if let label = query.label {
      conditions.append("id IN (SELECT actor_id FROM actor_label WHERE label = ?)")
      arguments.append(label)
    }
    if let cursor = query.after {
      conditions.append("(sort_name, id) > (?, ?)")
      arguments.append(cursor.sortName)
      arguments.append(cursor.id)
    }
    arguments.append(query.limit)
    let sql = "SELECT * FROM actor WHERE \(conditions.joined(separator: " AND ")) ORDER BY sort_name, id LIMIT ?"
    let argumentList = arguments.map(\.databaseValue)
    let actors = try await read { db in
      try ActorRows.assemble(try ActorRecord.fetchAll(try db.cachedStatement(sql: sql), arguments: StatementArguments(argumentList)), db)
    }
    actorCache.store(actors)
    return actors
  }

  /// Names scored per resolve: of the names sharing a word prefix with the query, those sharing the most. Bounds a
  /// resolve's work whatever the query and the table hold.
  public static let maxResolveCandidates = 256

  public func resolveActors(_ name: String, kind: ActorKind?, limit: Int) async throws -> [ActorCandidate] {
    let folded = NameFolding.fold(name)
    let prefixes = Set(NameFolding.tokens(folded).map { String($0.prefix(3)) })
    guard !prefixes.isEmpty else { return [] }
    let kindValue = kind?.rawValue
    let names = try await read { db in
      var sql = """
        SELECT n.actor_id, n.name, n.folded, n.is_canonical, COUNT(DISTINCT t.prefix) AS shared
        FROM actor_token t JOIN actor_name n ON n.id = t.name_id
        """
      // Tombstones have no names, so they never match.
      var arguments: [any DatabaseValueConvertible] = Array(prefixes)
      if let kindValue {
        sql += " JOIN actor a ON a.id = n.actor_id WHERE a.kind = ? AND t.prefix IN (\(Self.placeholders(prefixes.count)))"
        arguments.insert(kindValue, at: 0)
      } else {
        sql += " WHERE t.prefix IN (\(Self.placeholders(prefixes.count)))"
      }
      sql += " GROUP BY n.id ORDER BY shared DESC, n.id LIMIT \(Self.maxResolveCandidates)"
      return try Row.fetchAll(try db.cachedStatement(sql: sql), arguments: StatementArguments(arguments)).map {
        (actorID: $0["actor_id"] as Int64, name: $0["name"] as String, folded: $0["folded"] as String, canonical: $0["is_canonical"] as Bool)
      }
    }
    // Scored outside the read, so that the read pool is not held, and a cancelled call stops scoring.
    var best: [Int64: (score: Double, name: String)] = [:]
    let query = NameMatcher.Query(folded)
    for (index, candidate) in names.enumerated() {
      if index & 31 == 31 { try Task.checkCancellation() }
      // A canonical-name match outranks an equally good alias match.
      let score = NameMatcher.score(query, name: candidate.folded) - (candidate.canonical ? 0 : 0.001)
      guard score >= NameMatcher.threshold else { continue }
      if score > best[candidate.actorID]?.score ?? -1 {
        best[candidate.actorID] = (score, candidate.name)
      }
    }
    let ranked = best.sorted { $0.value.score != $1.value.score ? $0.value.score > $1.value.score : $0.key < $1.key }.prefix(limit)
    return try await read { db in
      try ranked.compactMap { actorID, match in
        guard let actor = try ActorRows.read(actorID, db)?.actor else { return nil }
        return ActorCandidate(actor: actor, matchedName: match.name, score: min(1, max(0, match.score.rounded(toPlaces: 3))))
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
  package func rounded(toPlaces places: Int) -> Double {
    var factor = 1.0
    for _ in 0..<places { factor *= 10 }
    return (self * factor).rounded() / factor
  }
}
