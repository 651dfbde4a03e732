import PledgewireWire
import PledgewireServer
import PledgewireStorage

/// `pledgewire.v1.ArticleService`: the articles pledges are quoted from.
public struct ArticleServiceHandler: ArticleService.ServiceProtocol {
  let store: any PledgewireStore
  let hub: PledgeEventHub
  /// Reads the bodies of articles created with `extract`; nil: such requests are refused.
  let extractors: ExtractorProvider?
  let now: @Sendable () -> Int64

  public init(
    store: any PledgewireStore, hub: PledgeEventHub, extractors: ExtractorProvider? = nil, now: @escaping @Sendable () -> Int64 = WallClock.now
  ) {
    self.store = store
    self.hub = hub
    self.extractors = extractors
    self.now = now
  }

  /// With `extract`, the extractor reads the body: its mentions of recorded actors are stored with the article
  /// (after any the caller gave, with their confidence) and its candidates join the review queue, in the same
  /// transaction. Nothing becomes a pledge until a person accepts it.
  public func createArticle(_ request: CreateArticleRequest, context: ServerContext) async throws -> Article {
    var article = try await prepare(request, field: "article")
    guard request.extract else {
      return try await insert([article], WriteContext(context, now: now()))[0].get()
    }
    guard let extractors else {
      throw RPCError(.unimplemented, "extract: this server has no extractor")
    }
    guard article.body.unicodeScalars.count <= ExtractionServiceHandler.maxTextLength else {
      throw RPCError.invalidArgument(field: "article.body", "is too long to extract from (\(article.body.unicodeScalars.count) characters; the limit is \(ExtractionServiceHandler.maxTextLength))")
    }
    let extraction = try await extractors.extract(article.body, publishedAtMs: article.publishedAtMs)
    let given = Set(article.mentions.map { [Int64($0.range?.start ?? 0), Int64($0.range?.end ?? 0), $0.actorID] })
    article.mentions += extraction.mentions.compactMap(CandidateMessages.articleMention).filter { mention in
      !given.contains([Int64(mention.range?.start ?? 0), Int64(mention.range?.end ?? 0), mention.actorID])
    }
    try FieldCheck.count(article.mentions, "article.mentions", max: 10_000)
    return try await store.insertArticle(article, candidates: extraction.candidates.map(CandidateMessages.candidate), WriteContext(context, now: now())).article
  }

  public func getArticle(_ request: GetArticleRequest, context: ServerContext) async throws -> Article {
    try FieldCheck.positive(request.id, "id")
    guard let article = try await store.article(id: request.id) else {
      throw RPCError(.notFound, "article \(request.id) does not exist")
    }
    return article
  }

  public func deleteArticle(_ request: DeleteArticleRequest, context: ServerContext) async throws -> DeleteArticleResponse {
    try FieldCheck.positive(request.id, "id")
    let deletion = try await store.deleteArticle(id: request.id, force: request.force, WriteContext(context, now: now()))
    hub.publish(deletion.events)
    return DeleteArticleResponse(evidenceDeleted: UInt32(deletion.evidenceDeleted))
  }

  public func importArticles(_ requests: RequestStream<CreateArticleRequest>, context: ServerContext) async throws -> ImportResponse {
    try await Importer.run(requests) { batch in
      var prepared: [Result<Article, RPCError>] = []
      for request in batch {
        do {
          guard !request.extract else {
            throw RPCError.invalidArgument(field: "extract", "is for CreateArticle: an import stores articles as they are")
          }
          prepared.append(.success(try await prepare(request, field: "article")))
        } catch {
          prepared.append(.failure(error as? RPCError ?? RPCError(.internal, "\(error)")))
        }
      }
      let valid = prepared.compactMap { try? $0.get() }
      var stored = try await insert(valid, WriteContext(context, now: now())).makeIterator()
      return prepared.map { result in result.flatMap { _ in stored.next()!.map(\.id) } }
    }
  }

  /// Validates a new article and fills in what the server sets.
  func prepare(_ request: CreateArticleRequest, field: String) async throws -> Article {
    guard var article = request.article else {
      throw RPCError.invalidArgument(field: field, "is required")
    }
    let at = now()
    try Self.validate(article, field: field, now: at)
    let states = try await store.actorStates(Set(article.mentions.map(\.actorID)))
    for (index, mention) in article.mentions.enumerated() {
      try ActorServiceHandler.checkReference(mention.actorID, states, field: "\(field).mentions[\(index)].actor_id")
    }
    article.id = 0
    // The URL as the caller gave it; a restore (an import of an export) brings the original one along.
    if article.submittedURL.isEmpty {
      article.submittedURL = article.canonicalURL
    }
    try FieldCheck.length(article.submittedURL, "\(field).submitted_url", max: 2_048)
    article.canonicalURL = try ArticleURL.canonical(article.canonicalURL, field: "\(field).canonical_url")
    article.contentHash = "sha256:" + SHA256Hex.of(article.body)
    article.ingestedAtMs = at
    article.warnings = []
    return article
  }

  func insert(_ articles: [Article], _ context: WriteContext) async throws -> [Result<Article, RPCError>] {
    articles.isEmpty ? [] : try await store.insertArticles(articles, context)
  }

