import GRDB
import PledgewireStorage
import PledgewireWire

/// Actors to and from their rows on PostgreSQL: `actor`, `actor_name` (with `actor_token`), `affiliation` and
/// `actor_label`.
enum PostgresActorRows {
  /// The actor and its row; with `lock`, the row stays locked (`FOR UPDATE`) until the transaction ends.
  static func read(_ id: Int64, lock: Bool = false, _ session: PostgresSession) async throws -> (record: ActorRecord, actor: Actor)? {
    guard let row = try await session.rows("SELECT * FROM actor WHERE id = ?\(lock ? " FOR UPDATE" : "")", [id]).first else {
      return nil
    }
    let record = try ActorRecord(row: row)
    return (record, try await assemble([record], session)[0])
  }

  /// Whole actors for rows of `actor`, in the same order.
  static func assemble(_ records: [ActorRecord], _ session: PostgresSession) async throws -> [Actor] {
    guard !records.isEmpty else { return [] }
    let ids = records.compactMap(\.id)
    let (list, arguments) = PostgresStore.inList(ids)
    var aliases: [Int64: [String]] = [:]
    for row in try await session.rows("SELECT actor_id, name FROM actor_name WHERE actor_id IN \(list) AND position > 0 ORDER BY actor_id, position", arguments) {
      aliases[row["actor_id"], default: []].append(row["name"])
    }
    var affiliations: [Int64: [Affiliation]] = [:]
    for row in try await session.rows("SELECT * FROM affiliation WHERE actor_id IN \(list) ORDER BY actor_id, position", arguments) {
      let record = try AffiliationRecord(row: row)
      affiliations[record.actorID, default: []].append(try record.affiliation)
    }
    var merged: [Int64: [Int64]] = [:]
    for row in try await session.rows("SELECT merged_into_id, id FROM actor WHERE merged_into_id IN \(list) ORDER BY id", arguments) {
      merged[row["merged_into_id"], default: []].append(row["id"])
    }
    let labels = try await PostgresLabels.labels(.actor, ids: ids, session)
    return try records.map { record in
      let id = record.id ?? 0
      return try record.actor(aliases: aliases[id] ?? [], affiliations: affiliations[id] ?? [], labels: labels[id] ?? [], mergedIDs: merged[id] ?? [])
    }
  }

  /// Inserts an actor with its names, affiliations and labels; returns it as stored.
  static func insert(_ actor: Actor, _ session: PostgresSession) async throws -> Actor {
    let record = ActorRecord(actor)
    guard let id = try await session.insert(record, returning: "id") else {
      throw RPCError(.internal, "the database returned no id for a new actor")
    }
    var stored = actor
    stored.id = id
    try await insertNames(actor, id: id, session)
    stored.affiliations = try await insertAffiliations(actor.affiliations, id: id, session)
    stored.labels = try await PostgresLabels.insert(.actor, id: id, actor.labels, session)
    stored.mergedIDs = []
    return stored
  }

  /// Writes what changed from `current` (read as `record`) to `next`; returns the actor as stored.
  static func update(_ record: ActorRecord, from current: Actor, to next: Actor, _ session: PostgresSession) async throws -> Actor {
    let id = current.id
    if next.canonicalName != current.canonicalName || next.aliases != current.aliases || next.mergedIntoID != current.mergedIntoID {
      try await session.execute("DELETE FROM actor_name WHERE actor_id = ?", [id])
      try await insertNames(next, id: id, session)
    }
    if next.affiliations != current.affiliations {
      try await session.execute("DELETE FROM affiliation WHERE actor_id = ?", [id])
      _ = try await insertAffiliations(next.affiliations, id: id, session)
    }
    if next.labels != current.labels {
      try await PostgresLabels.replace(.actor, id: id, with: next.labels, session)
    }
    var row = ActorRecord(next)
    row.id = id
    try await session.updateChanges(row, from: record, id: id)
    return try await read(id, session)!.actor
  }

  /// The canonical name and the aliases with their word prefixes; a tombstone has none.
  private static func insertNames(_ actor: Actor, id: Int64, _ session: PostgresSession) async throws {
    guard actor.mergedIntoID == 0 else { return }
    for (position, name) in ([actor.canonicalName] + actor.aliases).enumerated() {
      let record = ActorNameRecord(actorID: id, position: position, name: name)
      guard let nameID = try await session.insert(record, returning: "id") else {
        throw RPCError(.internal, "the database returned no id for a new name")
      }
      for prefix in Set(NameFolding.tokens(record.folded).map { String($0.prefix(3)) }) {
        try await session.insert(ActorTokenRecord(prefix: prefix, nameID: nameID))
      }
    }
  }

  /// Inserts affiliations in order, each (actor, kind) once; returns them as stored.
  private static func insertAffiliations(_ affiliations: [Affiliation], id: Int64, _ session: PostgresSession) async throws -> [Affiliation] {
    var seen = Set<[Int64]>()
    var stored: [Affiliation] = []
    for (position, affiliation) in affiliations.enumerated() where seen.insert([affiliation.actorID, Int64(affiliation.kind.rawValue)]).inserted {
      let record = AffiliationRecord(affiliation, actorID: id, position: position)
      try await session.insert(record)
      stored.append(try record.affiliation)
    }
    return stored
  }
}
