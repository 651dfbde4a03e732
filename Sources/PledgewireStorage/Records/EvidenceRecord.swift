import Foundation
import GRDB
import PledgewireWire

/// A row of `evidence`: a quote from an article about a pledge. What this source reported (amount, quantity) and
/// the fields this build does not know are in `extra`.
package struct EvidenceRecord: FetchableRecord, MutablePersistableRecord, ColumnRecord, Equatable {
  package static let databaseTableName = "evidence"

  package var id: Int64?
  package var pledgeID: Int64
  package var articleID: Int64
  package var quote: String
  package var rangeStart: Int64
  package var rangeEnd: Int64
  package var stance: Int32
  package var addedAt: Int64
  package var addedBy: String
  package var partyActorID: Int64?
  package var note: String
  package var extra: Data?

  package init(row: Row) throws {
    id = row["id"]
    pledgeID = row["pledge_id"]
    articleID = row["article_id"]
    quote = row["quote"]
    rangeStart = row["range_start"]
    rangeEnd = row["range_end"]
    stance = row["stance"]
    addedAt = row["added_at"]
    addedBy = row["added_by"]
    partyActorID = row["party_actor_id"]
    note = row["note"]
    extra = row["extra"]
  }

  /// The columns in the order of ``values``.
  package static let columns = ["id", "pledge_id", "article_id", "quote", "range_start", "range_end", "stance", "added_at", "added_by", "party_actor_id", "note", "extra"]
  package static let insertSQL = insertStatement()

  package var values: [(any DatabaseValueConvertible)?] {
    [id, pledgeID, articleID, quote, rangeStart, rangeEnd, stance, addedAt, addedBy, partyActorID, note, extra]
  }

  package mutating func didInsert(_ inserted: InsertionSuccess) {
    id = inserted.rowID
  }

  package init(_ evidence: Evidence, pledgeID: Int64) {
    id = evidence.id > 0 ? evidence.id : nil
    self.pledgeID = pledgeID
    articleID = evidence.articleID
    quote = evidence.quote
    rangeStart = Int64(evidence.range?.start ?? 0)
    rangeEnd = Int64(evidence.range?.end ?? 0)
    stance = evidence.stance.rawValue
    addedAt = evidence.addedAtMs
    addedBy = evidence.addedBy
    partyActorID = evidence.partyActorID > 0 ? evidence.partyActorID : nil
    note = evidence.note
    var rest = Evidence(reportedAmount: evidence.reportedAmount, reportedQuantity: evidence.reportedQuantity)
    rest.unknownFields = evidence.unknownFields
    if let range = evidence.range, !range.unknownFields.isEmpty {
      var kept = TextRange()
      kept.unknownFields = range.unknownFields
      rest.range = kept
    }
    extra = StoredMessage.encode(rest)
  }

  package var evidence: Evidence {
    get throws {
      var evidence = try StoredMessage.decode(Evidence.self, extra, empty: Evidence())
      var range = evidence.range ?? TextRange()
      range.start = UInt32(clamping: rangeStart)
      range.end = UInt32(clamping: rangeEnd)
      evidence.id = id ?? 0
      evidence.articleID = articleID
      evidence.quote = quote
      evidence.range = range
      evidence.stance = EvidenceStance(rawValue: stance)
      evidence.addedAtMs = addedAt
      evidence.addedBy = addedBy
      evidence.partyActorID = partyActorID ?? 0
      evidence.note = note
      return evidence
    }
  }
}
