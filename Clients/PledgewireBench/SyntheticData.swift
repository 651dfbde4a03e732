import PledgewireWire

/// Deterministic synthetic actors, articles and pledges for load tests and storage benchmarks: the same seed gives
/// the same data. Article bodies are drawn from a vocabulary of the domain, so searches find realistic numbers of
/// matches; pledges quote their articles exactly.
public struct SyntheticData: Sendable {
  public static let vocabulary = [
    "troops", "ceasefire", "sanctions", "defence", "spending", "coalition", "peace", "plan", "security", "guarantee",
    "summit", "aid", "military", "humanitarian", "financial", "ukraine", "europe", "alliance", "agreement", "budget",
    "deploy", "support", "talks", "minister", "president", "leaders", "pledge", "promise", "billion", "euros",
    "weapons", "ammunition", "air", "cover", "intelligence", "surveillance", "reconstruction", "loan", "grant", "energy",
    "climate", "refugees", "border", "negotiations", "treaty", "parliament", "vote", "approval", "delivery", "funding",
  ]

  /// The label on every synthetic actor, article and pledge: `pledgewire actor list --label pledgewire-bench` finds
  /// them, `pledgewire bench --delete-seeded` deletes them.
  public static let label = "pledgewire-bench"

  public let seed: UInt64

  public init(seed: UInt64 = 42) {
    self.seed = seed
  }

  /// A small, fast, reproducible generator.
  public struct Random: RandomNumberGenerator, Sendable {
    var state: UInt64

    public init(seed: UInt64) {
      state = seed &+ 0x9e37_79b9_7f4a_7c15
    }

    public mutating func next() -> UInt64 {
      state &+= 0x9e37_79b9_7f4a_7c15
      var z = state
      z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
      z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
      return z ^ (z >> 31)
    }
  }

  private func random(_ index: Int, _ salt: UInt64) -> Random {
    Random(seed: seed ^ (UInt64(index) &* 0x2545_f491_4f6c_dd1d) ^ salt)
  }

  /// Actor `index` (0-based).
  public func actor(_ index: Int) -> Actor {
    var random = random(index, 1)
    let kinds: [ActorKind] = [.person, .country, .organization, .group]
    return Actor(
      kind: kinds[Int(random.next() % 4)],
      canonicalName: "Synthetic Actor \(index)",
      aliases: ["SA\(index)", "Actor \(Self.vocabulary[index % Self.vocabulary.count]) \(index)"],
      role: "role \(random.next() % 100)",
      labels: [Self.label]
    )
  }

  /// 4,096 filler words built from syllables ("baroketi"), which make up most of a body, as ordinary words do.
  public static let fillers: [String] = {
    let syllables = ["ba", "ro", "ke", "ti", "mu", "sa", "lo", "ve", "dan", "pri", "sol", "ter", "na", "gu", "fe", "zor"]
    return (0..<4_096).map { number in
      (0..<3).map { syllables[(number >> (4 * $0)) & 15] }.joined()
    }
  }()

  /// The body of article `index`: 120 words, one in eight from the domain vocabulary, so that a domain word occurs
  /// in about a quarter of the articles and a filler word in about 3 %.
  public func body(_ index: Int) -> String {
    var random = random(index, 2)
    var words: [String] = []
    for position in 0..<120 {
      var word = random.next() % 8 == 0
        ? Self.vocabulary[Int(random.next() % UInt64(Self.vocabulary.count))]
        : Self.fillers[Int(random.next() % UInt64(Self.fillers.count))]
      if position % 12 == 0 {
        word = word.prefix(1).uppercased() + word.dropFirst()
      }
      words.append(position % 12 == 11 ? word + "." : word)
    }
    return "Article \(index). " + words.joined(separator: " ")
  }

  /// Article `index`, published in 2025.
  public func article(_ index: Int) -> Article {
    Article(
      canonicalURL: "https://synthetic.example/articles/\(index)", title: "Synthetic report \(index) on \(Self.vocabulary[index % Self.vocabulary.count])",
      outlet: "Outlet \(index % 20)", language: "en", publishedAtMs: 1_735_689_600_000 + Int64(index) * 60_000, body: body(index),
      labels: [Self.label]
    )
  }

  /// Pledge `index`, made by actors among `actorIDs`, quoting one of `articles` (id and a quote from its body).
  public func pledge(_ index: Int, actorIDs: [Int64], articles: [(id: Int64, quote: String)]) -> Pledge {
    var random = random(index, 3)
    let maker = actorIDs[Int(random.next() % UInt64(actorIDs.count))]
    let beneficiary = actorIDs[Int(random.next() % UInt64(actorIDs.count))]
    let article = articles[Int(random.next() % UInt64(articles.count))]
    let categories = PledgeCategory.allCases.filter { $0 != .unspecified }
    return Pledge(
      parties: [PledgeParty(actorID: maker, role: .maker)] + (beneficiary != maker ? [PledgeParty(actorID: beneficiary, role: .beneficiary)] : []),
      action: "synthetic pledge \(index)",
      category: categories[Int(random.next() % UInt64(categories.count))],
      modality: .promise,
      condition: random.next() % 4 == 0 ? Condition(text: "if the budget passes", state: .pending) : nil,
      // A second apart from 1 January 2025, wrapping after about four months: never in the future.
      madeAtMs: 1_735_689_600_000 + Int64(index % 10_000_000) * 1_000,
      evidence: [Evidence(articleID: article.id, quote: article.quote, stance: .announces)],
      labels: [Self.label]
    )
  }

  /// The quote synthetic pledges take from article `index`: its first sentence.
  public static func quote(forArticle index: Int) -> String {
    "Article \(index)."
  }
}
