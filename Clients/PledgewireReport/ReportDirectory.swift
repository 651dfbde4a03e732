import PledgewireWire

/// The actors and articles a report's pledges refer to, by id: names for parties, sources for evidence.
public struct ReportDirectory: Sendable {
  public var actors: [Int64: Actor]
  public var articles: [Int64: Article]

  public init(actors: [Actor] = [], articles: [Article] = []) {
    self.actors = Dictionary(actors.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    self.articles = Dictionary(articles.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
  }

  /// The actor's canonical name, or "actor 12" when it is not known.
  func name(_ actorID: Int64) -> String {
    actors[actorID].map(\.canonicalName).flatMap { $0.isEmpty ? nil : $0 } ?? "actor \(actorID)"
  }

  /// Names of the pledge's parties in `role`, in the pledge's order, without those that opted out.
  func names(_ pledge: Pledge, _ role: PartyRole) -> [String] {
    pledge.parties.filter { $0.role == role && !$0.optedOut }.map { name($0.actorID) }
  }

  /// Where a quote comes from.
  func source(_ articleID: Int64) -> SourceView {
    guard let article = articles[articleID] else {
      return SourceView(title: "article \(articleID)", outlet: nil, published: nil, url: nil)
    }
    return SourceView(
      title: article.title.isEmpty ? "article \(articleID)" : article.title,
      outlet: article.outlet.isEmpty ? nil : article.outlet,
      published: article.publishedAtMs == 0 ? nil : ReportFormat.date(article.publishedAtMs, precision: .day),
      url: Self.linkable(article.canonicalURL)
    )
  }

  /// The URL when it is http or https; anything else (javascript:, data:) is never made a link.
  static func linkable(_ url: String) -> String? {
    let lower = url.lowercased()
    return lower.hasPrefix("https://") || lower.hasPrefix("http://") ? url : nil
  }
}

/// An article as a source line: title, outlet, date and link.
struct SourceView: Sendable {
  let title: String
  let outlet: String?
  let published: String?
  let url: String?
}