  static func validate(_ article: Article, field: String, now: Int64) throws {
    _ = try ArticleURL.canonical(article.canonicalURL, field: "\(field).canonical_url")
    try FieldCheck.required(article.title, "\(field).title", max: 1_000)
    try FieldCheck.length(article.outlet, "\(field).outlet", max: 200)
    try FieldCheck.length(article.byline, "\(field).byline", max: 500)
    try FieldCheck.language(article.language, "\(field).language")
    try FieldCheck.length(article.dateline, "\(field).dateline", max: 200)
    guard article.publishedAtMs != 0 else {
      throw RPCError.invalidArgument(field: "\(field).published_at_ms", "is required (Unix milliseconds)")
    }
    try Timestamps.past(article.publishedAtMs, "\(field).published_at_ms", now: now)
    try FieldCheck.required(article.body, "\(field).body", max: 2_000_000)
    try FieldCheck.labels(article.labels, "\(field).labels")
    try FieldCheck.count(article.mentions, "\(field).mentions", max: 10_000)
    for (index, mention) in article.mentions.enumerated() {
      let path = "\(field).mentions[\(index)]"
      try FieldCheck.positive(mention.actorID, "\(path).actor_id")
      guard let range = mention.range else {
        throw RPCError.invalidArgument(field: "\(path).range", "is required")
      }
      guard let text = TextRanges.text(in: article.body, at: range) else {
        throw RPCError.invalidArgument(field: "\(path).range", "[\(range.start), \(range.end)) does not lie inside the body")
      }
      if !mention.surfaceText.isEmpty && mention.surfaceText != text {
        throw RPCError.invalidArgument(field: "\(path).surface_text", "is \"\(mention.surfaceText)\" but the body reads \"\(text)\" there")
      }
    }
  }

  /// Body bytes a FULL `ListArticles` page holds at most: past them the page ends early with its next-page token,
  /// so that a page is never materialised whole beyond this, and fits the default 4 MiB frame.
  public static let maxPageBodyBytes = 1 << 20

  public func listArticles(_ request: ListArticlesRequest, context: ServerContext) async throws -> ListArticlesResponse {
    let limit = try FieldCheck.pageSize(request.pageSize, fallback: 50)
    try FieldCheck.timeRange(after: request.publishedAfterMs, before: request.publishedBeforeMs, "published_after_ms", "published_before_ms")
    try FieldCheck.known(request.view, "view", allowUnspecified: true)
    if request.mentionsActorID != 0 {
      try FieldCheck.positive(request.mentionsActorID, "mentions_actor_id")
    }
    try FieldCheck.length(request.label, "label", max: 64)
    var fingerprint = request
    fingerprint.pageToken = ""
    fingerprint.pageSize = 0
    let cursor = try PageToken.decode(request.pageToken, scope: "articles", query: fingerprint, fieldCount: 2).map {
      TimeCursor(at: try PageToken.int($0[0]), id: try PageToken.int($0[1]))
    }
    let full = request.view == .full
    var articles = try await store.listArticles(ArticleQuery(
      outlet: request.outlet.isEmpty ? nil : request.outlet,
      publishedAfter: request.publishedAfterMs != 0 ? request.publishedAfterMs : nil,
      publishedBefore: request.publishedBeforeMs != 0 ? request.publishedBeforeMs : nil,
      mentionsActorID: request.mentionsActorID > 0 ? request.mentionsActorID : nil,
      label: request.label.isEmpty ? nil : request.label,
      includeBody: full,
      after: cursor,
      limit: limit + 1,
      maxBodyBytes: full ? Self.maxPageBodyBytes : nil
    ))
    var next = ""
    let bodyBytes = full ? articles.reduce(0) { $0 + $1.body.utf8.count } : 0
    if articles.count > limit || bodyBytes >= Self.maxPageBodyBytes {
      // A page ends at its row limit or, with bodies, at its byte budget: the next page starts after its last row.
      if articles.count > limit { articles.removeLast() }
      let last = articles[articles.count - 1]
      next = PageToken.encode(scope: "articles", query: fingerprint, fields: [String(last.publishedAtMs), String(last.id)])
    }
    if !full {
      for index in articles.indices {
        articles[index].mentions = []
      }
    }
    return ListArticlesResponse(articles: articles, nextPageToken: next)
  }

  public func searchArticles(_ request: SearchArticlesRequest, context: ServerContext) async throws -> SearchArticlesResponse {
    let limit = try FieldCheck.pageSize(request.pageSize, fallback: 20)
    try FieldCheck.length(request.query, "query", max: 1_000)
    try FieldCheck.timeRange(after: request.publishedAfterMs, before: request.publishedBeforeMs, "published_after_ms", "published_before_ms")
    let match = try SearchQuery.fts5(request.query)
    var fingerprint = request
    fingerprint.pageToken = ""
    fingerprint.pageSize = 0
    let offset = try PageToken.decode(request.pageToken, scope: "search", query: fingerprint, fieldCount: 1).map { try PageToken.int($0[0]) } ?? 0
    var hits = try await store.searchArticles(ArticleSearchQuery(
      match: match,
      publishedAfter: request.publishedAfterMs != 0 ? request.publishedAfterMs : nil,
      publishedBefore: request.publishedBeforeMs != 0 ? request.publishedBeforeMs : nil,
      offset: Int(offset),
      limit: limit + 1
    ))
    var next = ""
    if hits.count > limit {
      hits.removeLast()
      next = PageToken.encode(scope: "search", query: fingerprint, fields: [String(Int(offset) + limit)])
    }
    return SearchArticlesResponse(hits: hits, nextPageToken: next)
  }
}
