import Foundation
import GRDB
import PledgewireStorage
import PledgewireWire

/// Pledges to and from their rows on PostgreSQL: `pledge`, `party`, `evidence`, `status_change` and `pledge_label`,
/// with the snapshot a read decodes (as in the SQLite store's `PledgeRows`, whose layout it shares).
enum PostgresPledgeRows {
  static let snapshotFormat = PledgeRows.snapshotFormat

  /// A pledge as a write left it, with its encoding (the snapshot), which its event reuses.
  struct Stored {
    let pledge: Pledge
    let encoded: Data
  }

  /// The pledge and its row; with `lock`, the row stays locked (`FOR UPDATE`) until the transaction ends.
  static func read(_ id: Int64, lock: Bool = false, _ session: PostgresSession) async throws -> (record: PledgeRecord, pledge: Pledge)? {
    guard let row = try await session.rows("SELECT * FROM pledge WHERE id = ?\(lock ? " FOR UPDATE" : "")", [id]).first else {
      return nil
    }
    let record = try PledgeRecord(row: row)
    return (record, try await load([record], session)[0])
  }

  /// Whole pledges for rows of `pledge`, in the same order: from their snapshots where current, else from rows.
  static func load(_ records: [PledgeRecord], _ session: PostgresSession) async throws -> [Pledge] {
    var pledges: [Pledge?] = try records.map { record in
      guard record.snapshotFormat == snapshotFormat, let snapshot = record.snapshot else { return nil }
      return try StoredMessage.decode(Pledge.self, snapshot, empty: Pledge())
    }
    let missing = records.indices.filter { pledges[$0] == nil }
    if !missing.isEmpty {
      for (index, pledge) in zip(missing, try await assemble(missing.map { records[$0] }, session)) {
        pledges[index] = pledge
      }
    }
    return pledges.map { $0! }
  }

  /// Reassembles a pledge from its rows after a write changed them, and stores it as the pledge's snapshot.
  @discardableResult
  static func refresh(_ id: Int64, _ session: PostgresSession) async throws -> (record: PledgeRecord, pledge: Pledge, encoded: Data) {
    guard let row = try await session.rows("SELECT * FROM pledge WHERE id = ?", [id]).first else {
      throw RPCError(.internal, "pledge \(id) vanished inside its own write")
    }
    var record = try PledgeRecord(row: row)
    let pledge = try await assemble([record], session)[0]
    let encoded = Data(pledge.serializedBytes())
    record.snapshot = encoded
    record.snapshotFormat = snapshotFormat
    try await session.execute("UPDATE pledge SET snapshot = ?, snapshot_format = ? WHERE id = ?", [encoded, snapshotFormat, id])
    return (record, pledge, encoded)
  }

  /// Pledges whose snapshot is not what their rows make: empty when the store is sound.
  static func staleSnapshots(_ session: PostgresSession) async throws -> [Int64] {
    var stale: [Int64] = []
    for row in try await session.rows("SELECT * FROM pledge WHERE snapshot_format = ? ORDER BY id", [snapshotFormat]) {
      let record = try PledgeRecord(row: row)
      let snapshot = try StoredMessage.decode(Pledge.self, record.snapshot, empty: Pledge())
      if try await assemble([record], session)[0] != snapshot {
        stale.append(record.id ?? 0)
      }
    }
    return stale
  }

