import ArgumentParser
import Foundation
import PledgewireClient

struct ArticleCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "article",
    abstract: "Add, read, list, search and delete articles.",
    subcommands: [Add.self, Get.self, List.self, Search.self, Delete.self, Audit.self]
  )

  static let columns: [Output.Column<Article>] = [
    .init(title: "ID", value: { String($0.id) }),
    .init(title: "PUBLISHED", value: { Dates.format($0.publishedAtMs) }),
    .init(title: "OUTLET", value: { $0.outlet }),
    .init(title: "TITLE", value: { $0.title }, wraps: true),
    .init(title: "URL", value: { $0.canonicalURL }, wraps: true),
  ]

  static func fields(_ article: Article) -> [(String, String)] {
    [
      ("id", String(article.id)), ("title", article.title), ("url", article.canonicalURL),
      ("submitted url", article.submittedURL == article.canonicalURL ? "" : article.submittedURL), ("outlet", article.outlet),
      ("byline", article.byline), ("language", article.language), ("dateline", article.dateline),
      ("published", Dates.format(article.publishedAtMs)), ("ingested", Dates.format(article.ingestedAtMs)),
      ("content hash", article.contentHash), ("labels", article.labels.joined(separator: ", ")),
      ("mentions", article.mentions.map { "\($0.surfaceText) → actor \($0.actorID)" }.joined(separator: "; ")),
      ("body", article.body),
    ]
  }

  struct Add: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Add an article; the body comes from a file or standard input.",
      discussion: """
        Example:
          pledgewire article add --url https://example.org/summit \\
            --title "London summit" --outlet Reuters --published 2025-03-02 \\
            --body-file summit.txt --extract
        """
    )

    @Option(help: "URL (http or https); stored canonical (lower-case host, no tracking parameters or fragment) and unique.") var url: String?
    @Option(help: "Headline.") var title: String?
    @Option(help: "Outlet name.") var outlet = ""
    @Option(help: "Byline.") var byline = ""
    @Option(help: "Language tag, e.g. en.") var language = "en"
    @Option(help: "Publication time: 2025-03-02 or 2025-03-02T16:00Z.") var published: String?
    @Option(help: "Dateline, e.g. LONDON.") var dateline = ""
    @Option(help: "A topic label (repeatable).") var label: [String] = []
    @Option(help: "File holding the body; - or absent: standard input.") var bodyFile: String?
    @Flag(help: "Let the server's extractor find the actors and candidate pledges in the body; the candidates join the review queue (pledgewire review).") var extract = false
    @OptionGroup var input: JSONInput
    @OptionGroup var options: ClientOptions

    func run() async throws {
      try input.exclude(["--url": url != nil, "--title": title != nil, "--published": published != nil, "--body-file": bodyFile != nil])
      let json = try input.read(Article.self)
      let article = try json ?? flagged()
      try await options.run(flags: json == nil ? .article : [:]) { client, output in
        let article = try await client.article.createArticle(CreateArticleRequest(article: article, extract: extract), options: options.callOptions)
        for warning in article.warnings {
          output.warn("\(warning.reason): \(warning.message)")
        }
        var summary = article
        summary.body = "(\(article.body.unicodeScalars.count) characters)"
        output.record(article, ArticleCommand.fields(summary))
        if extract && output.format == .table {
          let queue = try await client.extraction.listCandidates(ListCandidatesRequest(articleID: article.id, pageSize: 1_000), options: options.callOptions)
          output.note("\ncandidates to review (pledgewire review show ID):")
          output.list(queue.candidates, ReviewCommand.candidateColumns, empty: "no candidate pledges found")
        }
      }
    }

    /// The article the flags and the body describe.
    private func flagged() throws -> Article {
      guard let url else { throw ValidationError("--url: the article's address (or --json-input)") }
      guard let title else { throw ValidationError("--title: the article's headline") }
      guard let published else { throw ValidationError("--published: when it was published, e.g. 2025-03-02") }
      let publishedAt = try Dates.milliseconds(published, option: "--published")
      let body: String
      if let bodyFile, bodyFile != "-" {
        guard let text = try? String(contentsOfFile: bodyFile, encoding: .utf8) else {
          throw ValidationError("--body-file: cannot read \(bodyFile)")
        }
        body = text
      } else {
        body = String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
      }
      return Article(
        canonicalURL: url, title: title, outlet: outlet, byline: byline, language: language,
        publishedAtMs: publishedAt, dateline: dateline, body: body, labels: label
      )
    }
  }

  struct Get: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Show an article with its body.", discussion: "Example:\n  pledgewire article get 7")
    @Argument(help: "Article id.") var id: Int64
    @OptionGroup var options: ClientOptions

    func run() async throws {
      try await options.run { client, output in
        let article = try await client.article.getArticle(GetArticleRequest(id: id), options: options.callOptions)
        output.record(article, ArticleCommand.fields(article))
      }
    }
  }

  struct List: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "List articles, newest first.",
      discussion: """
        Example:
          pledgewire article list --outlet Reuters --after 2025-03-01 --csv \\
            > articles.csv
        """
    )
    @Option(help: "Only this outlet.") var outlet = ""
    @Option(help: "Published at or after this time.") var after: String?
    @Option(help: "Published before this time.") var before: String?
    @Option(help: "Only articles mentioning this actor id.") var mentions: Int64 = 0
    @Option(help: "With this label.") var label = ""
    @Flag(help: "Include bodies and mentions (with --json).") var full = false
    @OptionGroup var paging: PagingOptions
    @OptionGroup var options: ClientOptions

    func run() async throws {
      var request = ListArticlesRequest(
        outlet: outlet, publishedAfterMs: try after.map { try Dates.milliseconds($0, option: "--after") } ?? 0,
        publishedBeforeMs: try before.map { try Dates.milliseconds($0, option: "--before") } ?? 0,
        mentionsActorID: mentions, view: full ? .full : .basic, pageSize: paging.limit, pageToken: paging.pageToken, label: label
      )
      try await options.run { client, output in
        var articles: [Article] = []
        repeat {
          let page = try await client.article.listArticles(request, options: options.callOptions)
          articles += page.articles
          request.pageToken = page.nextPageToken
        } while paging.all && !request.pageToken.isEmpty
        output.list(articles, ArticleCommand.columns)
        output.nextPage(request.pageToken)
      }
    }
  }

  struct Search: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Full-text search over titles and bodies, best first.",
      discussion: """
        Words must all match; "quoted phrases", OR, -excluded and prefix* work.
        Example:
          pledgewire article search '"coalition of the willing" troops'
        """
    )
    @Argument(help: "The search.") var query: String
    @Option(help: "Published at or after this time.") var after: String?
    @Option(help: "Published before this time.") var before: String?
    @Option(help: "Hits, 1...1000.") var limit: Int32 = 20
    @OptionGroup var options: ClientOptions

    func run() async throws {
      let request = SearchArticlesRequest(
        query: query, publishedAfterMs: try after.map { try Dates.milliseconds($0, option: "--after") } ?? 0,
        publishedBeforeMs: try before.map { try Dates.milliseconds($0, option: "--before") } ?? 0, pageSize: limit
      )
      try await options.run { client, output in
        let hits = try await client.article.searchArticles(request, options: options.callOptions).hits
        output.list(hits, [
          .init(title: "ID", value: { String($0.articleID) }),
          .init(title: "SCORE", value: { String(format: "%.4g", $0.score) }),
          .init(title: "TITLE", value: { $0.title }, wraps: true),
          .init(title: "SNIPPET", value: { $0.snippet }, wraps: true),
        ], empty: "no matches")
      }
    }
  }

  struct Delete: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Delete an article. Refused while pledges cite it, unless --force also deletes that evidence.",
      discussion: "Example:\n  pledgewire article delete 7 --force"
    )
    @Argument(help: "Article id.") var id: Int64
    @Flag(help: "Also delete the evidence citing it.") var force = false
    @OptionGroup var options: ClientOptions

    func run() async throws {
      try await options.run { client, output in
        let result = try await client.article.deleteArticle(DeleteArticleRequest(id: id, force: force), options: options.callOptions)
        output.record(result, [("deleted", "article \(id)"), ("evidence deleted", String(result.evidenceDeleted))])
      }
    }
  }

  struct Audit: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Show every write to an article: who added or deleted it, and when.",
      discussion: "Example:\n  pledgewire article audit 7"
    )
    @Argument(help: "Article id.") var id: Int64
    @OptionGroup var paging: PagingOptions
    @OptionGroup var options: ClientOptions

    func run() async throws {
      try await AuditCommand.list(ListAuditEntriesRequest(recordType: .article, recordID: id), paging, options)
    }
  }
}
