import Testing
@testable import PledgewireExtraction

@Suite("Gazetteer and directory")
struct GazetteerTests {
  @Test func everyISOCountryIsThereWithItsCodes() {
    let countries = Gazetteer.entries.filter { $0.kind == .country }
    #expect(countries.count == 250)  // the 249 of ISO 3166-1 and Kosovo
    #expect(Set(countries.compactMap(\.alpha2)).count == 250)
    #expect(Set(countries.compactMap(\.alpha3)).count == 250)
    let ukraine = countries.first { $0.alpha3 == "UKR" }
    #expect(ukraine?.seats.contains("Kyiv") == true && ukraine?.demonyms.contains("Ukrainian") == true)
    // Territories lend no capital: "Hamilton" stays a name.
    #expect(countries.first { $0.alpha2 == "BM" }?.seats.isEmpty == true)
  }

  @Test func namesAliasesDemonymsAndCapitalsResolve() {
    let text = "Kyiv thanked Britain, the UK and Türkiye. Dutch, Emirati and Ivorian officials agreed."
    let names = extract(text).mentions.map(\.actor.name)
    #expect(names == ["Ukraine", "United Kingdom", "United Kingdom", "Turkey", "Netherlands", "United Arab Emirates", "Ivory Coast"])
  }

  @Test func lowerCaseWordsAndCurrenciesAreNotAcronyms() {
    let extraction = extract("Give us time, the minister said, offering US$5bn to the UN.")
    #expect(extraction.mentions.map(\.text) == ["UN"])
  }

  @Test func theDirectoryWinsAndTakesTheGazetteersFacts() {
    let directory = ActorDirectory([
      KnownActor(id: 5, name: "Ukraine", kind: .country, countryCode: "UKR"),
      KnownActor(id: 9, name: "Maria Lopes", kind: .person, aliases: ["Lopes-Ferreira"], role: "Prime Minister of Portugal"),
      KnownActor(id: 12, name: "Northern Shipping Union", kind: .organization, aliases: ["NSU"], capitals: ["Harbour House"]),
    ])
    let extraction = extract(
      "Ukrainian engineers met Maria Lopes in Lisbon. Lopes said Harbour House backed the NSU plan. Kyiv agreed.",
      directory: directory
    )
    let byText = Dictionary(extraction.mentions.map { ($0.text, $0.actor) }, uniquingKeysWith: { a, _ in a })
    #expect(byText["Ukrainian"]?.id == 5)
    #expect(byText["Kyiv"]?.id == 5)
    #expect(byText["Maria Lopes"]?.id == 9)
    #expect(byText["Lopes"]?.id == 9)  // a directory person's surname
    #expect(byText["Harbour House"]?.id == 12)
    #expect(byText["NSU"]?.id == 12)
    #expect(byText["Lisbon"] == nil)  // "in Lisbon" is a place
    #expect(directory.count > 250)
  }

  @Test func aDirectoryRoleResolvesADescription() {
    let directory = ActorDirectory([
      KnownActor(id: 9, name: "Maria Lopes", kind: .person, role: "Prime Minister of Portugal"),
    ])
    let extraction = extract("The Portuguese prime minister promised to visit Kenya.", directory: directory)
    #expect(extraction.mention("prime minister")?.actor.id == 9)
    #expect(extraction.candidates.first?.makerNames == ["Maria Lopes"])
  }
}

@Suite("Actor mentions")
struct MentionTests {
  @Test func titlesBeforeNamesGiveRoleAndAffiliation() {
    let extraction = extract("Chilean Foreign Minister Alberto van Klaveren met NATO Secretary-General Mark Rutte.")
    let alberto = extraction.mention("Alberto van Klaveren")?.actor
    #expect(alberto?.kind == .person && alberto?.source == .proposed)
    #expect(alberto?.role == "Foreign Minister" && alberto?.affiliation == "Chile")
    #expect(extraction.mention("Mark Rutte")?.actor.affiliation == "North Atlantic Treaty Organization")
    #expect(extraction.mention("Chilean")?.actor.name == "Chile")
  }

  @Test func laterSurnamesAndSpellingVariantsFindTheFullName() {
    let text = "President Volodymyr Zelenskyy spoke first. Zelenskiy then left, and Zelensky's aides stayed."
    let extraction = extract(text)
    let people = extraction.mentions.filter { $0.actor.kind == .person }
    #expect(people.map(\.text) == ["Volodymyr Zelenskyy", "Zelenskiy", "Zelensky"])
    #expect(Set(people.map(\.actor.name)) == ["Volodymyr Zelenskyy"])
    #expect(people[1].explanation.first?.contains("short name") == true)
  }

  @Test func aSurnameBeforeTheFullNameIsResolvedToo() {
    let extraction = extract("Okafor pledged aid. Later, Chancellor Miriam Okafor confirmed it.")
    #expect(extraction.mention("Okafor")?.actor.name == "Miriam Okafor")
  }

  @Test func placesUsedAsPlacesAreNotActors() {
    let extraction = extract("""
      At talks in Paris and near Warsaw, after a visit to Ottawa, Spain said Madrid would pay. The Peru-Chile border \
      stayed calm.
      """)
    #expect(extraction.mentions.map(\.text) == ["Spain", "Madrid"])
    #expect(extraction.mention("Madrid")?.actor.name == "Spain")
  }

