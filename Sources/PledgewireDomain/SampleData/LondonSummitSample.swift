import PledgewireWire

/// Pledgewire's sample dataset: the 2 March 2025 London summit on Ukraine. The two articles are a synthetic sample,
/// and say so in their titles and outlets: they are written in the project's own words from the facts of the news
/// report the sample was built from, and every pledge is one that report supports. Actors and articles refer to each
/// other by `key`; the loader assigns ids and finds every mention and quote in the article text, so the text is
/// the single source of truth. Articles and pledges carry the label `synthetic-sample`, actors the label `sample`.
public enum LondonSummitSample {
  /// An actor to create, with its affiliations given by the keys of actors listed before it.
  public struct ActorSeed: Sendable {
    public let key: String
    public let actor: Actor  // id, version and timestamps left at zero
    public let affiliations: [(key: String, kind: AffiliationKind)]
  }

  /// An article to create, with the actors it names in the order they appear in its body.
  public struct ArticleSeed: Sendable {
    public let key: String
    public let article: Article  // id, content_hash, ingested_at, mentions left empty
    /// Actor mentions: the first occurrence of `surface` in the body at or after the previous mention of the same
    /// surface is used, so list them in reading order.
    public let mentions: [(actorKey: String, surface: String)]
  }

  /// A quote from one of the sample articles that supports a pledge.
  public struct EvidenceSeed: Sendable {
    public let articleKey: String
    public let quote: String  // must appear verbatim (character for character) in that article's body
    public let stance: EvidenceStance
  }

  /// A pledge to create, with its parties given by actor keys and its evidence by article keys.
  public struct PledgeSeed: Sendable {
    public let key: String
    public let parties: [(actorKey: String, role: PartyRole)]
    public let pledge: Pledge  // the terms; no parties, evidence, status
    public let evidence: [EvidenceSeed]
  }

