import Foundation
import GRDB
import PledgewireWire

/// Pledges to and from their rows: `pledge`, `party`, `evidence`, `status_change` and `pledge_label`. Used by the
/// store and by the migration that split the whole-record blobs of schema v1 into these tables.
package enum PledgeRows {
  /// The version of the snapshot's layout this build writes and trusts. A build that assembles pledges
  /// differently (a new column, say) raises it; then older snapshots are not used until their pledge is written.
  package static let snapshotFormat: Int64 = 1

  // MARK: Reading

  /// The pledge with this id, and its row: from its snapshot when it has a current one, else from its rows.
  /// Inside a write, after rows changed, use ``refresh(_:_:)`` instead.
  static func read(_ id: Int64, _ db: Database) throws -> (record: PledgeRecord, pledge: Pledge)? {
    guard let record = try PledgeRecord.fetchOne(try db.cachedStatement(sql: "SELECT * FROM pledge WHERE id = ?"), arguments: [id]) else {
      return nil
    }
    return (record, try load([record], db)[0])
  }

  /// Whole pledges for rows of `pledge`, in the same order: from their snapshots where current, the others from
  /// their rows.
  static func load(_ records: [PledgeRecord], _ db: Database) throws -> [Pledge] {
    var pledges: [Pledge?] = try records.map { record in
      guard record.snapshotFormat == snapshotFormat, let snapshot = record.snapshot else { return nil }
      return try StoredMessage.decode(Pledge.self, snapshot, empty: Pledge())
    }
    let missing = records.indices.filter { pledges[$0] == nil }
    if !missing.isEmpty {
      for (index, pledge) in zip(missing, try assemble(missing.map { records[$0] }, db)) {
        pledges[index] = pledge
      }
    }
    return pledges.map { $0! }
  }

  /// Reassembles a pledge from its rows, after a write changed them, and stores it as the pledge's snapshot.
  @discardableResult
  static func refresh(_ id: Int64, _ db: Database) throws -> (record: PledgeRecord, pledge: Pledge) {
    guard var record = try PledgeRecord.fetchOne(try db.cachedStatement(sql: "SELECT * FROM pledge WHERE id = ?"), arguments: [id]) else {
      throw RPCError(.internal, "pledge \(id) vanished inside its own write")
    }
    let pledge = try assemble([record], db)[0]
    try writeSnapshot(pledge, &record, db)
    return (record, pledge)
  }

  private static func writeSnapshot(_ pledge: Pledge, _ record: inout PledgeRecord, _ db: Database) throws {
    record.snapshot = Data(pledge.serializedBytes())
    record.snapshotFormat = snapshotFormat
    try db.cachedStatement(sql: "UPDATE pledge SET snapshot = ?, snapshot_format = ? WHERE id = ?")
      .execute(arguments: [record.snapshot, snapshotFormat, pledge.id])
  }

  /// Pledges whose snapshot is not what their rows make: empty when the store is sound.
  static func staleSnapshots(_ db: Database) throws -> [Int64] {
    var stale: [Int64] = []
    let records = try PledgeRecord.fetchCursor(db, sql: "SELECT * FROM pledge WHERE snapshot_format = ?", arguments: [snapshotFormat])
    while let record = try records.next() {
      let snapshot = try StoredMessage.decode(Pledge.self, record.snapshot, empty: Pledge())
      if try assemble([record], db)[0] != snapshot {
        stale.append(record.id ?? 0)
      }
    }
    return stale
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

  /// Inserts a pledge with its parties, evidence, history and labels, and returns it as stored (as ``read(_:_:)``
  /// would, without reading it back). The pledge's id, and the ids of evidence above 0, are kept (the migration
  /// copies rows); evidence at or below 0 gets a new id, and references to a negative id are replaced by it. Evidence
  /// and history entries without an author or a time get `context`'s.
  static func insert(_ pledge: Pledge, _ context: WriteContext?, _ db: Database) throws -> Stored {
    var record = PledgeRecord(pledge)
    record.conditionEvidenceID = nil
    record.id = try record.insertRow(db)
    let id = record.id!
    var stored = pledge
    stored.id = id
    let (evidence, newIDs) = try insertEvidence(pledge.evidence, pledgeID: id, context, db)
    stored.evidence = evidence
    stored.parties = try insertParties(pledge.parties, pledgeID: id, newIDs, db)
    let byID = Dictionary(evidence.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    stored.history = try pledge.history.map { try insertChange($0, pledgeID: id, newIDs, byID, context, db) }
    stored.labels = try LabelRecord.insert(.pledge, id: id, pledge.labels, db)
    if let conditionEvidence = pledge.condition?.evidenceID, conditionEvidence != 0 {
      stored.condition?.evidenceID = try resolve(conditionEvidence, newIDs)
      try db.cachedStatement(sql: "UPDATE pledge SET condition_evidence_id = ? WHERE id = ?").execute(arguments: [stored.condition!.evidenceID, id])
    }
    stored.mergedIDs = []
    try writeSnapshot(stored, &record, db)
    return Stored(pledge: stored, encoded: record.snapshot!)
  }

  /// A pledge as a write left it, with its encoding (the snapshot), which its event can reuse.
  struct Stored {
    let pledge: Pledge
    let encoded: Data
  }

  /// Writes what changed from `current` (read as `record`) to `next`: the row's changed columns, parties and
  /// labels when they differ, the new evidence (negative ids) and the history entries past the current ones, then
  /// the snapshot. Recorded evidence and history are never rewritten. Returns the pledge as stored.
  static func update(_ record: PledgeRecord, from current: Pledge, to next: Pledge, _ context: WriteContext, _ db: Database) throws -> Stored {
    let id = current.id
    let recorded = Set(current.evidence.map(\.id))
    guard Set(next.evidence.filter { $0.id > 0 }.map(\.id)) == recorded else {
      throw RPCError(.internal, "a revision of pledge \(id) may add evidence but not remove or renumber it")
    }
    guard next.history.count >= current.history.count else {
      throw RPCError(.internal, "a revision of pledge \(id) may append to the history but not remove from it")
    }
    let newIDs = try insertEvidence(next.evidence.filter { $0.id <= 0 }, pledgeID: id, context, db).newIDs
    var parties = next.parties
    for index in parties.indices where parties[index].optOutEvidenceID < 0 {
      parties[index].optOutEvidenceID = try resolve(parties[index].optOutEvidenceID, newIDs)
    }
    if parties != current.parties {
      try db.cachedStatement(sql: "DELETE FROM party WHERE pledge_id = ?").execute(arguments: [id])
      _ = try insertParties(parties, pledgeID: id, [:], db)
    }
    for change in next.history.dropFirst(current.history.count) {
      _ = try insertChange(change, pledgeID: id, newIDs, [:], context, db)
    }
    if next.labels != current.labels {
      try LabelRecord.replace(.pledge, id: id, with: next.labels, db)
    }
    var row = PledgeRecord(next)
    row.id = id
    row.snapshot = record.snapshot
    row.snapshotFormat = record.snapshotFormat
    if let conditionEvidence = next.condition?.evidenceID, conditionEvidence < 0 {
      row.conditionEvidenceID = try resolve(conditionEvidence, newIDs)
    }
    try row.updateChanges(db, from: record)
    let refreshed = try refresh(id, db)
    return Stored(pledge: refreshed.pledge, encoded: refreshed.record.snapshot!)
  }

  /// Inserts evidence; returns it as stored, and the ids given to evidence that came with a negative id.
  private static func insertEvidence(
    _ evidence: [Evidence], pledgeID: Int64, _ context: WriteContext?, _ db: Database
  ) throws -> (stored: [Evidence], newIDs: [Int64: Int64]) {
    var newIDs: [Int64: Int64] = [:]
    var stored: [Evidence] = []
    for item in evidence {
      var kept = item
      if kept.addedAtMs == 0, let context { kept.addedAtMs = context.now }
      if kept.addedBy.isEmpty, let context { kept.addedBy = context.principal }
      var record = EvidenceRecord(kept, pledgeID: pledgeID)
      record.id = try record.insertRow(db)
      if item.id < 0 {
        newIDs[item.id] = record.id!
      }
      stored.append(try record.evidence)
    }
    return (stored, newIDs)
  }

  /// Inserts parties in order, each (actor, role) once, with opt-out evidence resolved; returns them as stored.
  private static func insertParties(_ parties: [PledgeParty], pledgeID: Int64, _ newIDs: [Int64: Int64], _ db: Database) throws -> [PledgeParty] {
    var seen = Set<[Int64]>()
    var stored: [PledgeParty] = []
    for (position, party) in parties.enumerated() where seen.insert([party.actorID, Int64(party.role.rawValue)]).inserted {
      var kept = party
      if kept.optOutEvidenceID < 0 {
        kept.optOutEvidenceID = try resolve(kept.optOutEvidenceID, newIDs)
      }
      let record = PartyRecord(kept, pledgeID: pledgeID, position: position)
      try record.insertRow(db)
      stored.append(try record.party)
    }
    return stored
  }

  /// Inserts a history entry; returns it as stored, citing the evidence among `evidence` it refers to.
  private static func insertChange(
    _ change: StatusChange, pledgeID: Int64, _ newIDs: [Int64: Int64], _ evidence: [Int64: Evidence], _ context: WriteContext?, _ db: Database
  ) throws -> StatusChange {
    var stored = change
    if let cited = stored.evidence, cited.id < 0 {
      stored.evidence?.id = try resolve(cited.id, newIDs)
    }
    if stored.recordedAtMs == 0, let context { stored.recordedAtMs = context.now }
    if stored.changedBy.isEmpty, let context { stored.changedBy = context.principal }
    var record = StatusChangeRecord(stored, pledgeID: pledgeID)
    record.id = try record.insertRow(db)
    return try record.change(evidence: evidence)
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
