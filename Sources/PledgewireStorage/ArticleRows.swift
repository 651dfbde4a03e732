import Foundation
import GRDB
import PledgewireWire

/// Articles to and from their rows: `article`, `mention` and `article_label`.
enum ArticleRows {
  /// Whole articles for rows of `article` (bodies and mentions only when `full`), in the same order.
  static func assemble(_ records: [ArticleRecord], full: Bool, _ db: Database) throws -> [Article] {
    guard !records.isEmpty else { return [] }
    let ids = records.compactMap(\.id)
    var mentions: [Int64: [ActorMention]] = [:]
    if full {
      let (list, arguments) = SQLiteStore.inList(ids)
      for record in try MentionRecord.fetchAll(try db.cachedStatement(sql: "SELECT * FROM mention WHERE article_id IN \(list) ORDER BY article_id, position"), arguments: arguments) {
        mentions[record.articleID, default: []].append(try record.mention)
      }
    }
    let labels = try LabelRecord.labels(.article, ids: ids, db)
    return try records.map { record in
      try record.article(mentions: mentions[record.id ?? 0] ?? [], labels: labels[record.id ?? 0] ?? [])
    }
  }

  /// Inserts an article (keeping its id when it has one) with its mentions and labels; returns its id.
  static func insert(_ article: Article, _ db: Database) throws -> Int64 {
    var record = ArticleRecord(article)
    record.id = try record.insertRow(db)
    let id = record.id!
    for (position, mention) in article.mentions.enumerated() {
      try MentionRecord(mention, articleID: id, position: position).insertRow(db)
    }
    try LabelRecord.insert(.article, id: id, article.labels, db)
    return id
  }
}
