import Foundation
import GRDB
import PledgewireWire

/// A row of `mention`: a place in an article's body where an actor is named, in the article's order.
struct MentionRecord: FetchableRecord, PersistableRecord, ColumnRecord, Equatable {
  static let databaseTableName = "mention"

  var articleID: Int64
  var actorID: Int64
  var position: Int64
  var rangeStart: Int64
  var rangeEnd: Int64
  var surfaceText: String
  var confidence: Double
  var extra: Data?

  init(row: Row) throws {
    articleID = row["article_id"]
    actorID = row["actor_id"]
    position = row["position"]
    rangeStart = row["range_start"]
    rangeEnd = row["range_end"]
    surfaceText = row["surface_text"]
    confidence = row["confidence"]
    extra = row["extra"]
  }

  init(_ mention: ActorMention, articleID: Int64, position: Int) {
    self.articleID = articleID
    actorID = mention.actorID
    self.position = Int64(position)
    rangeStart = Int64(mention.range?.start ?? 0)
    rangeEnd = Int64(mention.range?.end ?? 0)
    surfaceText = mention.surfaceText
    confidence = mention.confidence
    var rest = ActorMention()
    rest.unknownFields = mention.unknownFields
    if let range = mention.range, !range.unknownFields.isEmpty {
      var kept = TextRange()
      kept.unknownFields = range.unknownFields
      rest.range = kept
    }
    extra = StoredMessage.encode(rest)
  }

  /// The columns in the order of ``values``.
  static let columns = ["article_id", "actor_id", "position", "range_start", "range_end", "surface_text", "confidence", "extra"]
  static let insertSQL = insertStatement()

  var values: [(any DatabaseValueConvertible)?] {
    [articleID, actorID, position, rangeStart, rangeEnd, surfaceText, confidence, extra]
  }

  var mention: ActorMention {
    get throws {
      var mention = try StoredMessage.decode(ActorMention.self, extra, empty: ActorMention())
      var range = mention.range ?? TextRange()
      range.start = UInt32(clamping: rangeStart)
      range.end = UInt32(clamping: rangeEnd)
      mention.actorID = actorID
      mention.range = range
      mention.surfaceText = surfaceText
      mention.confidence = confidence
      return mention
    }
  }
}
