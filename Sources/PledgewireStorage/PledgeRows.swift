import Foundation
import GRDB
import PledgewireWire

/// Pledges to and from their rows: `pledge`, `party`, `evidence`, `status_change` and `pledge_label`. Used by the
/// store and by the migration that split the whole-record blobs of schema v1 into these tables.
enum PledgeRows {
  // MARK: Reading

  /// The pledge with this id, and its row.
  static func read(_ id: Int64, _ db: Database) throws -> (record: PledgeRecord, pledge: Pledge)? {
    guard let record = try PledgeRecord.fetchOne(try db.cachedStatement(sql: "SELECT * FROM pledge WHERE id = ?"), arguments: [id]) else {
      return nil
    }
    return (record, try assemble([record], db)[0])
  }

  /// Whole pledges for rows of `pledge`, in the same order: each other table is read once for all of them.
  static func assemble(_ records: [PledgeRecord], _ db: Database) throws -> [Pledge] {
    guard !records.isEmpty else { return [] }
    let ids = records.compactMap(\.id)
    let (list, arguments) = SQLiteStore.inList(ids)
    var parties: [Int64: [PledgeParty]] = [:]
    for record in try PartyRecord.fetchAll(try db.cachedStatement(sql: "SELECT * FROM party WHERE pledge_id IN \(list) ORDER BY pledge_id, position"), arguments: arguments) {
      parties[record.pledgeID, default: []].append(try record.party)
    }
    var evidence: [Int64: [Evidence]] = [:]
    for record in try EvidenceRecord.fetchAll(try db.cachedStatement(sql: "SELECT * FROM evidence WHERE pledge_id IN \(list) ORDER BY pledge_id, id"), arguments: arguments) {
      evidence[record.pledgeID, default: []].append(try record.evidence)
    }
    var history: [Int64: [StatusChangeRecord]] = [:]
    for record in try StatusChangeRecord.fetchAll(try db.cachedStatement(sql: "SELECT * FROM status_change WHERE pledge_id IN \(list) ORDER BY pledge_id, id"), arguments: arguments) {
      history[record.pledgeID, default: []].append(record)
    }
    var merged: [Int64: [Int64]] = [:]
    for row in try Row.fetchAll(try db.cachedStatement(sql: "SELECT merged_into_id, id FROM pledge WHERE merged_into_id IN \(list) ORDER BY id"), arguments: arguments) {
      merged[row[0], default: []].append(row[1])
    }
    let labels = try LabelRecord.labels(.pledge, ids: ids, db)
    return try records.map { record in
      let id = record.id ?? 0
      let own = evidence[id] ?? []
      let byID = Dictionary(uniqueKeysWithValues: own.map { ($0.id, $0) })
      return try record.pledge(
        parties: parties[id] ?? [], evidence: own, history: try (history[id] ?? []).map { try $0.change(evidence: byID) },
        labels: labels[id] ?? [], mergedIDs: merged[id] ?? []
      )
    }
  }

  // MARK: Writing

  /// Inserts a pledge with its parties, evidence, history and labels, and returns it as stored. The pledge's id,
  /// and the ids of evidence above 0, are kept (the migration copies rows); evidence at or below 0 gets a new id,
  /// and references to a negative id are replaced by it. Evidence and history entries without an author or a time
  /// get `context`'s.
  static func insert(_ pledge: Pledge, _ context: WriteContext?, _ db: Database) throws -> Pledge {
    var record = PledgeRecord(pledge)
    record.conditionEvidenceID = nil
    try record.insert(db)
    let id = record.id!
    let newIDs = try insertEvidence(pledge.evidence, pledgeID: id, context, db)
    try insertParties(pledge.parties, pledgeID: id, newIDs, db)
    for change in pledge.history {
      try insertChange(change, pledgeID: id, newIDs, context, db)
    }
    try LabelRecord.insert(.pledge, id: id, pledge.labels, db)
    if let conditionEvidence = pledge.condition?.evidenceID, conditionEvidence != 0 {
      try db.cachedStatement(sql: "UPDATE pledge SET condition_evidence_id = ? WHERE id = ?").execute(arguments: [resolve(conditionEvidence, newIDs), id])
    }
    return try read(id, db)!.pledge
  }

