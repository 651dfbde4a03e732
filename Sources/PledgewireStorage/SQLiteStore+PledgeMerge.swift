import Foundation
import GRDB
import PledgewireWire

extension SQLiteStore {
  public func mergePledges(
    survivorID: Int64, duplicateID: Int64, survivorVersion: Int64?, duplicateVersion: Int64?, _ context: WriteContext
  ) async throws -> PledgeMerge {
    try await write { db in
      guard survivorID != duplicateID else {
        throw RPCError.invalidArgument(field: "duplicate_id", "a pledge cannot be merged into itself")
      }
      let (_, survivor) = try Self.writablePledge(survivorID, survivorVersion, field: "survivor_id", db)
      let (duplicateRecord, duplicate) = try Self.writablePledge(duplicateID, duplicateVersion, field: "duplicate_id", db)
      for column in ["part_of_id", "supersedes_id"] where try Self.leads(from: survivorID, to: duplicateID, through: column, db) {
        throw RPCError(
          .failedPrecondition,
          "pledge \(survivorID) belongs to pledge \(duplicateID) through \(column): merging them would link the survivor to itself",
          details: ErrorDetails(reason: "MERGE_CYCLE")
        )
      }

      // Evidence moves to the survivor, except quotes the survivor has already (same article, same place): the
      // duplicate's references to those move to the survivor's copy.
      var evidenceMoved = 0
      var replaced: [Int64: Int64] = [:]
      for evidence in duplicate.evidence {
        if let same = survivor.evidence.first(where: { $0.articleID == evidence.articleID && $0.range == evidence.range }) {
          replaced[evidence.id] = same.id
          try db.execute(sql: "UPDATE status_change SET evidence_id = ? WHERE evidence_id = ?", arguments: [same.id, evidence.id])
          try db.execute(sql: "UPDATE party SET opt_out_evidence_id = ? WHERE opt_out_evidence_id = ?", arguments: [same.id, evidence.id])
          try db.execute(sql: "DELETE FROM evidence WHERE id = ?", arguments: [evidence.id])
        } else {
          try db.execute(sql: "UPDATE evidence SET pledge_id = ? WHERE id = ?", arguments: [survivorID, evidence.id])
          evidenceMoved += 1
        }
      }
      // The duplicate's history joins the survivor's, in the order it was recorded, marked with where it came from.
      try db.execute(sql: """
        UPDATE status_change SET pledge_id = ?, note = 'pledge ' || ? || ': ' || note WHERE pledge_id = ?
        """, arguments: [survivorID, duplicateID, duplicateID])

      // Links to the duplicate, and tombstones merged into it, now name the survivor.
      let linked = try Int64.fetchAll(db, sql: """
        SELECT id FROM pledge WHERE (part_of_id = ? OR supersedes_id = ?) AND merged_into_id IS NULL AND id <> ? ORDER BY id
        """, arguments: [duplicateID, duplicateID, survivorID])
      try db.execute(sql: "UPDATE pledge SET part_of_id = ? WHERE part_of_id = ? AND id <> ?", arguments: [survivorID, duplicateID, survivorID])
      try db.execute(sql: "UPDATE pledge SET supersedes_id = ? WHERE supersedes_id = ? AND id <> ?", arguments: [survivorID, duplicateID, survivorID])
      let earlier = try Int64.fetchAll(db, sql: "SELECT id FROM pledge WHERE merged_into_id = ?", arguments: [duplicateID])
      try db.execute(sql: "UPDATE pledge SET merged_into_id = ? WHERE merged_into_id = ?", arguments: [survivorID, duplicateID])
      for tombstone in earlier {
        try PledgeRows.refresh(tombstone, db)
      }

      // The duplicate keeps its terms and parties as a tombstone; its evidence and history now belong to the survivor.
      var tombstone = duplicateRecord
      tombstone.mergedIntoID = survivorID
      tombstone.partOfID = nil
      tombstone.supersedesID = nil
      tombstone.conditionEvidenceID = nil
      tombstone.version += 1
      tombstone.updatedAt = context.now
      try tombstone.updateChanges(db, from: duplicateRecord)
      try db.execute(sql: "UPDATE party SET opt_out_evidence_id = NULL WHERE pledge_id = ?", arguments: [duplicateID])
      let moved = try PledgeRows.refresh(survivorID, db)
      var next = moved.pledge
      for var party in duplicate.parties where !next.parties.contains(where: { $0.actorID == party.actorID && $0.role == party.role }) {
        party.optOutEvidenceID = replaced[party.optOutEvidenceID] ?? party.optOutEvidenceID
        next.parties.append(party)
      }
      next.labels += duplicate.labels.filter { !next.labels.contains($0) }
      next.makersIncomplete = next.makersIncomplete || duplicate.makersIncomplete
      // The duplicate's links are adopted where the survivor has none, unless that would make a cycle.
      var adopted = next
      adopted.partOfID = next.partOfID == 0 ? duplicate.partOfID : next.partOfID
      if (try? Self.checkLinks(adopted, db)) != nil { next = adopted }
      adopted = next
      adopted.supersedesID = next.supersedesID == 0 ? duplicate.supersedesID : next.supersedesID
      if (try? Self.checkLinks(adopted, db)) != nil { next = adopted }
      next.version = survivor.version + 1
      next.updatedAtMs = context.now
      let storedSurvivor = try PledgeRows.update(moved.record, from: moved.pledge, to: next, context, db).pledge

      let storedDuplicate = try PledgeRows.refresh(duplicateID, db).pledge

      let summary = "merged pledge \(duplicateID) into this: \(evidenceMoved) evidence, \(duplicate.history.count) history entries"
      try AuditRecord.append(context, .pledge, survivorID, before: survivor.version, after: storedSurvivor.version, summary, db)
      try AuditRecord.append(context, .pledge, duplicateID, before: duplicate.version, after: storedDuplicate.version, "merged into pledge \(survivorID)", db)
      var events = [
        try Self.appendEvent(.updated, storedSurvivor, context.now, db),
        try Self.appendEvent(.merged, storedDuplicate, context.now, db),
      ]
      for pledgeID in linked {
        events.append(try Self.bumpPledge(pledgeID, kind: .updated, "link to pledge \(duplicateID) moved to pledge \(survivorID), which it was merged into", context, db))
      }
      return PledgeMerge(survivor: storedSurvivor, events: events)
    }
  }

  /// Whether following `column` from pledge `from` reaches pledge `to`.
  static func leads(from: Int64, to: Int64, through column: String, _ db: Database) throws -> Bool {
    try Bool.fetchOne(db, sql: """
      WITH RECURSIVE chain(id, depth) AS (
        SELECT \(column), 0 FROM pledge WHERE id = ?
        UNION
        SELECT p.\(column), c.depth + 1 FROM pledge p JOIN chain c ON p.id = c.id WHERE p.\(column) IS NOT NULL AND c.depth < 10000
      )
      SELECT EXISTS (SELECT 1 FROM chain WHERE id = ?)
      """, arguments: [from, to]) ?? false
  }
}
