import Foundation
import GRDB
import PledgewireWire

/// A row of `article`. Mentions and labels live in their own tables; the fields this build does not know are in
/// `extra`. The FTS5 index `article_fts` reads title and body from here.
struct ArticleRecord: FetchableRecord, MutablePersistableRecord, ColumnRecord, Equatable {
  static let databaseTableName = "article"

  var id: Int64?
  var canonicalURL: String
  var submittedURL: String
  var contentHash: String
  var title: String
  var outlet: String
  var byline: String
  var language: String
  var publishedAt: Int64
  var dateline: String
  /// Empty when read without the body.
  var body: String
  var ingestedAt: Int64
  var extra: Data?

  init(row: Row) throws {
    id = row["id"]
    canonicalURL = row["canonical_url"]
    submittedURL = row["submitted_url"]
    contentHash = row["content_hash"]
    title = row["title"]
    outlet = row["outlet"]
    byline = row["byline"]
    language = row["language"]
    publishedAt = row["published_at"]
    dateline = row["dateline"]
    body = row.hasColumn("body") ? row["body"] : ""
    ingestedAt = row["ingested_at"]
    extra = row["extra"]
  }

  /// The columns in the order of ``values``.
  static let columns = ["id", "canonical_url", "submitted_url", "content_hash", "title", "outlet", "byline", "language", "published_at", "dateline", "body", "ingested_at", "extra"]
  static let insertSQL = insertStatement()

  var values: [(any DatabaseValueConvertible)?] {
    [id, canonicalURL, submittedURL, contentHash, title, outlet, byline, language, publishedAt, dateline, body, ingestedAt, extra]
  }

  mutating func didInsert(_ inserted: InsertionSuccess) {
    id = inserted.rowID
  }

  /// Every column but the body, for lists that leave bodies out.
  static let columnsWithoutBody =
    "id, canonical_url, submitted_url, content_hash, title, outlet, byline, language, published_at, dateline, ingested_at, extra"

  init(_ article: Article) {
    id = article.id > 0 ? article.id : nil
    canonicalURL = article.canonicalURL
    submittedURL = article.submittedURL
    contentHash = article.contentHash
    title = article.title
    outlet = article.outlet
    byline = article.byline
    language = article.language
    publishedAt = article.publishedAtMs
    dateline = article.dateline
    body = article.body
    ingestedAt = article.ingestedAtMs
    var rest = Article()
    rest.unknownFields = article.unknownFields
    extra = StoredMessage.encode(rest)
  }

  func article(mentions: [ActorMention], labels: [String]) throws -> Article {
    var article = try StoredMessage.decode(Article.self, extra, empty: Article())
    article.id = id ?? 0
    article.canonicalURL = canonicalURL
    article.submittedURL = submittedURL
    article.contentHash = contentHash
    article.title = title
    article.outlet = outlet
    article.byline = byline
    article.language = language
    article.publishedAtMs = publishedAt
    article.dateline = dateline
    article.body = body
    article.ingestedAtMs = ingestedAt
    article.mentions = mentions
    article.labels = labels
    return article
  }
}