  /// Writes what changed from `current` (read as `record`) to `next`: the row's changed columns, parties and
  /// labels when they differ, the new evidence (negative ids) and the history entries past the current ones.
  /// Recorded evidence and history are never rewritten. Returns the pledge as stored.
  static func update(_ record: PledgeRecord, from current: Pledge, to next: Pledge, _ context: WriteContext, _ db: Database) throws -> Pledge {
    let id = current.id
    let recorded = Set(current.evidence.map(\.id))
    guard Set(next.evidence.filter { $0.id > 0 }.map(\.id)) == recorded else {
      throw RPCError(.internal, "a revision of pledge \(id) may add evidence but not remove or renumber it")
    }
    guard next.history.count >= current.history.count else {
      throw RPCError(.internal, "a revision of pledge \(id) may append to the history but not remove from it")
    }
    let newIDs = try insertEvidence(next.evidence.filter { $0.id <= 0 }, pledgeID: id, context, db)
    var parties = next.parties
    for index in parties.indices where parties[index].optOutEvidenceID < 0 {
      parties[index].optOutEvidenceID = try resolve(parties[index].optOutEvidenceID, newIDs)
    }
    if parties != current.parties {
      try db.cachedStatement(sql: "DELETE FROM party WHERE pledge_id = ?").execute(arguments: [id])
      try insertParties(parties, pledgeID: id, [:], db)
    }
    for change in next.history.dropFirst(current.history.count) {
      try insertChange(change, pledgeID: id, newIDs, context, db)
    }
    if next.labels != current.labels {
      try LabelRecord.replace(.pledge, id: id, with: next.labels, db)
    }
    var row = PledgeRecord(next)
    row.id = id
    if let conditionEvidence = next.condition?.evidenceID, conditionEvidence < 0 {
      row.conditionEvidenceID = try resolve(conditionEvidence, newIDs)
    }
    try row.updateChanges(db, from: record)
    return try read(id, db)!.pledge
  }

  /// Inserts evidence; returns the ids given to evidence that came with a negative id.
  private static func insertEvidence(_ evidence: [Evidence], pledgeID: Int64, _ context: WriteContext?, _ db: Database) throws -> [Int64: Int64] {
    var newIDs: [Int64: Int64] = [:]
    for item in evidence {
      var stored = item
      if stored.addedAtMs == 0, let context { stored.addedAtMs = context.now }
      if stored.addedBy.isEmpty, let context { stored.addedBy = context.principal }
      var record = EvidenceRecord(stored, pledgeID: pledgeID)
      try record.insert(db)
      if item.id < 0 {
        newIDs[item.id] = record.id!
      }
    }
    return newIDs
  }

  private static func insertParties(_ parties: [PledgeParty], pledgeID: Int64, _ newIDs: [Int64: Int64], _ db: Database) throws {
    var seen = Set<[Int64]>()
    for (position, party) in parties.enumerated() where seen.insert([party.actorID, Int64(party.role.rawValue)]).inserted {
      var stored = party
      if stored.optOutEvidenceID < 0 {
        stored.optOutEvidenceID = try resolve(stored.optOutEvidenceID, newIDs)
      }
      try PartyRecord(stored, pledgeID: pledgeID, position: position).insert(db)
    }
  }

  private static func insertChange(_ change: StatusChange, pledgeID: Int64, _ newIDs: [Int64: Int64], _ context: WriteContext?, _ db: Database) throws {
    var stored = change
    if let evidence = stored.evidence, evidence.id < 0 {
      stored.evidence?.id = try resolve(evidence.id, newIDs)
    }
    if stored.recordedAtMs == 0, let context { stored.recordedAtMs = context.now }
    if stored.changedBy.isEmpty, let context { stored.changedBy = context.principal }
    var record = StatusChangeRecord(stored, pledgeID: pledgeID)
    try record.insert(db)
  }

  /// The id given to the new evidence a negative id stands for.
  private static func resolve(_ id: Int64, _ newIDs: [Int64: Int64]) throws -> Int64 {
    guard id < 0 else { return id }
    guard let resolved = newIDs[id] else {
      throw RPCError(.internal, "a reference to new evidence \(id) that the change does not add")
    }
    return resolved
  }
}
