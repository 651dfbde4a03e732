import PledgewireWire

/// Pledgewire's sample dataset: the 2 March 2025 London summit on Ukraine, written in the project's own words from
/// the facts of the news report it was built from. Actors and articles refer to each other by `key`; the loader
/// assigns ids and finds every mention and quote in the article text, so the text is the single source of truth.
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
    public let pledge: Pledge  // action, category, modality, condition, amount, made_at_ms, due_at_ms; no parties, evidence, status
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
  ]

  /// The two sample articles: the report of the summit and a next-day explainer of its commitments.
  public static let articles: [ArticleSeed] = [
    ArticleSeed(
      key: "london-summit-report",
      article: Article(
        canonicalURL: "https://sample.pledgewire.example/2025/03/02/london-summit-european-leaders-ukraine-peace-plan",
        title: "European leaders agree in London to draft a Ukraine peace plan for Washington",
        outlet: "Pledgewire Sample Wire",
        byline: "Pledgewire sample desk",
        language: "en",
        publishedAtMs: 1_740_931_200_000,
        dateline: "LONDON",
        body: """
          European leaders have agreed to put together a peace plan for Ukraine and take it to the United States, \
          British Prime Minister Keir Starmer announced on 2 March. The plan is meant as a step towards Washington \
          offering the security guarantees that Kyiv regards as indispensable for holding Russia back.

          The leaders gathered in London only two days after Ukrainian President Volodymyr Zelensky fell out with US \
          President Donald Trump and left the US earlier than planned. At the summit they lined up behind Zelensky \
          and pledged to step up their help for Ukraine.

          Starmer, who had greeted a visibly shaken Zelensky with a warm embrace on 1 March, said Britain, Ukraine, \
          France and other willing countries would form a "coalition of the willing" to prepare the plan and put it \
          to Trump. "This is not a moment for more talk. It's time to act. Time to step up and lead and to unite \
          around a new plan for a just and enduring peace," he said.

          The leaders also agreed that Europe needs to spend more on defence, to show Trump that the continent can \
          look after its own security. With budgets in many capitals already stretched, European Commission \
          President Ursula von der Leyen proposed loosening the EU's debt rules so that governments can put more \
          money into defence.

          The angry exchange between Trump and Zelensky in the Oval Office has raised fears that the US could pull \
          back its support for Ukraine and press on it a settlement worked out with Russia. European governments are \
          now working hard to make sure Kyiv is not left out of any negotiations. Several leaders argued that higher \
          defence spending was the way to win an American security guarantee once there is peace.

          Defence investment would have to be sustained over a long period, von der Leyen said. Donald Tusk, \
          Poland's prime minister, argued that paying for larger defence budgets within NATO was a load Europe \
          itself should carry. Both stressed that Europe must keep its ties with the US close.

          Europe does not have the stocks of weapons and ammunition that the US holds. It hopes to persuade Trump \
          that it can defend itself, while arguing that Russia will respect a peace deal only if the United States \
          stands behind it. Discussions with the US have turned on what cover it could give a European peacekeeping \
          force, such as air cover, intelligence and surveillance.

          If an agreement is reached, Starmer and French President Emmanuel Macron are ready to send British and \
          French troops into Ukraine to help keep the peace, both have said. Mark Rutte, NATO's secretary-general, \
          said a growing number of European countries had promised to spend more on defence, and insisted that \
          America's commitment to the transatlantic alliance stands.

          Those taking part in the summit included France, Germany, Denmark, Italy, Turkey, NATO and the European \
          Union. In a further gesture of support, Zelensky also met King Charles III at the monarch's private \
          Sandringham estate in eastern England.

          Trump's return to the White House in January turned US policy on the three-year-old war on its head, \
          leaving Ukraine and Europe unsure of American support and ending the isolation of Moscow. Europe was taken \
          by surprise when Trump rang Russia's President Vladimir Putin unannounced, and again when a US delegation \
          went to Saudi Arabia to talk to Russia with neither Ukraine nor Europe at the table. Trump has also \
          wrongly blamed Kyiv for the war and complained that Zelensky is not grateful enough for US aid.

          Seeing Zelensky and Trump argue in the Oval Office had been uncomfortable, Starmer admitted, but he said \
          the discussion had to be taken forward, and he has offered to act as a go-between for Europe and the US.

          White House national security adviser Mike Waltz told CNN on 2 March that the US needs a Ukrainian leader \
          ready to make a durable peace with Russia, and it is not clear that Zelensky fits that description. Sergei \
          Lavrov, Russia's foreign minister, welcomed Trump's "common sense" approach and charged that European \
          countries were keeping the conflict going by standing behind Zelensky with peacekeeping units.

          At a news conference, Starmer said European leaders had agreed to make sure Kyiv takes part in any peace \
          talks and to strengthen Ukraine's defences. "Europe must do the heavy lifting, but to support peace in our \
          continent, and to succeed this effort must have strong US backing," he said.
          """,
        labels: ["ukraine", "london-summit", "defence", "peace-plan"]
      ),
      mentions: [
        (actorKey: "european-leaders", surface: "European leaders"), (actorKey: "ukraine", surface: "Ukraine"),
        (actorKey: "united-states", surface: "United States"), (actorKey: "keir-starmer", surface: "Starmer"),
        (actorKey: "united-states", surface: "Washington"), (actorKey: "ukraine", surface: "Kyiv"),
        (actorKey: "russia", surface: "Russia"), (actorKey: "volodymyr-zelensky", surface: "Zelensky"),
        (actorKey: "united-states", surface: "US"), (actorKey: "donald-trump", surface: "Trump"),
        (actorKey: "united-states", surface: "US"), (actorKey: "volodymyr-zelensky", surface: "Zelensky"),
        (actorKey: "ukraine", surface: "Ukraine"), (actorKey: "keir-starmer", surface: "Starmer"),
        (actorKey: "volodymyr-zelensky", surface: "Zelensky"), (actorKey: "united-kingdom", surface: "Britain"),
        (actorKey: "ukraine", surface: "Ukraine"), (actorKey: "france", surface: "France"),
        (actorKey: "coalition-of-the-willing", surface: "coalition of the willing"),
        (actorKey: "donald-trump", surface: "Trump"), (actorKey: "donald-trump", surface: "Trump"),
        (actorKey: "european-commission", surface: "European Commission"),
        (actorKey: "ursula-von-der-leyen", surface: "von der Leyen"), (actorKey: "european-union", surface: "EU"),
        (actorKey: "donald-trump", surface: "Trump"), (actorKey: "volodymyr-zelensky", surface: "Zelensky"),
        (actorKey: "united-states", surface: "US"), (actorKey: "ukraine", surface: "Ukraine"),
        (actorKey: "russia", surface: "Russia"), (actorKey: "ukraine", surface: "Kyiv"),
        (actorKey: "ursula-von-der-leyen", surface: "von der Leyen"), (actorKey: "donald-tusk", surface: "Tusk"),
        (actorKey: "poland", surface: "Poland"), (actorKey: "nato", surface: "NATO"),
        (actorKey: "united-states", surface: "US"), (actorKey: "united-states", surface: "US"),
        (actorKey: "donald-trump", surface: "Trump"), (actorKey: "russia", surface: "Russia"),
        (actorKey: "united-states", surface: "United States"), (actorKey: "united-states", surface: "US"),
        (actorKey: "keir-starmer", surface: "Starmer"), (actorKey: "emmanuel-macron", surface: "Macron"),
        (actorKey: "ukraine", surface: "Ukraine"), (actorKey: "mark-rutte", surface: "Rutte"),
        (actorKey: "nato", surface: "NATO"), (actorKey: "france", surface: "France"),
        (actorKey: "germany", surface: "Germany"), (actorKey: "denmark", surface: "Denmark"),
        (actorKey: "italy", surface: "Italy"), (actorKey: "turkey", surface: "Turkey"),
        (actorKey: "nato", surface: "NATO"), (actorKey: "european-union", surface: "European Union"),
        (actorKey: "volodymyr-zelensky", surface: "Zelensky"),
        (actorKey: "king-charles-iii", surface: "King Charles III"), (actorKey: "donald-trump", surface: "Trump"),
        (actorKey: "united-states", surface: "US"), (actorKey: "ukraine", surface: "Ukraine"),
        (actorKey: "russia", surface: "Moscow"), (actorKey: "donald-trump", surface: "Trump"),
        (actorKey: "russia", surface: "Russia"), (actorKey: "united-states", surface: "US"),
        (actorKey: "russia", surface: "Russia"), (actorKey: "ukraine", surface: "Ukraine"),
        (actorKey: "donald-trump", surface: "Trump"), (actorKey: "ukraine", surface: "Kyiv"),
        (actorKey: "volodymyr-zelensky", surface: "Zelensky"), (actorKey: "united-states", surface: "US"),
        (actorKey: "volodymyr-zelensky", surface: "Zelensky"), (actorKey: "donald-trump", surface: "Trump"),
        (actorKey: "keir-starmer", surface: "Starmer"), (actorKey: "united-states", surface: "US"),
        (actorKey: "united-states", surface: "US"), (actorKey: "russia", surface: "Russia"),
        (actorKey: "volodymyr-zelensky", surface: "Zelensky"), (actorKey: "russia", surface: "Russia"),
        (actorKey: "donald-trump", surface: "Trump"), (actorKey: "volodymyr-zelensky", surface: "Zelensky"),
        (actorKey: "keir-starmer", surface: "Starmer"), (actorKey: "european-leaders", surface: "European leaders"),
        (actorKey: "ukraine", surface: "Kyiv"), (actorKey: "ukraine", surface: "Ukraine"),
        (actorKey: "united-states", surface: "US"),
      ]
    ),
    ArticleSeed(
      key: "london-summit-explainer",
      article: Article(
        canonicalURL: "https://sample.pledgewire.example/2025/03/03/what-europe-promised-ukraine-at-the-london-summit",
        title: "Explainer: what Europe's leaders promised Ukraine at the London summit",
        outlet: "Pledgewire Sample Wire",
        byline: "Pledgewire sample desk",
        language: "en",
        publishedAtMs: 1_741_003_200_000,
        dateline: "LONDON",
        body: """
          The London summit on 2 March did not produce a settlement for Ukraine, but it did leave a list of \
          commitments. This is what the leaders said they would do.

          A peace plan for Washington. European leaders agreed to draw up a plan to end the war in Ukraine and \
          present it to the United States. Keir Starmer, the British prime minister, said the UK, France, Ukraine \
          and other willing countries would work on it together as a "coalition of the willing".

          Troops, but only after a deal. Starmer and Emmanuel Macron, the French president, have said British and \
          French troops could go to Ukraine to help keep the peace, but only once an agreement is reached. Until \
          then the offer stays on paper.

          Bigger defence budgets. Leaders agreed that Europe must spend more on defence. Ursula von der Leyen, who \
          heads the European Commission, wants the EU's debt rules relaxed to make room for that spending, and \
          Donald Tusk of Poland said Europe should shoulder the cost of bigger defence budgets within NATO. Mark \
          Rutte, the alliance's secretary-general, said more European countries had promised to raise their \
          spending.

          A seat at the table. The leaders said they would make sure Kyiv takes part in any peace talks, after US \
          officials sat down with Russia in Saudi Arabia without Ukraine in the room.

          Help for Ukraine. The leaders promised to strengthen Ukraine's defences and to do more to help the \
          country.

          A bridge to Washington. Starmer has offered to act as a go-between for Europe and the US after the clash \
          between Volodymyr Zelensky and Donald Trump in the Oval Office two days before the summit.

          What is still missing is American backing. Starmer has said Europe must do the heavy lifting, but that the \
          effort can only succeed with strong US support.
          """,
        labels: ["ukraine", "london-summit", "defence", "explainer"]
      ),
      mentions: [
        (actorKey: "ukraine", surface: "Ukraine"), (actorKey: "united-states", surface: "Washington"),
        (actorKey: "european-leaders", surface: "European leaders"), (actorKey: "ukraine", surface: "Ukraine"),
        (actorKey: "united-states", surface: "United States"), (actorKey: "keir-starmer", surface: "Starmer"),
        (actorKey: "united-kingdom", surface: "UK"), (actorKey: "france", surface: "France"),
        (actorKey: "ukraine", surface: "Ukraine"),
        (actorKey: "coalition-of-the-willing", surface: "coalition of the willing"),
        (actorKey: "keir-starmer", surface: "Starmer"), (actorKey: "emmanuel-macron", surface: "Macron"),
        (actorKey: "ukraine", surface: "Ukraine"), (actorKey: "ursula-von-der-leyen", surface: "von der Leyen"),
        (actorKey: "european-commission", surface: "European Commission"),
        (actorKey: "european-union", surface: "EU"), (actorKey: "donald-tusk", surface: "Tusk"),
        (actorKey: "poland", surface: "Poland"), (actorKey: "nato", surface: "NATO"),
        (actorKey: "mark-rutte", surface: "Rutte"), (actorKey: "ukraine", surface: "Kyiv"),
        (actorKey: "united-states", surface: "US"), (actorKey: "russia", surface: "Russia"),
        (actorKey: "ukraine", surface: "Ukraine"), (actorKey: "ukraine", surface: "Ukraine"),
        (actorKey: "ukraine", surface: "Ukraine"), (actorKey: "united-states", surface: "Washington"),
        (actorKey: "keir-starmer", surface: "Starmer"), (actorKey: "united-states", surface: "US"),
        (actorKey: "volodymyr-zelensky", surface: "Zelensky"), (actorKey: "donald-trump", surface: "Trump"),
        (actorKey: "keir-starmer", surface: "Starmer"), (actorKey: "united-states", surface: "US"),
      ]
    ),
  ]

  /// The pledges made at the summit, each announced in the report and most reaffirmed in the explainer.
  public static let pledges: [PledgeSeed] = [
    PledgeSeed(
      key: "european-peace-plan",
      parties: [
        (actorKey: "european-leaders", role: .maker), (actorKey: "keir-starmer", role: .announcer),
        (actorKey: "ukraine", role: .beneficiary),
      ],
      pledge: Pledge(
        action: "draft a peace plan for Ukraine and present it to the United States",
        category: .peaceProcess,
        modality: .agreement,
        madeAtMs: 1_740_931_200_000
      ),
      evidence: [
        EvidenceSeed(
          articleKey: "london-summit-report",
          quote: "European leaders have agreed to put together a peace plan for Ukraine and take it to the United States",
          stance: .announces
        ),
        EvidenceSeed(
          articleKey: "london-summit-explainer",
          quote: "European leaders agreed to draw up a plan to end the war in Ukraine and present it to the United States",
          stance: .reaffirms
        ),
      ]
    ),
    PledgeSeed(
      key: "coalition-of-the-willing-peace-plan",
      parties: [
        (actorKey: "coalition-of-the-willing", role: .maker), (actorKey: "united-kingdom", role: .maker),
        (actorKey: "france", role: .maker), (actorKey: "ukraine", role: .maker),
        (actorKey: "keir-starmer", role: .announcer),
      ],
      pledge: Pledge(
        action: "form a coalition of the willing to draw up the peace plan and put it to Donald Trump",
        category: .peaceProcess,
        modality: .intent,
        madeAtMs: 1_740_931_200_000
      ),
      evidence: [
        EvidenceSeed(
          articleKey: "london-summit-report",
          quote:
            "Britain, Ukraine, France and other willing countries would form a \"coalition of the willing\" to prepare the plan and put it to Trump",
          stance: .announces
        ),
        EvidenceSeed(
          articleKey: "london-summit-explainer",
          quote: "the UK, France, Ukraine and other willing countries would work on it together as a \"coalition of the willing\"",
          stance: .reaffirms
        ),
      ]
    ),
    PledgeSeed(
      key: "raise-defence-spending",
      parties: [(actorKey: "european-leaders", role: .maker), (actorKey: "keir-starmer", role: .announcer)],
      pledge: Pledge(
        action: "spend more on defence to show that Europe can look after its own security",
        category: .defenceSpending,
        modality: .agreement,
        madeAtMs: 1_740_931_200_000
      ),
      evidence: [
        EvidenceSeed(
          articleKey: "london-summit-report",
          quote:
            "The leaders also agreed that Europe needs to spend more on defence, to show Trump that the continent can look after its own security.",
          stance: .announces
        ),
        EvidenceSeed(
          articleKey: "london-summit-explainer",
          quote: "Leaders agreed that Europe must spend more on defence.",
          stance: .reaffirms
        ),
      ]
    ),
    PledgeSeed(
      key: "peacekeeping-troops",
      parties: [
        (actorKey: "united-kingdom", role: .maker), (actorKey: "france", role: .maker),
        (actorKey: "keir-starmer", role: .announcer), (actorKey: "emmanuel-macron", role: .announcer),
        (actorKey: "ukraine", role: .beneficiary),
      ],
      pledge: Pledge(
        action: "send British and French troops to Ukraine to help keep the peace",
        category: .troopDeployment,
        modality: .offer,
        condition: Condition(text: "if a peace agreement is reached", state: .pending),
        madeAtMs: 1_740_931_200_000
      ),
      evidence: [
        EvidenceSeed(
          articleKey: "london-summit-report",
          quote:
            "If an agreement is reached, Starmer and French President Emmanuel Macron are ready to send British and French troops into Ukraine to help keep the peace",
          stance: .announces
        ),
        EvidenceSeed(
          articleKey: "london-summit-explainer",
          quote:
            "Starmer and Emmanuel Macron, the French president, have said British and French troops could go to Ukraine to help keep the peace, but only once an agreement is reached",
          stance: .reaffirms
        ),
      ]
    ),
    PledgeSeed(
      key: "ukraine-in-peace-talks",
      parties: [
        (actorKey: "european-leaders", role: .maker), (actorKey: "keir-starmer", role: .announcer),
        (actorKey: "ukraine", role: .beneficiary),
      ],
      pledge: Pledge(
        action: "make sure Ukraine takes part in any peace talks and is not left out of negotiations",
        category: .diplomatic,
        modality: .intent,
        madeAtMs: 1_740_931_200_000
      ),
      evidence: [
        EvidenceSeed(
          articleKey: "london-summit-report",
          quote: "Starmer said European leaders had agreed to make sure Kyiv takes part in any peace talks",
          stance: .announces
        ),
        EvidenceSeed(
          articleKey: "london-summit-explainer",
          quote: "The leaders said they would make sure Kyiv takes part in any peace talks",
          stance: .reaffirms
        ),
      ]
    ),
    PledgeSeed(
      key: "ease-eu-debt-rules",
      parties: [(actorKey: "european-commission", role: .maker), (actorKey: "ursula-von-der-leyen", role: .announcer)],
      pledge: Pledge(
        action: "ease the EU's debt rules so that member states can invest more in defence",
        category: .defenceSpending,
        modality: .proposal,
        madeAtMs: 1_740_931_200_000
      ),
      evidence: [
        EvidenceSeed(
          articleKey: "london-summit-report",
          quote:
            "European Commission President Ursula von der Leyen proposed loosening the EU's debt rules so that governments can put more money into defence",
          stance: .announces
        ),
        EvidenceSeed(
          articleKey: "london-summit-explainer",
          quote:
            "Ursula von der Leyen, who heads the European Commission, wants the EU's debt rules relaxed to make room for that spending",
          stance: .reaffirms
        ),
      ]
    ),
    PledgeSeed(
      key: "europe-carries-nato-defence-burden",
      parties: [
        (actorKey: "poland", role: .maker), (actorKey: "donald-tusk", role: .announcer), (actorKey: "nato", role: .beneficiary),
      ],
      pledge: Pledge(
        action: "have Europe carry the cost of larger defence budgets within NATO",
        category: .defenceSpending,
        modality: .intent,
        madeAtMs: 1_740_931_200_000
      ),
      evidence: [
        EvidenceSeed(
          articleKey: "london-summit-report",
          quote:
            "Donald Tusk, Poland's prime minister, argued that paying for larger defence budgets within NATO was a load Europe itself should carry",
          stance: .announces
        ),
        EvidenceSeed(
          articleKey: "london-summit-explainer",
          quote: "Donald Tusk of Poland said Europe should shoulder the cost of bigger defence budgets within NATO",
          stance: .reaffirms
        ),
      ]
    ),
    PledgeSeed(
      key: "more-countries-raise-defence-spending",
      parties: [(actorKey: "european-leaders", role: .maker), (actorKey: "mark-rutte", role: .announcer)],
      pledge: Pledge(
        action: "more European countries to raise their defence spending",
        category: .defenceSpending,
        modality: .promise,
        madeAtMs: 1_740_931_200_000
      ),
      evidence: [
        EvidenceSeed(
          articleKey: "london-summit-report",
          quote:
            "Mark Rutte, NATO's secretary-general, said a growing number of European countries had promised to spend more on defence",
          stance: .announces
        ),
        EvidenceSeed(
          articleKey: "london-summit-explainer",
          quote: "Mark Rutte, the alliance's secretary-general, said more European countries had promised to raise their spending",
          stance: .reaffirms
        ),
      ]
    ),
    PledgeSeed(
      key: "strengthen-ukraine-defences",
      parties: [
        (actorKey: "european-leaders", role: .maker), (actorKey: "keir-starmer", role: .announcer),
        (actorKey: "ukraine", role: .beneficiary),
      ],
      pledge: Pledge(
        action: "strengthen Ukraine's defences and do more to help Ukraine",
        category: .militaryAid,
        modality: .promise,
        madeAtMs: 1_740_931_200_000
      ),
      evidence: [
        EvidenceSeed(
          articleKey: "london-summit-report",
          quote: "At the summit they lined up behind Zelensky and pledged to step up their help for Ukraine.",
          stance: .announces
        ),
        EvidenceSeed(
          articleKey: "london-summit-explainer",
          quote: "The leaders promised to strengthen Ukraine's defences and to do more to help the country.",
          stance: .reaffirms
        ),
      ]
    ),
    PledgeSeed(
      key: "starmer-bridge-to-washington",
      parties: [(actorKey: "keir-starmer", role: .maker)],
      pledge: Pledge(
        action: "act as a go-between for Europe and the United States",
        category: .diplomatic,
        modality: .offer,
        madeAtMs: 1_740_931_200_000
      ),
      evidence: [
        EvidenceSeed(
          articleKey: "london-summit-report",
          quote: "he has offered to act as a go-between for Europe and the US",
          stance: .announces
        ),
        EvidenceSeed(
          articleKey: "london-summit-explainer",
          quote: "Starmer has offered to act as a go-between for Europe and the US",
          stance: .reaffirms
        ),
      ]
    ),
  ]
}
