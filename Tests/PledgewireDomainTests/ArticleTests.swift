import PledgewireClient
import PledgewireDomain
import Testing

@Suite("ArticleService over TCP")
struct ArticleTests {
  @Test("create assigns id, content hash and ingest time; get returns the article whole")
  func createAndGet() async throws {
    try await withDomainServer(now: { 1_750_000_000_000 }) { client, _ in
      var input = validArticle(body: "abc")
      input.labels = ["ukraine", "defence"]
      input.byline = "A. Reporter"
      let created = try await client.article.createArticle(CreateArticleRequest(article: input))
      #expect(created.id > 0)
      #expect(created.contentHash == "sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
      #expect(created.ingestedAtMs == 1_750_000_000_000)
      let fetched = try await client.article.getArticle(GetArticleRequest(id: created.id))
      #expect(fetched == created)
      #expect(fetched.body == "abc")
      #expect(fetched.labels == ["ukraine", "defence"])
    }
  }

  @Test("a second article with the same canonical URL is ALREADY_EXISTS, naming the existing id")
  func duplicateURL() async throws {
    try await withDomainServer { client, _ in
      let first = try await client.article.createArticle(CreateArticleRequest(article: validArticle("same")))
      let error = await rpcError { _ = try await client.article.createArticle(CreateArticleRequest(article: validArticle("same"))) }
      #expect(error?.code == .alreadyExists)
      #expect(error?.details?.existingID == first.id)
      #expect(error?.message.contains("article \(first.id)") == true)
    }
  }

  @Test("one article cannot go in twice under cosmetically different URLs; the same body elsewhere is stored with a warning")
  func duplicates() async throws {
    try await withDomainServer { client, _ in
      var original = validArticle("summit")
      original.canonicalURL = "https://News.Example/summit/?utm_source=newsletter#comments"
      original.labels = ["summit"]
      let first = try await client.article.createArticle(CreateArticleRequest(article: original))
      #expect(first.canonicalURL == "https://news.example/summit")
      #expect(first.submittedURL == "https://News.Example/summit/?utm_source=newsletter#comments")
      #expect(first.warnings.isEmpty)
      for variant in ["https://news.example/summit", "HTTPS://NEWS.EXAMPLE:443/summit/", "https://news.example/summit?fbclid=abc"] {
        var copy = validArticle("x", body: "Different text.")
        copy.canonicalURL = variant
        let error = await rpcError { _ = try await client.article.createArticle(CreateArticleRequest(article: copy)) }
        #expect(error?.code == .alreadyExists && error?.details?.existingID == first.id, "\(variant)")
      }
      // The same body under another URL: accepted, with a warning naming the twin.
      let twin = try await client.article.createArticle(CreateArticleRequest(article: validArticle("mirror")))
      #expect(twin.warnings.map(\.reason) == ["SAME_CONTENT"])
      #expect(twin.warnings.first?.relatedID == first.id)
      #expect(twin.warnings.first?.message.contains("https://news.example/summit") == true)
      #expect(try await client.article.getArticle(GetArticleRequest(id: twin.id)).warnings.isEmpty)
      #expect(try await client.article.listArticles(ListArticlesRequest(label: "summit")).articles.map(\.id) == [first.id])
      // Publication dates are checked like every other date.
      var future = validArticle("future", body: "Tomorrow's news.")
      future.publishedAtMs = 4_102_444_800_000
      #expect(await rpcError { _ = try await client.article.createArticle(CreateArticleRequest(article: future)) }?.details?.fieldViolations.first?.field == "article.published_at_ms")
    }
  }