  /// Whole pledges for rows of `pledge`, in the same order: each other table is read once for all of them.
  static func assemble(_ records: [PledgeRecord], _ session: PostgresSession) async throws -> [Pledge] {
    guard !records.isEmpty else { return [] }
    let ids = records.compactMap(\.id)
    let (list, arguments) = PostgresStore.inList(ids)
    var parties: [Int64: [PledgeParty]] = [:]
    for row in try await session.rows("SELECT * FROM party WHERE pledge_id IN \(list) ORDER BY pledge_id, position", arguments) {
      let record = try PartyRecord(row: row)
      parties[record.pledgeID, default: []].append(try record.party)
    }
    var evidence: [Int64: [Evidence]] = [:]
    for row in try await session.rows("SELECT * FROM evidence WHERE pledge_id IN \(list) ORDER BY pledge_id, id", arguments) {
      let record = try EvidenceRecord(row: row)
      evidence[record.pledgeID, default: []].append(try record.evidence)
    }
    var history: [Int64: [StatusChangeRecord]] = [:]
    for row in try await session.rows("SELECT * FROM status_change WHERE pledge_id IN \(list) ORDER BY pledge_id, id", arguments) {
      let record = try StatusChangeRecord(row: row)
      history[record.pledgeID, default: []].append(record)
    }
    var merged: [Int64: [Int64]] = [:]
    for row in try await session.rows("SELECT merged_into_id, id FROM pledge WHERE merged_into_id IN \(list) ORDER BY id", arguments) {
      merged[row["merged_into_id"], default: []].append(row["id"])
    }
    let labels = try await PostgresLabels.labels(.pledge, ids: ids, session)
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

  /// Inserts a pledge with its parties, evidence, history and labels; returns it as stored. Evidence at or below 0
  /// gets a new id, and references to a negative id are replaced by it.
  static func insert(_ pledge: Pledge, _ context: WriteContext, _ session: PostgresSession) async throws -> Stored {
    var record = PledgeRecord(pledge)
    record.conditionEvidenceID = nil
    guard let id = try await session.insert(record, returning: "id") else {
      throw RPCError(.internal, "the database returned no id for a new pledge")
    }
    var stored = pledge
    stored.id = id
    let (evidence, newIDs) = try await insertEvidence(pledge.evidence, pledgeID: id, context, session)
    stored.evidence = evidence
    stored.parties = try await insertParties(pledge.parties, pledgeID: id, newIDs, session)
    let byID = Dictionary(evidence.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    var history: [StatusChange] = []
    for change in pledge.history {
      history.append(try await insertChange(change, pledgeID: id, newIDs, byID, context, session))
    }
    stored.history = history
    stored.labels = try await PostgresLabels.insert(.pledge, id: id, pledge.labels, session)
    if let conditionEvidence = pledge.condition?.evidenceID, conditionEvidence != 0 {
      stored.condition?.evidenceID = try resolve(conditionEvidence, newIDs)
      try await session.execute("UPDATE pledge SET condition_evidence_id = ? WHERE id = ?", [stored.condition!.evidenceID, id])
    }
    stored.mergedIDs = []
    let encoded = Data(stored.serializedBytes())
    try await session.execute("UPDATE pledge SET snapshot = ?, snapshot_format = ? WHERE id = ?", [encoded, snapshotFormat, id])
    return Stored(pledge: stored, encoded: encoded)
  }

  /// Writes what changed from `current` (read as `record`) to `next`, then the snapshot; recorded evidence and
  /// history are never rewritten. Returns the pledge as stored.
  static func update(_ record: PledgeRecord, from current: Pledge, to next: Pledge, _ context: WriteContext, _ session: PostgresSession) async throws -> Stored {
    let id = current.id
    let recorded = Set(current.evidence.map(\.id))
    guard Set(next.evidence.filter { $0.id > 0 }.map(\.id)) == recorded else {
      throw RPCError(.internal, "a revision of pledge \(id) may add evidence but not remove or renumber it")
    }
    guard next.history.count >= current.history.count else {
      throw RPCError(.internal, "a revision of pledge \(id) may append to the history but not remove from it")
    }
    let newIDs = try await insertEvidence(next.evidence.filter { $0.id <= 0 }, pledgeID: id, context, session).newIDs
    var parties = next.parties
    for index in parties.indices where parties[index].optOutEvidenceID < 0 {
      parties[index].optOutEvidenceID = try resolve(parties[index].optOutEvidenceID, newIDs)
    }
    if parties != current.parties {
      try await session.execute("DELETE FROM party WHERE pledge_id = ?", [id])
      _ = try await insertParties(parties, pledgeID: id, [:], session)
    }
    for change in next.history.dropFirst(current.history.count) {
      _ = try await insertChange(change, pledgeID: id, newIDs, [:], context, session)
    }
    if next.labels != current.labels {
      try await PostgresLabels.replace(.pledge, id: id, with: next.labels, session)
    }
    var row = PledgeRecord(next)
    row.id = id
    row.snapshot = record.snapshot
    row.snapshotFormat = record.snapshotFormat
    if let conditionEvidence = next.condition?.evidenceID, conditionEvidence < 0 {
      row.conditionEvidenceID = try resolve(conditionEvidence, newIDs)
    }
    try await session.updateChanges(row, from: record, id: id)
    let refreshed = try await refresh(id, session)
    return Stored(pledge: refreshed.pledge, encoded: refreshed.encoded)
  }

  private static func insertEvidence(
    _ evidence: [Evidence], pledgeID: Int64, _ context: WriteContext, _ session: PostgresSession
  ) async throws -> (stored: [Evidence], newIDs: [Int64: Int64]) {
    var newIDs: [Int64: Int64] = [:]
    var stored: [Evidence] = []
    for item in evidence {
      var kept = item
      if kept.addedAtMs == 0 { kept.addedAtMs = context.now }
      if kept.addedBy.isEmpty { kept.addedBy = context.principal }
      var record = EvidenceRecord(kept, pledgeID: pledgeID)
      record.id = try await session.insert(record, returning: "id")
      if item.id < 0 {
        newIDs[item.id] = record.id!
      }
      stored.append(try record.evidence)
    }
    return (stored, newIDs)
  }

  private static func insertParties(_ parties: [PledgeParty], pledgeID: Int64, _ newIDs: [Int64: Int64], _ session: PostgresSession) async throws -> [PledgeParty] {
    var seen = Set<[Int64]>()
    var stored: [PledgeParty] = []
    for (position, party) in parties.enumerated() where seen.insert([party.actorID, Int64(party.role.rawValue)]).inserted {
      var kept = party
      if kept.optOutEvidenceID < 0 {
        kept.optOutEvidenceID = try resolve(kept.optOutEvidenceID, newIDs)
      }
      let record = PartyRecord(kept, pledgeID: pledgeID, position: position)
      try await session.insert(record)
      stored.append(try record.party)
    }
    return stored
  }

  private static func insertChange(
    _ change: StatusChange, pledgeID: Int64, _ newIDs: [Int64: Int64], _ evidence: [Int64: Evidence], _ context: WriteContext, _ session: PostgresSession
  ) async throws -> StatusChange {
    var stored = change
    if let cited = stored.evidence, cited.id < 0 {
      stored.evidence?.id = try resolve(cited.id, newIDs)
    }
    if stored.recordedAtMs == 0 { stored.recordedAtMs = context.now }
    if stored.changedBy.isEmpty { stored.changedBy = context.principal }
    var record = StatusChangeRecord(stored, pledgeID: pledgeID)
    record.id = try await session.insert(record, returning: "id")
    return try record.change(evidence: evidence)
  }

  private static func resolve(_ id: Int64, _ newIDs: [Int64: Int64]) throws -> Int64 {
    guard id < 0 else { return id }
    guard let resolved = newIDs[id] else {
      throw RPCError(.internal, "a reference to new evidence \(id) that the change does not add")
    }
    return resolved
  }
}
