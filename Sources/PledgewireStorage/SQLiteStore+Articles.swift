import Foundation
import GRDB
import PledgewireWire

extension SQLiteStore {
  public func insertArticles(_ articles: [Article]) async throws -> [Result<Article, RPCError>] {
    try await write { db in
      articles.map { article in
        Self.each(db) {
          if let existing = try Int64.fetchOne(try db.cachedStatement(sql: "SELECT id FROM article WHERE canonical_url = ?"), arguments: [article.canonicalURL]) {
            throw RPCError(
              .alreadyExists,
              "article.canonical_url: \(article.canonicalURL) is article \(existing) already",
              details: ErrorDetails(reason: "DUPLICATE_URL", existingID: existing)
            )
          }
          var meta = article
          meta.body = ""
          try db.cachedStatement(sql: "INSERT INTO article (canonical_url, outlet, published_at, title, body, meta) VALUES (?, ?, ?, ?, ?, x'')").execute(arguments: [article.canonicalURL, article.outlet, article.publishedAtMs, article.title, article.body])
          meta.id = db.lastInsertedRowID
          try db.cachedStatement(sql: "UPDATE article SET meta = ? WHERE id = ?").execute(arguments: [Self.blob(meta), meta.id])
          for actorID in Set(article.mentions.map(\.actorID)) {
            try db.cachedStatement(sql: "INSERT INTO mention (article_id, actor_id) VALUES (?, ?)").execute(arguments: [meta.id, actorID])
          }
          var stored = article
          stored.id = meta.id
          return stored
        }
      }
    }
  }

  public func article(id: Int64) async throws -> Article? {
    try await read { db in
      guard let row = try Row.fetchOne(try db.cachedStatement(sql: "SELECT meta, body FROM article WHERE id = ?"), arguments: [id]) else {
        return nil
      }
      var article = try Self.decode(Article.self, row["meta"])
      article.body = row["body"]
      return article
    }
  }

  public func articleBodies(ids: Set<Int64>) async throws -> [Int64: String] {
    guard !ids.isEmpty else { return [:] }
    return try await read { db in
      let rows = try Row.fetchAll(try db.cachedStatement(sql: "SELECT id, body FROM article WHERE id IN (\(Self.placeholders(ids.count)))"),
        arguments: StatementArguments(Array(ids))
      )
      return Dictionary(uniqueKeysWithValues: rows.map { ($0["id"] as Int64, $0["body"] as String) })
    }
  }

  /// The statement ``listArticles(_:)`` runs for `query`.
  static func articleListStatement(_ query: ArticleQuery) -> (sql: String, arguments: [DatabaseValue]) {
    var conditions: [String] = []
    var arguments: [any DatabaseValueConvertible] = []
    if let outlet = query.outlet {
      conditions.append("outlet = ?")
      arguments.append(outlet)
    }
    if let after = query.publishedAfter {
      conditions.append("published_at >= ?")
      arguments.append(after)
    }
    if let before = query.publishedBefore {
      conditions.append("published_at < ?")
      arguments.append(before)
    }
    if let actorID = query.mentionsActorID {
      conditions.append("id IN (SELECT article_id FROM mention WHERE actor_id = ?)")
      arguments.append(actorID)
    }
    if let cursor = query.after {
      conditions.append("(published_at, id) < (?, ?)")
      arguments.append(cursor.at)
      arguments.append(cursor.id)
    }
    arguments.append(query.limit)
    let sql = """
      SELECT meta\(query.includeBody ? ", body" : "") FROM article
      \(conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND "))
      ORDER BY published_at DESC, id DESC LIMIT ?
      """
    return (sql, arguments.map(\.databaseValue))
  }

  public func listArticles(_ query: ArticleQuery) async throws -> [Article] {
    let (sql, arguments) = Self.articleListStatement(query)
    let includeBody = query.includeBody
    return try await read { db in
      try Row.fetchAll(try db.cachedStatement(sql: sql), arguments: StatementArguments(arguments)).map { row in
        var article = try Self.decode(Article.self, row["meta"])
        if includeBody {
          article.body = row["body"]
        }
        return article
      }
    }
  }

