import Testing
@testable import PledgewireExtraction

@Suite("Pledge attributes")
struct AttributeTests {
  @Test(arguments: [
    ("Chile pledged $50 billion.", "50000000000", "USD", AmountQualifier.exact),
    ("Chile pledged up to $60m.", "60000000", "USD", .upTo),
    ("Chile pledged “up to” $US60 million.", "60000000", "USD", .upTo),
    ("Chile pledged £1.6bn ($2bn).", "1600000000", "GBP", .exact),
    ("Chile pledged more than 3 billion euros.", "3000000000", "EUR", .atLeast),
    ("Chile pledged about C$2.4 billion.", "2400000000", "CAD", .about),
    ("Chile pledged $US17.5 million.", "17500000", "USD", .exact),
    ("Chile pledged as much as ¥90bn.", "90000000000", "JPY", .upTo),
    ("Chile pledged USD 250,000.", "250000", "USD", .exact),
  ])
  func amountsHaveValueCurrencyAndQualifier(_ text: String, _ value: String, _ currency: String, _ qualifier: AmountQualifier) {
    let amount = extract(text).candidates.first?.amount
    #expect(amount?.value == value, "\(text)")
    #expect(amount?.currency == currency, "\(text)")
    #expect(amount?.qualifier == qualifier, "\(text)")
  }

  @Test func aRecurringSumHasItsPeriod() {
    let amount = extract("Donors agreed to provide $300 billion a year by 2035.").candidates.first?.amount
    #expect(amount?.period == .perYear && amount?.excerpt.text == "$300 billion a year")
    #expect(extract("Chile pledged €5m.").candidates.first?.amount?.period == .once)
  }

  @Test func aConvertedSumIsAnEquivalent() {
    let amount = extract("Britain pledged £1.6bn ($2bn) for radars.").candidates.first?.amount
    #expect(amount?.excerpt.text == "£1.6bn ($2bn)")
    #expect(amount?.equivalents == [Amount.Equivalent(value: "2000000000", currency: "USD")])
  }

  @Test func severalPledgesInOneSentenceAreSeparateCandidates() {
    let text = "Spain committed $30 million, the European Union pledged $120 million, and Canada pledged “up to” $15 million."
    let candidates = extract(text).candidates
    #expect(candidates.map(\.makerNames) == [["Spain"], ["European Union"], ["Canada"]])
    #expect(candidates.map { $0.amount?.value } == ["30000000", "120000000", "15000000"])
    #expect(candidates.map { $0.amount?.qualifier } == [.exact, .exact, .upTo])
    #expect(Set(candidates.map(\.quote.text)) == [text])
  }

  @Test func twoActionsJoinedByAndAreTwoCandidates() {
    let text = "Peru and Chile would form a joint fund and draw up a plan for the coast, Lima said."
    let candidates = extract(text).candidates
    #expect(candidates.map(\.action) == ["form a joint fund", "draw up a plan for the coast"])
    #expect(candidates.allSatisfy { $0.makerNames == ["Peru", "Chile"] })
    // A negated second part is no pledge: the first action ends before it.
    let one = extract("Canada would send 40 drones and would not rule out more, Ottawa said.").candidates
    #expect(one.map(\.action) == ["send 40 drones"])
  }

  @Test(arguments: [
    ("Norway will send medics if a truce holds.", "if a truce holds"),
    ("Norway pledged $5 million, subject to approval by parliament.", "subject to approval by parliament"),
    ("Norway will send engineers, but only in a second phase.", "only in a second phase"),
    ("Norway will pay provided that Chile matches the sum.", "provided that Chile matches the sum"),
    ("If the talks succeed, Norway will host the signing.", "If the talks succeed"),
    ("Norway is ready to keep its ships there for as long as the war lasts.", "for as long as the war lasts"),
  ])
  func conditionsAreKept(_ text: String, _ condition: String) {
    #expect(extract(text).candidates.first?.condition?.text == condition, "\(text)")
  }

  @Test func beneficiariesAreThePartiesHelped() {
    let extraction = extract("Japan will provide Kenya with generators and send nurses to Ghana to help Uganda.")
    let beneficiaries = extraction.candidates.flatMap(\.beneficiaryNames)
    #expect(beneficiaries == ["Kenya", "Ghana", "Uganda"])
    #expect(extract("Japan will send a team on a visit to Kenya.").candidates.first?.beneficiaries.isEmpty == true)
  }

