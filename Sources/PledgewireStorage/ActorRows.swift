import Foundation
import GRDB
import PledgewireWire

/// Actors to and from their rows: `actor`, `actor_name` (with `actor_token`), `affiliation` and `actor_label`.
enum ActorRows {
  // MARK: Reading

  static func read(_ id: Int64, _ db: Database) throws -> (record: ActorRecord, actor: Actor)? {
    guard let record = try ActorRecord.fetchOne(try db.cachedStatement(sql: "SELECT * FROM actor WHERE id = ?"), arguments: [id]) else {
      return nil
    }
    return (record, try assemble([record], db)[0])
  }

  /// Whole actors for rows of `actor`, in the same order.
  static func assemble(_ records: [ActorRecord], _ db: Database) throws -> [Actor] {
    guard !records.isEmpty else { return [] }
    let ids = records.compactMap(\.id)
    let (list, arguments) = SQLiteStore.inList(ids)
    var aliases: [Int64: [String]] = [:]
    for row in try Row.fetchAll(try db.cachedStatement(sql: "SELECT actor_id, name FROM actor_name WHERE actor_id IN \(list) AND position > 0 ORDER BY actor_id, position"), arguments: arguments) {
      aliases[row[0], default: []].append(row[1])
    }
    var affiliations: [Int64: [Affiliation]] = [:]
    for record in try AffiliationRecord.fetchAll(try db.cachedStatement(sql: "SELECT * FROM affiliation WHERE actor_id IN \(list) ORDER BY actor_id, position"), arguments: arguments) {
      affiliations[record.actorID, default: []].append(try record.affiliation)
    }
    var merged: [Int64: [Int64]] = [:]
    for row in try Row.fetchAll(try db.cachedStatement(sql: "SELECT merged_into_id, id FROM actor WHERE merged_into_id IN \(list) ORDER BY id"), arguments: arguments) {
      merged[row[0], default: []].append(row[1])
    }
    let labels = try LabelRecord.labels(.actor, ids: ids, db)
    return try records.map { record in
      let id = record.id ?? 0
      return try record.actor(aliases: aliases[id] ?? [], affiliations: affiliations[id] ?? [], labels: labels[id] ?? [], mergedIDs: merged[id] ?? [])
    }
  }

  // MARK: Writing

  /// Inserts an actor (keeping its id when it has one) with its names, affiliations and labels; returns it as stored
  /// (as ``read(_:_:)`` would, without reading it back).
  static func insert(_ actor: Actor, _ db: Database) throws -> Actor {
    var record = ActorRecord(actor)
    record.id = try record.insertRow(db)
    var stored = actor
    stored.id = record.id!
    try insertNames(actor, id: stored.id, db)
    stored.affiliations = try insertAffiliations(actor.affiliations, id: stored.id, db)
    stored.labels = try LabelRecord.insert(.actor, id: stored.id, actor.labels, db)
    stored.mergedIDs = []
    return stored
  }

  /// Writes what changed from `current` (read as `record`) to `next`; returns the actor as stored.
  static func update(_ record: ActorRecord, from current: Actor, to next: Actor, _ db: Database) throws -> Actor {
    let id = current.id
    if next.canonicalName != current.canonicalName || next.aliases != current.aliases || next.mergedIntoID != current.mergedIntoID {
      try db.cachedStatement(sql: "DELETE FROM actor_name WHERE actor_id = ?").execute(arguments: [id])
      try insertNames(next, id: id, db)
    }
    if next.affiliations != current.affiliations {
      try db.cachedStatement(sql: "DELETE FROM affiliation WHERE actor_id = ?").execute(arguments: [id])
      _ = try insertAffiliations(next.affiliations, id: id, db)
    }
    if next.labels != current.labels {
      try LabelRecord.replace(.actor, id: id, with: next.labels, db)
    }
    var row = ActorRecord(next)
    row.id = id
    try row.updateChanges(db, from: record)
    return try read(id, db)!.actor
  }

  /// The canonical name and the aliases, for Resolve and name-prefix lists; a tombstone has none.
  private static func insertNames(_ actor: Actor, id: Int64, _ db: Database) throws {
    guard actor.mergedIntoID == 0 else { return }
    for (position, name) in ([actor.canonicalName] + actor.aliases).enumerated() {
      var record = ActorNameRecord(actorID: id, position: position, name: name)
      try record.insertWithTokens(db)
    }
  }

  /// Inserts affiliations in order, each (actor, kind) once; returns them as stored.
  private static func insertAffiliations(_ affiliations: [Affiliation], id: Int64, _ db: Database) throws -> [Affiliation] {
    var seen = Set<[Int64]>()
    var stored: [Affiliation] = []
    for (position, affiliation) in affiliations.enumerated() where seen.insert([affiliation.actorID, Int64(affiliation.kind.rawValue)]).inserted {
      let record = AffiliationRecord(affiliation, actorID: id, position: position)
      try record.insertRow(db)
      stored.append(try record.affiliation)
    }
    return stored
  }
}