  /// The query plan SQLite chooses for ``listArticles(_:)`` with `query`.
  public func explainListArticles(_ query: ArticleQuery) async throws -> [String] {
    let (sql, arguments) = Self.articleListStatement(query)
    return try await explain(sql, arguments)
  }

  public func searchArticles(_ query: ArticleSearchQuery) async throws -> [SearchHit] {
    var conditions = ["article_fts MATCH ?"]
    var arguments: [any DatabaseValueConvertible] = [query.match]
    if let after = query.publishedAfter {
      conditions.append("a.published_at >= ?")
      arguments.append(after)
    }
    if let before = query.publishedBefore {
      conditions.append("a.published_at < ?")
      arguments.append(before)
    }
    arguments.append(query.limit)
    arguments.append(query.offset)
    let sql = """
      SELECT a.id, a.title, a.outlet, a.published_at,
             snippet(article_fts, 1, '[', ']', '…', 16) AS snippet,
             bm25(article_fts, 4.0, 1.0) AS rank
      FROM article_fts JOIN article a ON a.id = article_fts.rowid
      WHERE \(conditions.joined(separator: " AND "))
      ORDER BY rank, a.id LIMIT ? OFFSET ?
      """
    let argumentList = arguments.map(\.databaseValue)
    do {
      return try await read { db in
        try Row.fetchAll(try db.cachedStatement(sql: sql), arguments: StatementArguments(argumentList)).map { row in
          SearchHit(
            articleID: row["id"], title: row["title"], outlet: row["outlet"], publishedAtMs: row["published_at"],
            snippet: (row["snippet"] as String).split(whereSeparator: \.isWhitespace).joined(separator: " "),
            score: -(row["rank"] as Double)
          )
        }
      }
    } catch let error as RPCError where error.code == .internal && error.message.contains("fts5") {
      throw RPCError.invalidArgument(field: "query", "not a valid search: \(error.message)")
    }
  }

  public func deleteArticle(id: Int64, force: Bool) async throws -> Int {
    try await write { db in
      guard try Bool.fetchOne(try db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM article WHERE id = ?)"), arguments: [id]) == true else {
        throw RPCError(.notFound, "article \(id) does not exist")
      }
      let citing = try Row.fetchAll(try db.cachedStatement(sql: "SELECT id, pledge_id FROM evidence WHERE article_id = ?"), arguments: [id])
      if !citing.isEmpty && !force {
        let pledges = Set(citing.map { $0["pledge_id"] as Int64 }).sorted().map(String.init).joined(separator: ", ")
        throw RPCError(
          .failedPrecondition,
          "article \(id) is cited by \(citing.count) pieces of evidence (pledges \(pledges)); delete with force to remove them too",
          details: ErrorDetails(reason: "ARTICLE_CITED")
        )
      }
      for pledgeID in Set(citing.map { $0["pledge_id"] as Int64 }) {
        try Self.removeEvidence(of: id, fromPledge: pledgeID, db)
      }
      try db.cachedStatement(sql: "DELETE FROM evidence WHERE article_id = ?").execute(arguments: [id])
      try db.cachedStatement(sql: "DELETE FROM article WHERE id = ?").execute(arguments: [id])
      return citing.count
    }
  }

  /// Takes the evidence from `articleID` out of a pledge's record, and out of its history entries.
  static func removeEvidence(of articleID: Int64, fromPledge pledgeID: Int64, _ db: Database) throws {
    guard let data = try Data.fetchOne(try db.cachedStatement(sql: "SELECT data FROM pledge WHERE id = ?"), arguments: [pledgeID]) else { return }
    var pledge = try decode(Pledge.self, data)
    pledge.evidence.removeAll { $0.articleID == articleID }
    for index in pledge.history.indices where pledge.history[index].evidence?.articleID == articleID {
      pledge.history[index].evidence = nil
      pledge.history[index].note += (pledge.history[index].note.isEmpty ? "" : " ") + "(evidence removed with article \(articleID))"
    }
    pledge.version += 1
    try db.cachedStatement(sql: "UPDATE pledge SET data = ?, version = ? WHERE id = ?").execute(arguments: [blob(pledge), pledge.version, pledgeID])
  }

  static func placeholders(_ count: Int) -> String {
    Array(repeating: "?", count: count).joined(separator: ", ")
  }
}
