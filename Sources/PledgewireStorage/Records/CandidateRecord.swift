import Foundation
import GRDB
import PledgewireWire

/// A row of `candidate`: a pledge the extractor proposed from an article, and its review. The columns hold what is
/// queried or changed by review; the rest of the candidate (parties, action, figures, rules) is `extra`.
struct CandidateRecord: FetchableRecord, PersistableRecord, ColumnRecord, Equatable {
  static let databaseTableName = "candidate"

  var id: Int64?
  var articleID: Int64
  var position: Int64
  var state: Int32
  var confidence: Double
  var quote: String
  var rangeStart: Int64
  var rangeEnd: Int64
  var extractor: String
  var createdAt: Int64
  var version: Int64
  var pledgeID: Int64?
  var attached: Bool
  var rejectionReason: Int32
  var rejectionNote: String
  var reviewedBy: String
  var reviewedAt: Int64
  var extra: Data?

  init(row: Row) throws {
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

  init(_ candidate: PledgeCandidate, position: Int) {
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
  static let columns = [
    "id", "article_id", "position", "state", "confidence", "quote", "range_start", "range_end", "extractor", "created_at",
    "version", "pledge_id", "attached", "rejection_reason", "rejection_note", "reviewed_by", "reviewed_at", "extra",
  ]
  static let insertSQL = insertStatement()

  var values: [(any DatabaseValueConvertible)?] {
    [
      id, articleID, position, state, confidence, quote, rangeStart, rangeEnd, extractor, createdAt,
      version, pledgeID, attached, rejectionReason, rejectionNote, reviewedBy, reviewedAt, extra,
    ]
  }

  var candidate: PledgeCandidate {
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
