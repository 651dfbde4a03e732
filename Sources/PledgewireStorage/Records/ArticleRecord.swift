import Foundation
import GRDB
import PledgewireWire

/// A row of `article`. Mentions and labels live in their own tables; the fields this build does not know are in
/// `extra`. The FTS5 index `article_fts` reads title and body from here.
package struct ArticleRecord: FetchableRecord, MutablePersistableRecord, ColumnRecord, Equatable {
  package static let databaseTableName = "article"

  package var id: Int64?
  package var canonicalURL: String
  package var submittedURL: String
  package var contentHash: String
  package var title: String
  package var outlet: String
  package var byline: String
  package var language: String
  package var publishedAt: Int64
  package var dateline: String
  /// Empty when read without the body.
  package var body: String
  package var ingestedAt: Int64
  package var extra: Data?

  package init(row: Row) throws {
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
  package static let columns = ["id", "canonical_url", "submitted_url", "content_hash", "title", "outlet", "byline", "language", "published_at", "dateline", "body", "ingested_at", "extra"]
  package static let insertSQL = insertStatement()

  package var values: [(any DatabaseValueConvertible)?] {
    [id, canonicalURL, submittedURL, contentHash, title, outlet, byline, language, publishedAt, dateline, body, ingestedAt, extra]
  }

  package mutating func didInsert(_ inserted: InsertionSuccess) {
    id = inserted.rowID
  }

  /// Every column but the body, for lists that leave bodies out.
  package static let columnsWithoutBody =
    "id, canonical_url, submitted_url, content_hash, title, outlet, byline, language, published_at, dateline, ingested_at, extra"

  package init(_ article: Article) {
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

  package func article(mentions: [ActorMention], labels: [String]) throws -> Article {
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
