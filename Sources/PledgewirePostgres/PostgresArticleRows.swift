import GRDB
import PledgewireStorage
import PledgewireWire

/// Articles to and from their rows on PostgreSQL: `article`, `mention` and `article_label`.
enum PostgresArticleRows {
  /// Whole articles for rows of `article` (bodies and mentions only when `full`), in the same order.
  static func assemble(_ records: [ArticleRecord], full: Bool, _ session: PostgresSession) async throws -> [Article] {
    guard !records.isEmpty else { return [] }
    let ids = records.compactMap(\.id)
    var mentions: [Int64: [ActorMention]] = [:]
    if full {
      let (list, arguments) = PostgresStore.inList(ids)
      for row in try await session.rows("SELECT * FROM mention WHERE article_id IN \(list) ORDER BY article_id, position", arguments) {
        let record = try MentionRecord(row: row)
        mentions[record.articleID, default: []].append(try record.mention)
      }
    }
    let labels = try await PostgresLabels.labels(.article, ids: ids, session)
    return try records.map { record in
      try record.article(mentions: mentions[record.id ?? 0] ?? [], labels: labels[record.id ?? 0] ?? [])
    }
  }

  /// Inserts an article with its mentions and labels; returns its id.
  static func insert(_ article: Article, _ session: PostgresSession) async throws -> Int64 {
    let record = ArticleRecord(article)
    guard let id = try await session.insert(record, returning: "id") else {
      throw RPCError(.internal, "the database returned no id for a new article")
    }
    for (position, mention) in article.mentions.enumerated() {
      try await session.insert(MentionRecord(mention, articleID: id, position: position))
    }
    try await PostgresLabels.insert(.article, id: id, article.labels, session)
    return id
  }
}
