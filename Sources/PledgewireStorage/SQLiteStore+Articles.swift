import Foundation
import GRDB
import PledgewireWire

extension SQLiteStore {
  public func insertArticles(_ articles: [Article], _ context: WriteContext) async throws -> [Result<Article, RPCError>] {
    try await write { db in
      articles.map { article in
        Self.each(db) { try Self.insertArticle(article, context, db) }
      }
    }
  }

  public func insertArticle(_ article: Article, candidates: [PledgeCandidate], _ context: WriteContext) async throws -> ArticleWithCandidates {
    try await write { db in
      let stored = try Self.insertArticle(article, context, db)
      let inserted = try candidates.enumerated().map { position, candidate in
        try Self.insertCandidate(candidate, articleID: stored.id, position: position, context, db)
      }
      return ArticleWithCandidates(article: stored, candidates: inserted)
    }
  }

  /// Inserts one article with its mentions, labels and audit entry, inside the caller's transaction.
  static func insertArticle(_ article: Article, _ context: WriteContext, _ db: Database) throws -> Article {
    if let existing = try Int64.fetchOne(try db.cachedStatement(sql: "SELECT id FROM article WHERE canonical_url = ?"), arguments: [article.canonicalURL]) {
      throw RPCError(
        .alreadyExists,
        "article.canonical_url: \(article.canonicalURL) is article \(existing) already",
        details: ErrorDetails(reason: "DUPLICATE_URL", existingID: existing)
      )
    }
    var stored = article
    stored.warnings = []
    stored.id = try ArticleRows.insert(stored, db)
    if let twin = try Row.fetchOne(
      try db.cachedStatement(sql: "SELECT id, canonical_url FROM article WHERE content_hash = ? AND id <> ? ORDER BY id LIMIT 1"),
      arguments: [article.contentHash, stored.id]
    ) {
      let twinID: Int64 = twin["id"]
      stored.warnings = [Warning(
        reason: "SAME_CONTENT", message: "the same body is article \(twinID) (\(twin["canonical_url"] as String))", relatedID: twinID
      )]
    }
    try AuditRecord.append(context, .article, stored.id, before: 0, after: 1, "created: \(article.canonicalURL)", db)
    return stored
  }

  public func article(id: Int64) async throws -> Article? {
    try await read { db in
      guard let record = try ArticleRecord.fetchOne(try db.cachedStatement(sql: "SELECT * FROM article WHERE id = ?"), arguments: [id]) else {
        return nil
      }
      return try ArticleRows.assemble([record], full: true, db)[0]
    }
  }

  public func articleBodies(ids: Set<Int64>) async throws -> [Int64: String] {
    guard !ids.isEmpty else { return [:] }
    return try await read { db in
      let (list, arguments) = Self.inList(Array(ids))
      let rows = try Row.fetchAll(try db.cachedStatement(sql: "SELECT id, body FROM article WHERE id IN \(list)"), arguments: arguments)
      return Dictionary(rows.map { ($0["id"] as Int64, $0["body"] as String) }, uniquingKeysWith: { first, _ in first })
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
    if let label = query.label {
      conditions.append("id IN (SELECT article_id FROM article_label WHERE label = ?)")
      arguments.append(label)
    }
    if let cursor = query.after {
      conditions.append("(published_at, id) < (?, ?)")
      arguments.append(cursor.at)
      arguments.append(cursor.id)
    }
    arguments.append(query.limit)
    let sql = """
      SELECT \(query.includeBody ? "*" : ArticleRecord.columnsWithoutBody) FROM article
      \(conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND "))
      ORDER BY published_at DESC, id DESC LIMIT ?
      """
    return (sql, arguments.map(\.databaseValue))
  }

  public func listArticles(_ query: ArticleQuery) async throws -> [Article] {
    let (sql, arguments) = Self.articleListStatement(query)
    let full = query.includeBody
    let maxBodyBytes = query.maxBodyBytes ?? .max
    return try await read { db in
      // Row by row, so that a page of large bodies stops at its byte budget rather than reading every row first.
      var records: [ArticleRecord] = []
      var bodyBytes = 0
      let cursor = try ArticleRecord.fetchCursor(try db.cachedStatement(sql: sql), arguments: StatementArguments(arguments))
      while bodyBytes < maxBodyBytes, let record = try cursor.next() {
        records.append(record)
        bodyBytes += record.body.utf8.count
      }
      return try ArticleRows.assemble(records, full: full, db)
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

  public func deleteArticle(id: Int64, force: Bool, _ context: WriteContext) async throws -> ArticleDeletion {
    try await write { db in
      guard try Bool.fetchOne(try db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM article WHERE id = ?)"), arguments: [id]) == true else {
        throw RPCError(.notFound, "article \(id) does not exist")
      }
      let citing = try Row.fetchAll(try db.cachedStatement(sql: "SELECT id, pledge_id FROM evidence WHERE article_id = ? ORDER BY pledge_id, id"), arguments: [id])
      let pledgeIDs = Array(Set(citing.map { $0["pledge_id"] as Int64 })).sorted()
      if !citing.isEmpty && !force {
        throw RPCError(
          .failedPrecondition,
          "article \(id) is cited by \(citing.count) pieces of evidence (pledges \(pledgeIDs.map(String.init).joined(separator: ", "))); delete with force to remove them too",
          details: ErrorDetails(reason: "ARTICLE_CITED")
        )
      }
      var events: [PledgeEvent] = []
      for pledgeID in pledgeIDs {
        events.append(try Self.removeEvidence(of: id, fromPledge: pledgeID, context, db))
      }
      try db.cachedStatement(sql: "DELETE FROM article WHERE id = ?").execute(arguments: [id])
      let summary = citing.isEmpty ? "deleted" : "deleted with \(citing.count) pieces of evidence citing it"
      try AuditRecord.append(context, .article, id, before: 1, after: 0, summary, db)
      return ArticleDeletion(evidenceDeleted: citing.count, events: events)
    }
  }

  /// Deletes a pledge's evidence from `articleID`, noting the removal in the history entries that cited it and
  /// clearing the condition and opt-outs it supported; a new version with an UPDATED event.
  static func removeEvidence(of articleID: Int64, fromPledge pledgeID: Int64, _ context: WriteContext, _ db: Database) throws -> PledgeEvent {
    let evidenceIDs = try Int64.fetchAll(try db.cachedStatement(sql: "SELECT id FROM evidence WHERE pledge_id = ? AND article_id = ?"), arguments: [pledgeID, articleID])
    let (list, arguments) = inList(evidenceIDs)
    try db.cachedStatement(sql: "UPDATE status_change SET note = note || (CASE WHEN note = '' THEN '' ELSE ' ' END) || ? WHERE evidence_id IN \(list)")
      .execute(arguments: ["(evidence removed with article \(articleID))"] + arguments)
    try db.cachedStatement(sql: "UPDATE party SET opt_out_evidence_id = NULL WHERE opt_out_evidence_id IN \(list)").execute(arguments: arguments)
    try db.cachedStatement(sql: "UPDATE pledge SET condition_evidence_id = NULL WHERE condition_evidence_id IN \(list)").execute(arguments: arguments)
    try db.cachedStatement(sql: "DELETE FROM evidence WHERE pledge_id = ? AND article_id = ?").execute(arguments: [pledgeID, articleID])
    return try bumpPledge(pledgeID, kind: .updated, "evidence from article \(articleID) removed with the article", context, db)
  }
}
