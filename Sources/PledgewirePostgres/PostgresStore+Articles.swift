import Foundation
import GRDB
import PledgewireStorage
import PledgewireWire

extension PostgresStore {
  public func insertArticles(_ articles: [Article], _ context: WriteContext) async throws -> [Result<Article, RPCError>] {
    try await write { session in
      var results: [Result<Article, RPCError>] = []
      for article in articles {
        results.append(await session.each { try await Self.insertArticle(article, context, session) })
      }
      return results
    }
  }

  /// Inserts one article with its mentions, labels and audit entry, inside the caller's transaction.
  static func insertArticle(_ article: Article, _ context: WriteContext, _ session: PostgresSession) async throws -> Article {
    if let existing = try await session.value(Int64.self, "SELECT id FROM article WHERE canonical_url = ?", [article.canonicalURL]) {
      throw Self.duplicateURL(article.canonicalURL, existing)
    }
    var stored = article
    stored.warnings = []
    do {
      stored.id = try await PostgresArticleRows.insert(stored, session)
    } catch {
      // Another instance inserted the same URL in between.
      let failure = Self.translate(error)
      throw failure.code == .alreadyExists ? Self.duplicateURL(article.canonicalURL, 0) : failure
    }
    if let twin = try await session.rows(
      "SELECT id, canonical_url FROM article WHERE content_hash = ? AND id <> ? ORDER BY id LIMIT 1", [article.contentHash, stored.id]
    ).first {
      let twinID: Int64 = twin["id"]
      stored.warnings = [Warning(
        reason: "SAME_CONTENT", message: "the same body is article \(twinID) (\(twin["canonical_url"] as String))", relatedID: twinID
      )]
    }
    try await Self.audit(context, .article, stored.id, before: 0, after: 1, "created: \(article.canonicalURL)", session)
    return stored
  }

  public func insertArticle(_ article: Article, candidates: [PledgeCandidate], _ context: WriteContext) async throws -> ArticleWithCandidates {
    try await write { session in
      let stored = try await Self.insertArticle(article, context, session)
      var inserted: [PledgeCandidate] = []
      for (position, candidate) in candidates.enumerated() {
        inserted.append(try await Self.insertCandidate(candidate, articleID: stored.id, position: position, context, session))
      }
      return ArticleWithCandidates(article: stored, candidates: inserted)
    }
  }

  /// The columns of ``ArticleRecord`` (not the search vector).
  static let articleColumns = ArticleRecord.columns.joined(separator: ", ")

  static func duplicateURL(_ url: String, _ existing: Int64) -> RPCError {
    RPCError(
      .alreadyExists,
      existing > 0 ? "article.canonical_url: \(url) is article \(existing) already" : "article.canonical_url: \(url) exists already",
      details: ErrorDetails(reason: "DUPLICATE_URL", existingID: existing)
    )
  }

  public func article(id: Int64) async throws -> Article? {
    try await read { session in
      guard let row = try await session.rows("SELECT \(Self.articleColumns) FROM article WHERE id = ?", [id]).first else { return nil }
      return try await PostgresArticleRows.assemble([try ArticleRecord(row: row)], full: true, session)[0]
    }
  }

  public func articleBodies(ids: Set<Int64>) async throws -> [Int64: String] {
    guard !ids.isEmpty else { return [:] }
    let (list, arguments) = Self.inList(Array(ids))
    return try await read(consistent: false) { session in
      let rows = try await session.rows("SELECT id, body FROM article WHERE id IN \(list)", arguments)
      return Dictionary(rows.map { ($0["id"] as Int64, $0["body"] as String) }, uniquingKeysWith: { first, _ in first })
    }
  }

  public func listArticles(_ query: ArticleQuery) async throws -> [Article] {
    let (sql, arguments) = Self.articleListStatement(query)
    let full = query.includeBody
    return try await read { session in
      let records = try await session.rows(sql, arguments).map { try ArticleRecord(row: $0) }
      return try await PostgresArticleRows.assemble(records, full: full, session)
    }
  }

  /// The statement ``listArticles(_:)`` runs for `query`.
  static func articleListStatement(_ query: ArticleQuery) -> (sql: String, arguments: PostgresSession.Arguments) {
    var conditions: [String] = []
    var arguments: PostgresSession.Arguments = []
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
    arguments.append(Int64(query.limit))
    let columns = query.includeBody ? Self.articleColumns : ArticleRecord.columnsWithoutBody
    let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
    guard query.includeBody, let maxBodyBytes = query.maxBodyBytes else {
      return ("SELECT \(columns) FROM article \(filter) ORDER BY published_at DESC, id DESC LIMIT ?", arguments)
    }
    // A page of bodies ends at its byte budget as SQLite's does (rows are taken while the bodies before them hold
    // fewer bytes), counted by the database, so that rows past the budget are never sent.
    arguments.append(Int64(maxBodyBytes))
    let sql = """
      SELECT \(columns) FROM (
        SELECT \(columns), coalesce(sum(octet_length(body)) OVER (
          ORDER BY published_at DESC, id DESC ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING
        ), 0) AS body_bytes_before
        FROM article \(filter) ORDER BY published_at DESC, id DESC LIMIT ?
      ) page WHERE body_bytes_before < ? ORDER BY published_at DESC, id DESC
      """
    return (sql, arguments)
  }