  static let invalid: [(String, @Sendable (inout Article) -> Void, String)] = [
    ("no URL", { $0.canonicalURL = "" }, "article.canonical_url"),
    ("an ftp URL", { $0.canonicalURL = "ftp://example.org/x" }, "article.canonical_url"),
    ("a relative URL", { $0.canonicalURL = "/news/1" }, "article.canonical_url"),
    ("no title", { $0.title = "  " }, "article.title"),
    ("a bad language tag", { $0.language = "english!" }, "article.language"),
    ("no publication time", { $0.publishedAtMs = 0 }, "article.published_at_ms"),
    ("no body", { $0.body = "" }, "article.body"),
    ("an empty label", { $0.labels = ["ok", ""] }, "article.labels[1]"),
    ("a mention outside the body", { $0.mentions = [ActorMention(actorID: 1, range: TextRange(start: 0, end: 999))] }, "article.mentions[0].range"),
    ("a mention without a range", { $0.mentions = [ActorMention(actorID: 1)] }, "article.mentions[0].range"),
    ("a mention whose text differs", { $0.mentions = [ActorMention(actorID: 1, range: TextRange(start: 0, end: 7), surfaceText: "Britain")] }, "article.mentions[0].surface_text"),
  ]

  @Test("invalid articles are INVALID_ARGUMENT naming the field, and nothing is stored", arguments: invalid.indices)
  func validation(_ index: Int) async throws {
    let (name, change, field) = Self.invalid[index]
    try await withDomainServer { client, services in
      var article = validArticle()
      change(&article)
      let error = await rpcError { _ = try await client.article.createArticle(CreateArticleRequest(article: article)) }
      #expect(error?.code == .invalidArgument, "\(name)")
      #expect(error?.details?.fieldViolations.first?.field == field, "\(name): \(error?.message ?? "no error")")
      let stored = try await services.store.isEmpty()
      #expect(stored)
    }
  }

  @Test("a mention of an actor that does not exist is NOT_FOUND naming it")
  func missingMentionedActor() async throws {
    try await withDomainServer { client, _ in
      var article = validArticle()
      article.mentions = [ActorMention(actorID: 99, range: TextRange(start: 0, end: 7))]
      let error = await rpcError { _ = try await client.article.createArticle(CreateArticleRequest(article: article)) }
      #expect(error?.code == .notFound)
      #expect(error?.message == "article.mentions[0].actor_id: actor 99 does not exist")
    }
  }

  @Test("get of a missing article is NOT_FOUND; of id 0, INVALID_ARGUMENT")
  func getErrors() async throws {
    try await withDomainServer { client, _ in
      #expect(await rpcError { _ = try await client.article.getArticle(GetArticleRequest(id: 5)) }?.code == .notFound)
      #expect(await rpcError { _ = try await client.article.getArticle(GetArticleRequest(id: 0)) }?.code == .invalidArgument)
    }
  }

  @Test("list: newest first, filters by outlet, time and mentioned actor; BASIC view leaves the body out")
  func list() async throws {
    try await withDomainServer { client, _ in
      let uk = try await client.actor.createActor(CreateActorRequest(actor: validActor("United Kingdom")))
      for index in 0..<6 {
        var article = validArticle("\(index)", publishedAt: 1_000_000 + Int64(index) * 1_000, outlet: index % 2 == 0 ? "Even" : "Odd")
        article.body = "United Kingdom news number \(index)"
        if index >= 4 {
          article.mentions = [ActorMention(actorID: uk.id, range: TextRange(start: 0, end: 14))]
        }
        _ = try await client.article.createArticle(CreateArticleRequest(article: article))
      }
      let all = try await client.article.listArticles(ListArticlesRequest())
      #expect(all.articles.map(\.title) == (0..<6).reversed().map { "Article \($0)" })
      #expect(all.articles.allSatisfy { $0.body.isEmpty && $0.mentions.isEmpty })
      #expect(all.nextPageToken.isEmpty)

      let even = try await client.article.listArticles(ListArticlesRequest(outlet: "Even"))
      #expect(even.articles.map(\.title) == ["Article 4", "Article 2", "Article 0"])
      let window = try await client.article.listArticles(ListArticlesRequest(publishedAfterMs: 1_001_000, publishedBeforeMs: 1_003_000))
      #expect(window.articles.map(\.title) == ["Article 2", "Article 1"])
      let mentioning = try await client.article.listArticles(ListArticlesRequest(mentionsActorID: uk.id, view: .full))
      #expect(mentioning.articles.map(\.title) == ["Article 5", "Article 4"])
      #expect(mentioning.articles.allSatisfy { !$0.body.isEmpty && $0.mentions.count == 1 })
    }
  }