  /// The actors, each listed after every actor it is affiliated with.
  public static let actors: [ActorSeed] = [
    // Organisations.
    ActorSeed(
      key: "nato",
      actor: Actor(
        kind: .organization,
        canonicalName: "NATO",
        aliases: ["North Atlantic Treaty Organization", "North Atlantic Alliance", "the transatlantic alliance"],
        externalIDs: [ExternalId(scheme: "wikidata", value: "Q7184")],
        description: "The North Atlantic Treaty Organization, the Western military alliance."
      ),
      affiliations: []
    ),
    ActorSeed(
      key: "european-union",
      actor: Actor(
        kind: .organization,
        canonicalName: "European Union",
        aliases: ["EU", "the bloc"],
        externalIDs: [ExternalId(scheme: "wikidata", value: "Q458")],
        description: "The political and economic union of European states."
      ),
      affiliations: []
    ),
    ActorSeed(
      key: "european-commission",
      actor: Actor(
        kind: .organization,
        canonicalName: "European Commission",
        aliases: ["EU Commission", "the Commission"],
        description: "The executive arm of the European Union, which proposes its laws and budget rules."
      ),
      affiliations: []
    ),

    // Countries.
    ActorSeed(
      key: "united-kingdom",
      actor: Actor(
        kind: .country,
        canonicalName: "United Kingdom",
        aliases: ["UK", "Britain", "Great Britain", "London"],
        countryCode: "GBR",
        externalIDs: [ExternalId(scheme: "wikidata", value: "Q145")],
        description: "Host of the 2 March 2025 London summit on Ukraine."
      ),
      affiliations: [(key: "nato", kind: .memberOf)]
    ),
    ActorSeed(
      key: "ukraine",
      actor: Actor(
        kind: .country,
        canonicalName: "Ukraine",
        aliases: ["Kyiv", "Kiev"],
        countryCode: "UKR",
        externalIDs: [ExternalId(scheme: "wikidata", value: "Q212")],
        description: "The country at war with Russia, whose security European leaders met in London to discuss."
      ),
      affiliations: []
    ),
    ActorSeed(
      key: "united-states",
      actor: Actor(
        kind: .country,
        canonicalName: "United States",
        aliases: ["US", "USA", "United States of America", "Washington"],
        countryCode: "USA",
        externalIDs: [ExternalId(scheme: "wikidata", value: "Q30")],
        description: "The country whose backing European leaders sought for a Ukraine peace plan."
      ),
      affiliations: [(key: "nato", kind: .memberOf)]
    ),
    ActorSeed(
      key: "france",
      actor: Actor(
        kind: .country,
        canonicalName: "France",
        aliases: ["Paris"],
        countryCode: "FRA",
        externalIDs: [ExternalId(scheme: "wikidata", value: "Q142")],
        description: "A summit participant and a member of the coalition of the willing."
      ),
      affiliations: [(key: "nato", kind: .memberOf), (key: "european-union", kind: .memberOf)]
    ),
    ActorSeed(
      key: "germany",
      actor: Actor(
        kind: .country,
        canonicalName: "Germany",
        aliases: ["Berlin"],
        countryCode: "DEU",
        externalIDs: [ExternalId(scheme: "wikidata", value: "Q183")],
        description: "A participant in the London summit."
      ),
      affiliations: [(key: "nato", kind: .memberOf), (key: "european-union", kind: .memberOf)]
    ),
    ActorSeed(
      key: "denmark",
      actor: Actor(
        kind: .country,
        canonicalName: "Denmark",
        aliases: ["Copenhagen"],
        countryCode: "DNK",
        externalIDs: [ExternalId(scheme: "wikidata", value: "Q35")],
        description: "A participant in the London summit."
      ),
      affiliations: [(key: "nato", kind: .memberOf), (key: "european-union", kind: .memberOf)]
    ),
    ActorSeed(
      key: "italy",
      actor: Actor(
        kind: .country,
        canonicalName: "Italy",
        aliases: ["Rome"],
        countryCode: "ITA",
        externalIDs: [ExternalId(scheme: "wikidata", value: "Q38")],
        description: "A participant in the London summit."
      ),
      affiliations: [(key: "nato", kind: .memberOf), (key: "european-union", kind: .memberOf)]
    ),
    ActorSeed(
      key: "turkey",
      actor: Actor(
        kind: .country,
        canonicalName: "Turkey",
        aliases: ["Türkiye", "Turkiye", "Ankara"],
        countryCode: "TUR",
        externalIDs: [ExternalId(scheme: "wikidata", value: "Q43")],
        description: "A participant in the London summit."
      ),
      affiliations: [(key: "nato", kind: .memberOf)]
    ),
    ActorSeed(
      key: "poland",
      actor: Actor(
        kind: .country,
        canonicalName: "Poland",
        aliases: ["Warsaw"],
        countryCode: "POL",
        externalIDs: [ExternalId(scheme: "wikidata", value: "Q36")],
        description: "A participant in the London summit, represented by Prime Minister Donald Tusk."
      ),
      affiliations: [(key: "nato", kind: .memberOf), (key: "european-union", kind: .memberOf)]
    ),
    ActorSeed(
      key: "russia",
      actor: Actor(
        kind: .country,
        canonicalName: "Russia",
        aliases: ["Moscow", "Russian Federation"],
        countryCode: "RUS",
        externalIDs: [ExternalId(scheme: "wikidata", value: "Q159")],
        description: "The country at war with Ukraine, which European leaders sought to deter."
      ),
      affiliations: []
    ),

    // People.
    ActorSeed(
      key: "keir-starmer",
      actor: Actor(
        kind: .person,
        canonicalName: "Keir Starmer",
        aliases: ["Starmer", "Sir Keir Starmer"],
        role: "Prime Minister of the United Kingdom",
        description: "Host of the London summit, who announced the European peace plan and the coalition of the willing."
      ),
      affiliations: [(key: "united-kingdom", kind: .officialOf)]
    ),
    ActorSeed(
      key: "volodymyr-zelensky",
      actor: Actor(
        kind: .person,
        canonicalName: "Volodymyr Zelensky",
        aliases: ["Zelensky", "Zelenskyy", "Zelenskiy", "Volodymyr Zelenskyy", "Volodymyr Zelenskiy"],
        role: "President of Ukraine",
        description: "Attended the London summit two days after his clash with Donald Trump in the Oval Office."
      ),
      affiliations: [(key: "ukraine", kind: .officialOf)]
    ),
    ActorSeed(
      key: "donald-trump",
      actor: Actor(
        kind: .person,
        canonicalName: "Donald Trump",
        aliases: ["Trump", "President Trump"],
        role: "President of the United States",
        externalIDs: [ExternalId(scheme: "wikidata", value: "Q22686")],
        description: "US president since January 2025, to whom European leaders planned to present their peace plan."
      ),
      affiliations: [(key: "united-states", kind: .officialOf)]
    ),
    ActorSeed(
      key: "emmanuel-macron",
      actor: Actor(
        kind: .person,
        canonicalName: "Emmanuel Macron",
        aliases: ["Macron"],
        role: "President of France",
        description: "Offered, with Keir Starmer, to send troops to Ukraine to help keep the peace after a deal."
      ),
      affiliations: [(key: "france", kind: .officialOf)]
    ),
    ActorSeed(
      key: "ursula-von-der-leyen",
      actor: Actor(
        kind: .person,
        canonicalName: "Ursula von der Leyen",
        aliases: ["von der Leyen", "Von der Leyen"],
        role: "President of the European Commission",
        description: "Proposed easing the EU's debt rules so that member states can invest more in defence."
      ),
      affiliations: [(key: "european-commission", kind: .officialOf)]
    ),
    ActorSeed(
      key: "donald-tusk",
      actor: Actor(
        kind: .person,
        canonicalName: "Donald Tusk",
        aliases: ["Tusk"],
        role: "Prime Minister of Poland",
        description: "Argued at the London summit that Europe should carry the cost of larger defence budgets in NATO."
      ),
      affiliations: [(key: "poland", kind: .officialOf)]
    ),
    ActorSeed(
      key: "mark-rutte",
      actor: Actor(
        kind: .person,
        canonicalName: "Mark Rutte",
        aliases: ["Rutte"],
        role: "Secretary General of NATO",
        description: "Pointed at the London summit to more European countries promising to raise defence spending."
      ),
      affiliations: [(key: "nato", kind: .officialOf)]
    ),
    ActorSeed(
      key: "king-charles-iii",
      actor: Actor(
        kind: .person,
        canonicalName: "Charles III",
        aliases: ["King Charles III", "King Charles"],
        role: "King of the United Kingdom",
        externalIDs: [ExternalId(scheme: "wikidata", value: "Q43274")],
        description: "Received Volodymyr Zelensky at his Sandringham estate during the London summit visit."
      ),
      affiliations: [(key: "united-kingdom", kind: .officialOf)]
    ),

    // Groups.
    ActorSeed(
      key: "coalition-of-the-willing",
      actor: Actor(
        kind: .group,
        canonicalName: "Coalition of the willing",
        aliases: ["coalition of the willing"],
        description: "Britain, Ukraine, France and other willing countries, formed to draw up a Ukraine peace plan for the US."
      ),
      affiliations: [
        (key: "united-kingdom", kind: .hasMember), (key: "france", kind: .hasMember), (key: "ukraine", kind: .hasMember),
      ]
    ),
    ActorSeed(
      key: "european-leaders",
      actor: Actor(
        kind: .group,
        canonicalName: "European leaders",
        aliases: ["Europe's leaders", "European governments"],
        description: "The European participants in the 2 March 2025 London summit on Ukraine, speaking together."
      ),
      affiliations: []
    ),
    ActorSeed(
      key: "leaders-at-london-summit",
      actor: Actor(
        kind: .group,
        canonicalName: "Leaders at the London summit",
        aliases: ["London summit leaders", "summit leaders"],
        description: "The leaders who met in London on 2 March 2025 on Ukraine, speaking together; not every participant is listed as a member.",
        labels: ["sample"]
      ),
      affiliations: [
        (key: "united-kingdom", kind: .hasMember), (key: "ukraine", kind: .hasMember), (key: "france", kind: .hasMember),
        (key: "germany", kind: .hasMember), (key: "denmark", kind: .hasMember), (key: "italy", kind: .hasMember),
        (key: "turkey", kind: .hasMember), (key: "poland", kind: .hasMember), (key: "nato", kind: .hasMember),
        (key: "european-union", kind: .hasMember),
      ]
    ),
    ActorSeed(
      key: "european-countries",
      actor: Actor(
        kind: .group,
        canonicalName: "European countries",
        aliases: ["more European countries", "several European countries"],
        description: "European countries a source speaks of without naming them, such as those NATO's secretary-general said had promised to spend more on defence.",
        labels: ["sample"]
      ),
      affiliations: []
    ),
  ]
}