  /// Full-text search with PostgreSQL's own: the `search` vector (GIN index), the FTS5 expression the domain
  /// builds turned into a `tsquery` (``TextSearchQuery``), `ts_rank` with the title weighted above the body, and
  /// `ts_headline` snippets marked with `[` `]` as SQLite's are.
  public func searchArticles(_ query: ArticleSearchQuery) async throws -> [SearchHit] {
    guard let tsquery = try TextSearchQuery.tsquery(fts5: query.match) else { return [] }
    var conditions = ["a.search @@ q.query"]
    var arguments: PostgresSession.Arguments = [tsquery]
    if let after = query.publishedAfter {
      conditions.append("a.published_at >= ?")
      arguments.append(after)
    }
    if let before = query.publishedBefore {
      conditions.append("a.published_at < ?")
      arguments.append(before)
    }
    arguments.append(Int64(query.limit))
    arguments.append(Int64(query.offset))
    let sql = """
      WITH q AS (SELECT to_tsquery('pledgewire_text', ?) AS query),
      hits AS (
        SELECT a.id, a.title, a.outlet, a.published_at, a.body, ts_rank('{0.1, 0.2, 0.25, 1.0}', a.search, q.query) AS rank
        FROM article a, q WHERE \(conditions.joined(separator: " AND "))
        ORDER BY rank DESC, a.id LIMIT ? OFFSET ?
      )
      SELECT hits.id, hits.title, hits.outlet, hits.published_at, hits.rank,
             ts_headline('pledgewire_text', hits.body, q.query,
               'StartSel=[, StopSel=], MaxWords=16, MinWords=6, ShortWord=0, MaxFragments=1, FragmentDelimiter=…') AS snippet
      FROM hits, q ORDER BY hits.rank DESC, hits.id
      """
    return try await read(consistent: false) { [arguments] session in
      try await session.rows(sql, arguments).map { row in
        SearchHit(
          articleID: row["id"], title: row["title"], outlet: row["outlet"], publishedAtMs: row["published_at"],
          snippet: (row["snippet"] as String).split(whereSeparator: \.isWhitespace).joined(separator: " "),
          score: (row["rank"] as Double)
        )
      }
    }
  }

  public func deleteArticle(id: Int64, force: Bool, _ context: WriteContext) async throws -> ArticleDeletion {
    try await write { session in
      guard try await session.value(Int64.self, "SELECT id FROM article WHERE id = ? FOR UPDATE", [id]) != nil else {
        throw RPCError(.notFound, "article \(id) does not exist")
      }
      let citing = try await session.rows("SELECT id, pledge_id FROM evidence WHERE article_id = ? ORDER BY pledge_id, id FOR UPDATE", [id])
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
        events.append(try await Self.removeEvidence(of: id, fromPledge: pledgeID, context, session))
      }
      try await session.execute("DELETE FROM article WHERE id = ?", [id])
      let summary = citing.isEmpty ? "deleted" : "deleted with \(citing.count) pieces of evidence citing it"
      try await Self.audit(context, .article, id, before: 1, after: 0, summary, session)
      return ArticleDeletion(evidenceDeleted: citing.count, events: events)
    }
  }

  /// Deletes a pledge's evidence from `articleID`, noting the removal in the history entries that cited it and
  /// clearing the condition and opt-outs it supported; a new version with an UPDATED event.
  static func removeEvidence(of articleID: Int64, fromPledge pledgeID: Int64, _ context: WriteContext, _ session: PostgresSession) async throws -> PledgeEvent {
    _ = try await session.rows("SELECT id FROM pledge WHERE id = ? FOR UPDATE", [pledgeID])
    let evidenceIDs = try await session.int64s("SELECT id FROM evidence WHERE pledge_id = ? AND article_id = ?", [pledgeID, articleID])
    let (list, arguments) = inList(evidenceIDs)
    try await session.execute(
      "UPDATE status_change SET note = note || (CASE WHEN note = '' THEN '' ELSE ' ' END) || CAST(? AS TEXT) WHERE evidence_id IN \(list)",
      ["(evidence removed with article \(articleID))"] + arguments
    )
    try await session.execute("UPDATE party SET opt_out_evidence_id = NULL WHERE opt_out_evidence_id IN \(list)", arguments)
    try await session.execute("UPDATE pledge SET condition_evidence_id = NULL WHERE condition_evidence_id IN \(list)", arguments)
    try await session.execute("DELETE FROM evidence WHERE pledge_id = ? AND article_id = ?", [pledgeID, articleID])
    return try await bumpPledge(pledgeID, kind: .updated, "evidence from article \(articleID) removed with the article", context, session)
  }
}