  @Test("list errors name the field: page size, time range, a foreign page token")
  func listErrors() async throws {
    try await withDomainServer { client, _ in
      for index in 0..<3 {
        _ = try await client.article.createArticle(CreateArticleRequest(article: validArticle("\(index)")))
      }
      let page = try await client.article.listArticles(ListArticlesRequest(pageSize: 1))
      #expect(page.articles.count == 1)
      #expect(!page.nextPageToken.isEmpty)
      let cases: [(ListArticlesRequest, String)] = [
        (ListArticlesRequest(pageSize: 1001), "page_size"),
        (ListArticlesRequest(pageSize: -1), "page_size"),
        (ListArticlesRequest(publishedAfterMs: 10, publishedBeforeMs: 5), "published_before_ms"),
        (ListArticlesRequest(pageToken: "garbage!"), "page_token"),
        (ListArticlesRequest(outlet: "Other", pageSize: 1, pageToken: page.nextPageToken), "page_token"),
      ]
      for (request, field) in cases {
        let error = await rpcError { _ = try await client.article.listArticles(request) }
        #expect(error?.code == .invalidArgument)
        #expect(error?.details?.fieldViolations.first?.field == field, "\(error?.message ?? "no error")")
      }
    }
  }

  @Test("paging neither skips nor repeats rows while rows are inserted")
  func pagingUnderInserts() async throws {
    try await withDomainServer { client, _ in
      var original: Set<Int64> = []
      for index in 0..<120 {
        let article = try await client.article.createArticle(CreateArticleRequest(article: validArticle("o\(index)", publishedAt: 2_000_000 + Int64(index % 40) * 1_000)))
        original.insert(article.id)
      }
      var seen: [Int64] = []
      var token = ""
      var inserted = 0
      repeat {
        let page = try await client.article.listArticles(ListArticlesRequest(pageSize: 25, pageToken: token))
        seen += page.articles.map(\.id)
        token = page.nextPageToken
        // Newer, older and equal timestamps land while the client pages.
        for (offset, at) in [3_000_000, 1_000_000, 2_020_000].enumerated() {
          _ = try await client.article.createArticle(CreateArticleRequest(article: validArticle("n\(inserted)-\(offset)", publishedAt: Int64(at))))
        }
        inserted += 1
      } while !token.isEmpty
      #expect(Set(seen).count == seen.count, "a row came twice")
      #expect(original.isSubset(of: Set(seen)), "rows were skipped")
    }
  }

