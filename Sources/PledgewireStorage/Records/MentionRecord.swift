import Foundation
import GRDB
import PledgewireWire

/// A row of `mention`: a place in an article's body where an actor is named, in the article's order.
package struct MentionRecord: FetchableRecord, PersistableRecord, ColumnRecord, Equatable {
  package static let databaseTableName = "mention"

  package var articleID: Int64
  package var actorID: Int64
  package var position: Int64
  package var rangeStart: Int64
  package var rangeEnd: Int64
  package var surfaceText: String
  package var confidence: Double
  package var extra: Data?

  package init(row: Row) throws {
    articleID = row["article_id"]
    actorID = row["actor_id"]
    position = row["position"]
    rangeStart = row["range_start"]
    rangeEnd = row["range_end"]
    surfaceText = row["surface_text"]
    confidence = row["confidence"]
    extra = row["extra"]
  }

  package init(_ mention: ActorMention, articleID: Int64, position: Int) {
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
  package static let columns = ["article_id", "actor_id", "position", "range_start", "range_end", "surface_text", "confidence", "extra"]
  package static let insertSQL = insertStatement()

  package var values: [(any DatabaseValueConvertible)?] {
    [articleID, actorID, position, rangeStart, rangeEnd, surfaceText, confidence, extra]
  }

  package var mention: ActorMention {
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