  @Test func quantitiesHaveValueAndUnit() {
    let candidate = extract("Poland will send 5,000 troops, two brigades and 12 Challenger 2 tanks.").candidates.first
    #expect(candidate?.quantities.map { "\($0.value) \($0.unit)" } == ["5000 troops", "2 brigades", "12 Challenger 2 tanks"])
    let more = extract("Poland will send more than 5,000 troops.").candidates.first?.quantities.first
    #expect(more?.qualifier == .atLeast && more?.excerpt.text == "more than 5,000 troops")
  }

  @Test func sharesAreTargets() {
    let target = extract("Estonia promised to spend at least 3.5% of GDP on defence.").candidates.first?.target
    #expect(target?.percent == "3.5" && target?.of == "GDP" && target?.qualifier == .atLeast)
    #expect(target?.excerpt.text == "at least 3.5% of GDP")
    #expect(extract("Estonia promised to spend 3.5% of GDP on defence.").candidates.first?.quantities.isEmpty == true)
    let words = extract("Chile will spend 2 per cent of its national income on schools.").candidates.first?.target
    #expect(words?.percent == "2" && words?.of == "its national income")
  }

  @Test func deadlinesHaveTheirPrecision() {
    func deadline(_ text: String, published: Int64? = nil) -> Deadline? {
      extract(text, publishedAtMs: published).candidates.first?.deadline
    }
    let year = deadline("Allies will reach the target by 2035.")
    #expect(year?.precision == .year && year?.year == 2035 && year?.ms == CivilDate.milliseconds(year: 2035, month: 1, day: 1))
    let month = deadline("Chile will finish the port by the end of March 2026.")
    #expect(month?.precision == .month && month?.month == 3 && month?.year == 2026)
    let day = deadline("Chile will pay before 1 June 2025.")
    #expect(day?.precision == .day && day?.day == 1 && day?.month == 6)
    let american = deadline("Chile will pay by June 1, 2025.")
    #expect(american?.precision == .day && american?.year == 2025)
    #expect(deadline("Chile will pay by end-2027.")?.year == 2027)
    // Relative deadlines need the publication date.
    let published = CivilDate.milliseconds(year: 2024, month: 6, day: 13)
    #expect(deadline("Chile will pay by the end of the year.") == nil)
    #expect(deadline("Chile will pay by the end of the year.", published: published)?.year == 2024)
    #expect(deadline("Chile will pay within two years.", published: published)?.year == 2026)
    #expect(deadline("Chile will pay by March.", published: published)?.year == 2025)
  }

  @Test(arguments: [
    ("Norway will raise defence spending to 3% of GDP.", PledgeCategory.defenceSpending),
    ("Norway will deploy 300 troops to Latvia.", .troopDeployment),
    ("Norway will host peace talks between the two sides.", .peaceProcess),
    ("Norway will offer security guarantees to Moldova.", .securityGuarantee),
    ("Norway will send air defence systems and artillery shells to Ukraine.", .militaryAid),
    ("Norway will lend $2 billion in loans to Ukraine.", .financialAid),
    ("Norway will send food and medical supplies to Sudan.", .humanitarianAid),
    ("Norway will pay $50 million to cut emissions and fund climate adaptation.", .climateAid),
    ("Norway will reopen its embassy in Damascus.", .diplomatic),
    ("Norway will impose new sanctions on Belarus.", .sanctions),
    ("Norway will fund infrastructure and economic development in Mali.", .developmentAid),
    ("Norway will rename the square.", .other),
  ])
  func categoriesComeFromTheActionsWords(_ text: String, _ category: PledgeCategory) {
    #expect(extract(text).candidates.first?.category == category, "\(text)")
  }

  @Test func aBareSumTakesTheArticlesTopic() {
    let text = """
      The climate summit opened with talk of climate finance, emissions and adaptation for poor states. \
      Ireland pledged $25 million to the new fund.
      """
    #expect(extract(text).candidates.first?.category == .climateAid)
    #expect(extract("Ireland pledged $25 million to the new fund.").candidates.first?.category == .financialAid)
  }

  @Test func aRestatedPledgeIsOneCandidateWithAdditionalQuotes() {
    let text = """
      Germany will send 20 tanks to Ukraine, the chancellor said. Ukraine thanked Berlin for its decision to \
      deliver tanks to Kyiv. Separately, Germany pledged $4 million for demining in Iraq.
      """
    let candidates = extract(text).candidates
    #expect(candidates.count == 2)
    #expect(candidates[0].additionalQuotes.map(\.text) == ["Ukraine thanked Berlin for its decision to deliver tanks to Kyiv."])
    #expect(candidates[0].category == .militaryAid)
    #expect(candidates[1].additionalQuotes.isEmpty)
  }
}
