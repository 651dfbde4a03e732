import Foundation
import GRDB
import PledgewireWire

/// A row of `candidate`: a pledge the extractor proposed from an article, and its review. The columns hold what is
/// queried or changed by review; the rest of the candidate (parties, action, figures, rules) is `extra`.
package struct CandidateRecord: FetchableRecord, PersistableRecord, ColumnRecord, Equatable {
  package static let databaseTableName = "candidate"

  package var id: Int64?
  package var articleID: Int64
  package var position: Int64
  package var state: Int32
  package var confidence: Double
  package var quote: String
  package var rangeStart: Int64
  package var rangeEnd: Int64
  package var extractor: String
  package var createdAt: Int64
  package var version: Int64
  package var pledgeID: Int64?
  package var attached: Bool
  package var rejectionReason: Int32
  package var rejectionNote: String
  package var reviewedBy: String
  package var reviewedAt: Int64
  package var extra: Data?

  package init(row: Row) throws {
    id = row["id"]
    articleID = row["article_id"]
    position = row["position"]
    state = row["state"]
    confidence = row["confidence"]
    quote = row["quote"]
    rangeStart = row["range_start"]
    rangeEnd = row["range_end"]
    extractor = row["extractor"]
    createdAt = row["created_at"]
    version = row["version"]
    pledgeID = row["pledge_id"]
    attached = row["attached"]
    rejectionReason = row["rejection_reason"]
    rejectionNote = row["rejection_note"]
    reviewedBy = row["reviewed_by"]
    reviewedAt = row["reviewed_at"]
    extra = row["extra"]
  }

  package init(_ candidate: PledgeCandidate, position: Int) {
    id = candidate.id == 0 ? nil : candidate.id
    articleID = candidate.articleID
    self.position = Int64(position)
    state = candidate.state.rawValue
    confidence = candidate.confidence
    quote = candidate.quote
    rangeStart = Int64(candidate.range?.start ?? 0)
    rangeEnd = Int64(candidate.range?.end ?? 0)
    extractor = candidate.extractor
    createdAt = candidate.createdAtMs
    version = candidate.version
    pledgeID = candidate.pledgeID == 0 ? nil : candidate.pledgeID
    attached = candidate.attached
    rejectionReason = candidate.rejectionReason.rawValue
    rejectionNote = candidate.rejectionNote
    reviewedBy = candidate.reviewedBy
    reviewedAt = candidate.reviewedAtMs
    var rest = candidate
    rest.id = 0
    rest.articleID = 0
    rest.state = .unspecified
    rest.confidence = 0
    rest.quote = ""
    rest.extractor = ""
    rest.createdAtMs = 0
    rest.version = 0
    rest.pledgeID = 0
    rest.attached = false
    rest.rejectionReason = .unspecified
    rest.rejectionNote = ""
    rest.reviewedBy = ""
    rest.reviewedAtMs = 0
    if let range = candidate.range, !range.unknownFields.isEmpty {
      var kept = TextRange()
      kept.unknownFields = range.unknownFields
      rest.range = kept
    } else {
      rest.range = nil
    }
    extra = StoredMessage.encode(rest)
  }

  /// The columns in the order of ``values``.
  package static let columns = [
    "id", "article_id", "position", "state", "confidence", "quote", "range_start", "range_end", "extractor", "created_at",
    "version", "pledge_id", "attached", "rejection_reason", "rejection_note", "reviewed_by", "reviewed_at", "extra",
  ]
  package static let insertSQL = insertStatement()

  package var values: [(any DatabaseValueConvertible)?] {
    [
      id, articleID, position, state, confidence, quote, rangeStart, rangeEnd, extractor, createdAt,
      version, pledgeID, attached, rejectionReason, rejectionNote, reviewedBy, reviewedAt, extra,
    ]
  }

  package var candidate: PledgeCandidate {
    get throws {
      var candidate = try StoredMessage.decode(PledgeCandidate.self, extra, empty: PledgeCandidate())
      var range = candidate.range ?? TextRange()
      range.start = UInt32(clamping: rangeStart)
      range.end = UInt32(clamping: rangeEnd)
      candidate.id = id ?? 0
      candidate.articleID = articleID
      candidate.state = CandidateState(rawValue: state)
      candidate.confidence = confidence
      candidate.quote = quote
      candidate.range = range
      candidate.extractor = extractor
      candidate.createdAtMs = createdAt
      candidate.version = version
      candidate.pledgeID = pledgeID ?? 0
      candidate.attached = attached
      candidate.rejectionReason = RejectionReason(rawValue: rejectionReason)
      candidate.rejectionNote = rejectionNote
      candidate.reviewedBy = reviewedBy
      candidate.reviewedAtMs = reviewedAt
      return candidate
    }
  }
}