  @Test func bylinesAndCreditsNameNoActor() {
    let text = """
      By Ana Ruiz and Tom Lee
      Photo: Northlight Images
      Kenya will host the talks in Nairobi and Mombasa.
      Reporting by Ana Ruiz; Editing by Tom Lee
      """
    #expect(extract(text).mentions.map(\.text) == ["Kenya"])
  }

  @Test func aCapitalNamingAnEventIsNoActor() {
    #expect(extract("They left the Paris accord and skipped the Oslo summit.").mentions.isEmpty)
  }

  @Test func datelinesNameAPlaceButKeepTheAgency() {
    let extraction = extract("NAIROBI, Kenya (Reuters) - Kenya will host the talks.")
    #expect(extraction.mentions.map(\.text) == ["Reuters", "Kenya"])
    #expect(extraction.mentions.last?.range.start == 27)
  }

  @Test func unknownNamesAreProposedWithAGuessedKind() {
    let text = """
      Tomas Varga of the Ocean Recovery Fund (ORF) said the fund was ready. Later that day Lindqvist said ORF would \
      decide. Analysts at Northbridge Capital Group disagreed.
      """
    let extraction = extract(text)
    #expect(extraction.mention("Tomas Varga")?.actor.kind == .person)
    #expect(extraction.mention("Ocean Recovery Fund")?.actor.kind == .organization)
    #expect(extraction.mentions.filter { $0.text == "ORF" }.allSatisfy { $0.actor.name == "Ocean Recovery Fund" })
    #expect(extraction.mention("the fund")?.actor.name == "Ocean Recovery Fund")
    #expect(extraction.mention("Lindqvist")?.actor.kind == .person)
    #expect(extraction.mention("Northbridge Capital Group")?.actor.kind == .organization)
    #expect(extraction.mentions.allSatisfy { $0.actor.source != .proposed || $0.confidence < 0.9 })
  }

  @Test func wordsThatOnlyLookLikeNamesAreLeftOut() {
    let text = """
      Later, Germany sent Patriot systems and 12 Challenger 2 tanks to the COP29 summit in Baku. On Monday the \
      Water Security Conference opened in the Gaza Strip. Sincerely grateful, Kenya said.
      """
    #expect(extract(text).mentions.map(\.text) == ["Germany", "Kenya"])
  }

  @Test func definiteDescriptionsFindThePersonNamedBefore() {
    let text = "Kenyan President William Ruto arrived. The Kenyan president said the Chancellor would wait."
    let extraction = extract(text)
    #expect(extraction.mention("president")?.actor.name == "William Ruto")
    // No chancellor was named: "the Chancellor" is no mention.
    #expect(extraction.mention("the Chancellor") == nil)
  }

  @Test func aDescriptionWithoutANameIsProposedWithItsAffiliation() {
    let extraction = extract("The World Bank chief said lending would rise.")
    let chief = extraction.mention("The World Bank chief")?.actor
    #expect(chief?.kind == .person && chief?.affiliation == "World Bank")
    #expect(extraction.mention("World Bank") == nil)
  }

  @Test func groupsActingAreActorsAndVagueOnesAreNot() {
    let text = """
      European leaders agreed on a plan. Several countries stayed away, and some leaders complained. The leaders \
      then left Europe. The meeting of NATO allies ended. Asia has pledged little.
      """
    let extraction = extract(text)
    let groups = extraction.mentions.filter { $0.actor.kind == .group }
    #expect(groups.map(\.text) == ["European leaders", "The leaders", "Asia"])
    let rich = extract("Rich nations agreed to triple their grants. The Baltic states will build radars.")
    #expect(rich.mentions.map(\.text) == ["Rich nations", "Baltic states"])
    #expect(groups[1].actor.name == "European leaders")
    // "NATO allies" did not act: only NATO is mentioned there.
    #expect(extraction.mention("NATO")?.actor.name == "North Atlantic Treaty Organization")
  }

  @Test func theBlocIsTheEUAndHandlesAndFlagsNameActors() {
    let text = "Chancellor Anna Berg backed the bloc. “Thanks!” wrote @AnnaBerg from 🇵🇱."
    let extraction = extract(text)
    #expect(extraction.mention("the bloc")?.actor.name == "European Union")
    #expect(extraction.mention("@AnnaBerg")?.actor.name == "Anna Berg")
    #expect(extraction.mention("🇵🇱")?.actor.name == "Poland")
  }

  @Test func namedCoalitionsAndOutletsAreActors() {
    let text = "Ten states joined a coalition of the donors, the e-news portal and the Le Monde daily reported."
    let extraction = extract(text)
    #expect(extraction.mention("coalition of the donors")?.actor.kind == .group)
    #expect(extraction.mention("e-news")?.actor.kind == .organization)
    #expect(extraction.mention("Le Monde")?.actor.name == "Le Monde")
  }

  @Test func actorsAreListedOncePerActor() {
    let extraction = extract("Japan met Japan's partners. Tokyo agreed with Japan.")
    #expect(extraction.actorNames == ["Japan"])
    #expect(extraction.mentions.count == 4)
  }
}