  @Test("search ranks title matches first, highlights, and understands phrases, OR, exclusions and prefixes")
  func search() async throws {
    try await withDomainServer { client, _ in
      let texts = [
        ("Troops for Ukraine", "Britain and France offered troops to keep the peace in Ukraine."),
        ("Defence spending", "European leaders agreed to raise defence spending; troops were mentioned once."),
        ("Zelensky in London", "Zelensky met King Charles after the summit in London."),
        ("Tariffs", "Nothing about the summit here, only tariffs and trade."),
      ]
      var ids: [Int64] = []
      for (index, (title, body)) in texts.enumerated() {
        ids.append(try await client.article.createArticle(CreateArticleRequest(article: Article(
          canonicalURL: "https://s.example/\(index)", title: title, publishedAtMs: 1, body: body
        ))).id)
      }
      let troops = try await client.article.searchArticles(SearchArticlesRequest(query: "troops"))
      #expect(troops.hits.map(\.articleID) == [ids[0], ids[1]])
      #expect(troops.hits[0].score >= troops.hits[1].score)
      #expect(troops.hits.allSatisfy { $0.snippet.contains("[troops]") })

      #expect(try await client.article.searchArticles(SearchArticlesRequest(query: "\"keep the peace\"")).hits.map(\.articleID) == [ids[0]])
      #expect(Set(try await client.article.searchArticles(SearchArticlesRequest(query: "tariffs OR Zelensky")).hits.map(\.articleID)) == [ids[2], ids[3]])
      #expect(try await client.article.searchArticles(SearchArticlesRequest(query: "summit -tariffs")).hits.map(\.articleID) == [ids[2]])
      #expect(Set(try await client.article.searchArticles(SearchArticlesRequest(query: "defen*")).hits.map(\.articleID)) == [ids[1]])
      #expect(try await client.article.searchArticles(SearchArticlesRequest(query: "zélensky")).hits.map(\.articleID) == [ids[2]])
      #expect(try await client.article.searchArticles(SearchArticlesRequest(query: "\"unbalanced")).hits.isEmpty)
      // 150 alternatives and 150 exclusions stay one flat FTS5 expression (nested, FTS5 refused them).
      let many = Array(repeating: "qq", count: 149).joined(separator: " OR ") + " OR tariffs"
      #expect(try await client.article.searchArticles(SearchArticlesRequest(query: many)).hits.map(\.articleID) == [ids[3]])
      let excluded = "summit " + Array(repeating: "-qq", count: 150).joined(separator: " ")
      #expect(Set(try await client.article.searchArticles(SearchArticlesRequest(query: excluded)).hits.map(\.articleID)) == [ids[2], ids[3]])

      let first = try await client.article.searchArticles(SearchArticlesRequest(query: "the", pageSize: 2))
      let second = try await client.article.searchArticles(SearchArticlesRequest(query: "the", pageSize: 2, pageToken: first.nextPageToken))
      #expect(first.hits.count == 2 && second.hits.count == 1 && second.nextPageToken.isEmpty)
      #expect(Set(first.hits.map(\.articleID) + second.hits.map(\.articleID)) == [ids[0], ids[2], ids[3]])

      for query in ["", "   ", "-tariffs"] {
        let error = await rpcError { _ = try await client.article.searchArticles(SearchArticlesRequest(query: query)) }
        #expect(error?.code == .invalidArgument)
        #expect(error?.details?.fieldViolations.first?.field == "query")
      }
    }
  }

  @Test("delete is refused while evidence cites the article, unless forced; forcing strips the evidence")
  func delete() async throws {
    try await withDomainServer(sample: true) { client, _ in
      let report = try await client.article.listArticles(ListArticlesRequest()).articles.last!
      let error = await rpcError { _ = try await client.article.deleteArticle(DeleteArticleRequest(id: report.id)) }
      #expect(error?.code == .failedPrecondition)
      #expect(try await client.article.getArticle(GetArticleRequest(id: report.id)).id == report.id)

      let cited = try await client.pledge.listPledges(ListPledgesRequest(filter: PledgeFilter(articleID: report.id)))
      #expect(!cited.pledges.isEmpty)
      let removed = try await client.article.deleteArticle(DeleteArticleRequest(id: report.id, force: true))
      #expect(removed.evidenceDeleted == UInt32(cited.pledges.reduce(0) { $0 + $1.evidence.filter { $0.articleID == report.id }.count }))
      #expect(await rpcError { _ = try await client.article.getArticle(GetArticleRequest(id: report.id)) }?.code == .notFound)
      let after = try await client.pledge.getPledge(GetPledgeRequest(id: cited.pledges[0].id))
      #expect(after.evidence.allSatisfy { $0.articleID != report.id })
      #expect(after.version == cited.pledges[0].version + 1)
      #expect(await rpcError { _ = try await client.article.deleteArticle(DeleteArticleRequest(id: report.id)) }?.code == .notFound)
    }
  }

  @Test("import creates the valid articles and reports each failure with its position")
  func importArticles() async throws {
    try await withDomainServer { client, _ in
      var requests = (0..<1_200).map { CreateArticleRequest(article: validArticle("i\($0)")) }
      requests[3].article?.title = ""
      requests[700] = CreateArticleRequest(article: validArticle("i5"))
      let summary = try await client.article.importArticles(requests)
      #expect(summary.received == 1_200)
      #expect(summary.created == 1_198)
      #expect(summary.ids.count == 1_198)
      #expect(summary.failures.map(\.index) == [3, 700])
      #expect(summary.failures.map(\.code) == [.invalidArgument, .alreadyExists])
    }
  }
}
