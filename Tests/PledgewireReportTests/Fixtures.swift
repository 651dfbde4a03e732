import PledgewireClient
import PledgewireReport

/// Reports' inputs built from values, for the tests that need no server.
enum Fixtures {
  static let day: Int64 = 86_400_000
  /// 2025-03-02T00:00:00Z.
  static let summit: Int64 = 1_740_873_600_000
  static let now: Int64 = summit + 400 * day

  static let actors = [
    Actor(id: 1, kind: .country, canonicalName: "United Kingdom", countryCode: "GBR"),
    Actor(id: 2, kind: .country, canonicalName: "France"),
    Actor(id: 3, kind: .person, canonicalName: "Keir Starmer", role: "Prime Minister"),
    Actor(id: 4, kind: .country, canonicalName: "Ukraine"),
  ]

  static let articles = [
    Article(id: 10, canonicalURL: "https://news.example/summit", title: "Leaders meet in London", outlet: "Example News", publishedAtMs: summit),
    Article(id: 11, canonicalURL: "https://other.example/aid", title: "Aid package detailed", outlet: "Other Daily", publishedAtMs: summit + 30 * day),
  ]

  static var directory: ReportDirectory { ReportDirectory(actors: actors, articles: articles) }

  /// A pledge by the UK (maker) announced by Starmer, with a history that reaches `status`.
  static func pledge(_ id: Int64, _ action: String, status: PledgeStatus = .announced, madeAt: Int64 = summit, category: PledgeCategory = .militaryAid, due: Int64 = 0) -> Pledge {
    var history = [StatusChange(toStatus: .announced, atMs: madeAt)]
    if status != .announced {
      history.append(StatusChange(fromStatus: .announced, toStatus: status, atMs: madeAt + 20 * day, evidence: Evidence(id: id * 10 + 2, articleID: 11, quote: "it was done", stance: .progress), note: "moved"))
    }
    return Pledge(
      id: id,
      parties: [PledgeParty(actorID: 1, role: .maker), PledgeParty(actorID: 3, role: .announcer), PledgeParty(actorID: 4, role: .beneficiary)],
      action: action,
      category: category,
      modality: .promise,
      madeAtMs: madeAt,
      dueAtMs: due,
      status: status,
      evidence: [
        Evidence(id: id * 10 + 1, articleID: 10, quote: "Britain will \(action)", stance: .announces, addedAtMs: madeAt),
        Evidence(id: id * 10 + 3, articleID: 11, quote: "The UK repeated its promise to \(action)", stance: .reaffirms, addedAtMs: madeAt + 30 * day),
      ],
      history: history,
      version: Int64(history.count),
      madePrecision: .day,
      duePrecision: due == 0 ? .unspecified : .day
    )
  }
}
