import Foundation
import GRDB
import PledgewireStorage
import PledgewireWire

extension PostgresStore {
  public func mergePledges(
    survivorID: Int64, duplicateID: Int64, survivorVersion: Int64?, duplicateVersion: Int64?, _ context: WriteContext
  ) async throws -> PledgeMerge {
    try await write { session in
      guard survivorID != duplicateID else {
        throw RPCError.invalidArgument(field: "duplicate_id", "a pledge cannot be merged into itself")
      }
      try await Self.lockLinks(session)
      _ = try await session.rows("SELECT id FROM pledge WHERE id IN (?, ?) ORDER BY id FOR UPDATE", [min(survivorID, duplicateID), max(survivorID, duplicateID)])
      let (_, survivor) = try await Self.writablePledge(survivorID, survivorVersion, field: "survivor_id", session)
      let (duplicateRecord, duplicate) = try await Self.writablePledge(duplicateID, duplicateVersion, field: "duplicate_id", session)
      for column in ["part_of_id", "supersedes_id"] where try await Self.leads(from: survivorID, to: duplicateID, through: column, session) {
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
          try await session.execute("UPDATE status_change SET evidence_id = ? WHERE evidence_id = ?", [same.id, evidence.id])
          try await session.execute("UPDATE party SET opt_out_evidence_id = ? WHERE opt_out_evidence_id = ?", [same.id, evidence.id])
          try await session.execute("DELETE FROM evidence WHERE id = ?", [evidence.id])
        } else {
          try await session.execute("UPDATE evidence SET pledge_id = ? WHERE id = ?", [survivorID, evidence.id])
          evidenceMoved += 1
        }
      }
      // The duplicate's history joins the survivor's, in the order it was recorded, marked with where it came from.
      try await session.execute("""
        UPDATE status_change SET pledge_id = ?, note = 'pledge ' || CAST(? AS TEXT) || ': ' || note WHERE pledge_id = ?
        """, [survivorID, String(duplicateID), duplicateID])

      // Links to the duplicate, and tombstones merged into it, now name the survivor.
      let linked = try await session.int64s("""
        SELECT id FROM pledge WHERE (part_of_id = ? OR supersedes_id = ?) AND merged_into_id IS NULL AND id <> ? ORDER BY id
        """, [duplicateID, duplicateID, survivorID])
      try await session.execute("UPDATE pledge SET part_of_id = ? WHERE part_of_id = ? AND id <> ?", [survivorID, duplicateID, survivorID])
      try await session.execute("UPDATE pledge SET supersedes_id = ? WHERE supersedes_id = ? AND id <> ?", [survivorID, duplicateID, survivorID])
      let earlier = try await session.int64s("SELECT id FROM pledge WHERE merged_into_id = ? ORDER BY id", [duplicateID])
      try await session.execute("UPDATE pledge SET merged_into_id = ? WHERE merged_into_id = ?", [survivorID, duplicateID])
      for tombstone in earlier {
        try await PostgresPledgeRows.refresh(tombstone, session)
      }

      // The duplicate keeps its terms and parties as a tombstone; its evidence and history now belong to the survivor.
      var tombstone = duplicateRecord
      tombstone.mergedIntoID = survivorID
      tombstone.partOfID = nil
      tombstone.supersedesID = nil
      tombstone.conditionEvidenceID = nil
      tombstone.version += 1
      tombstone.updatedAt = context.now
      try await session.updateChanges(tombstone, from: duplicateRecord, id: duplicateID)
      try await session.execute("UPDATE party SET opt_out_evidence_id = NULL WHERE pledge_id = ?", [duplicateID])
      let moved = try await PostgresPledgeRows.refresh(survivorID, session)
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
      if await Self.linksHold(adopted, session) { next = adopted }
      adopted = next
      adopted.supersedesID = next.supersedesID == 0 ? duplicate.supersedesID : next.supersedesID
      if await Self.linksHold(adopted, session) { next = adopted }
      next.version = survivor.version + 1
      next.updatedAtMs = context.now
      let storedSurvivor = try await PostgresPledgeRows.update(moved.record, from: moved.pledge, to: next, context, session).pledge

      let storedDuplicate = try await PostgresPledgeRows.refresh(duplicateID, session).pledge

      let summary = "merged pledge \(duplicateID) into this: \(evidenceMoved) evidence, \(duplicate.history.count) history entries"
      try await Self.audit(context, .pledge, survivorID, before: survivor.version, after: storedSurvivor.version, summary, session)
      try await Self.audit(context, .pledge, duplicateID, before: duplicate.version, after: storedDuplicate.version, "merged into pledge \(survivorID)", session)
      var events = [
        try await Self.appendEvent(.updated, storedSurvivor, context.now, session),
        try await Self.appendEvent(.merged, storedDuplicate, context.now, session),
      ]
      for pledgeID in linked {
        events.append(try await Self.bumpPledge(pledgeID, kind: .updated, "link to pledge \(duplicateID) moved to pledge \(survivorID), which it was merged into", context, session))
      }
      return PledgeMerge(survivor: storedSurvivor, events: events)
    }
  }

  /// Whether the pledge's links pass ``checkLinks``, checked in a savepoint: a failed statement in PostgreSQL
  /// would otherwise abort the whole transaction.
  static func linksHold(_ pledge: Pledge, _ session: PostgresSession) async -> Bool {
    if case .success = await session.each({ try await checkLinks(pledge, session) }) {
      return true
    }
    return false
  }
}
