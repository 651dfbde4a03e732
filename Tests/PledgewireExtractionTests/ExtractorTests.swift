import Testing
@testable import PledgewireExtraction

/// A whole article, written for these tests (an invented summit), end to end.
let summitArticle = """
  REYKJAVIK, Iceland (AP) — Nordic leaders agreed on Tuesday to spend 3% of GDP on defence by 2030, \
  Icelandic Prime Minister Kristrun Eiriksdottir said after a two-day summit.

  Norway, Sweden and Finland will also send 1,200 troops to a new Arctic brigade, she said, while Denmark \
  pledged up to €400 million ($430 million) for coastal radars, subject to approval by its parliament.

  “We will not leave the Baltic states alone,” Eiriksdottir told reporters. “We will train their engineers \
  and repair their bridges.”

  Critics said the plan could cost far more. Sweden's finance minister, Olof Berg, said his country would \
  need to borrow, and Finland did not commit to the radar scheme.

  Eiriksdottir, who hosted the talks in Reykjavik, said the leaders would meet again in March.
  """

@Suite("Extractor")
struct ExtractorTests {
  @Test func hardWrappedTextGivesWholeSentencesAndOneLineActions() {
    let extraction = extract("Finland will send\n200 engineers to\nKenya by June 2026.\nPhoto: archive")
    #expect(extraction.candidates.count == 1)
    #expect(extraction.candidates.first?.action == "send 200 engineers to Kenya by June 2026")
    #expect(extraction.candidates.first?.quote.text == "Finland will send\n200 engineers to\nKenya by June 2026.")
  }

  @Test func aWholeArticle() {
    let extraction = extract(summitArticle)
    let pledges = extraction.candidates.map { ($0.makerNames, $0.action) }
    #expect(pledges.count == 5)
    #expect(pledges.map(\.0) == [
      ["Nordic leaders"], ["Norway", "Sweden", "Finland"], ["Denmark"], ["Iceland"], ["Iceland"],
    ])
    let defence = extraction.candidates[0]
    #expect(defence.category == .defenceSpending && defence.modality == .agreement)
    #expect(defence.announcerNames == ["Kristrun Eiriksdottir"])
    #expect(defence.deadline?.year == 2030)
    #expect(defence.target?.percent == "3" && defence.target?.of == "GDP")
    let troops = extraction.candidates[1]
    #expect(troops.category == .troopDeployment && troops.announcerNames == ["Kristrun Eiriksdottir"])
    let radars = extraction.candidates[2]
    #expect(radars.amount?.value == "400000000" && radars.amount?.qualifier == .upTo)
    #expect(radars.condition?.text == "subject to approval by its parliament")
    #expect(extraction.candidates[3...].allSatisfy { $0.announcerNames == ["Kristrun Eiriksdottir"] })
    #expect(extraction.actorNames.contains("Associated Press"))
    #expect(!extraction.mentions.contains { $0.text == "Iceland" })  // the dateline's place
    #expect(extraction.mention("Icelandic")?.actor.name == "Iceland")
    #expect(Set(extraction.actorNames).isSuperset(of: ["Norway", "Sweden", "Finland", "Denmark", "Olof Berg"]))
  }

  @Test func extractionIsDeterministic() {
    #expect(extract(summitArticle) == extract(summitArticle))
  }

  @Test func oneExtractorServesManyTasksAtOnce() async {
    let extractor = Extractor(directory: ActorDirectory([KnownActor(id: 1, name: "Denmark", kind: .country, countryCode: "DNK")]))
    let expected = extractor.extract(summitArticle)
    let results = await withTaskGroup(of: Extraction.self) { group in
      for _ in 0..<8 { group.addTask { extractor.extract(summitArticle) } }
      return await group.reduce(into: []) { $0.append($1) }
    }
    #expect(results.count == 8 && results.allSatisfy { $0 == expected })
    #expect(expected.candidates.first { $0.makerNames == ["Denmark"] }?.makers.first?.actor.id == 1)
  }

  /// Seeded random jumbles of news words, names, numbers, currencies, quotation marks and punctuation: the
  /// extractor never traps, and every range it gives holds its text.
  @Test func randomTextsNeverBreakIt() {
    let pieces = [
      "Norway", "will", "pledged", "$", "£", "1.6bn", "(", ")", "“", "”", "''", "'", "’s", ",", ".", "?", "said", "to",
      "Ukraine", "the", "bloc", "President", "Ana", "Ruiz", "and", "if", "not", "would", "by", "2030", "June", "1",
      "U.S.", "Gen.", "—", "\n", "\n\n", "@AnnaRuiz", "🇨🇱", "é", "\u{301}", "5,000", "troops", "of", "GDP", "%", "up",
      "agreed", "its", "commitment", "that", "who", ":", ";", "Kyiv", "in", "NATO", "leaders", "European", "a", "year",
    ]
    var state: UInt64 = 42
    for _ in 0..<300 {
      var text = ""
      for _ in 0..<Int(state % 60) {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        text += pieces[Int(state >> 33) % pieces.count] + ((state >> 20) % 3 == 0 ? "" : " ")
      }
      _ = extract(text)  // checks every range
    }
  }

  @Test func emptyAndOddTextsGiveNothing() {
    for text in ["", " \n\n ", "…", "$", "“", "12 34", "🇺🇳", String(repeating: "a ", count: 2000)] {
      let extraction = extract(text)
      #expect(extraction.candidates.isEmpty, "\(text.prefix(20))")
    }
  }
}
