import Testing
@testable import PledgewireExtraction

@Suite("Commitment cues")
struct CueTests {
  @Test(arguments: [
    ("Norway pledged to rebuild two bridges in Kenya.", Modality.promise),
    ("Norway promised more aid to Kenya.", .promise),
    ("Norway has vowed to stay the course.", .promise),
    ("Norway is committed to helping Kenya.", .promise),
    ("Norway will rebuild two bridges in Kenya.", .promise),
    ("Norway and Chile agreed to share the cost.", .agreement),
    ("Norway signed a trade agreement with Chile.", .agreement),
    ("Norway is ready to send engineers.", .offer),
    ("Norway offered 300 tents to Chile.", .offer),
    ("Norway plans to open an embassy in Chile.", .intent),
    ("Norway is set to sign the accord.", .intent),
    ("Norway proposed to hold talks in Oslo.", .proposal),
    ("Norway approved a bill to fund the ferries.", .legalAct),
  ])
  func cuesGiveTheirModality(_ text: String, _ modality: Modality) {
    let candidates = extract(text).candidates
    #expect(candidates.count == 1, "\(text)")
    #expect(candidates.first?.modality == modality, "\(text)")
    #expect(candidates.first?.makerNames == ["Norway"] || candidates.first?.makerNames == ["Norway", "Chile"], "\(text)")
  }

  @Test(arguments: [
    "Norway did not pledge any money.",  // negation
    "Norway will not send troops.",
    "Norway won't send troops.",
    "Norway has never promised to pay.",
    "Norway refused to commit troops.",
    "Norway could send troops later.",  // hypothetical
    "Norway might join the fund.",
    "Critics asked whether Norway would pay.",
    "If Norway pledged more, Chile would follow.",
    "Norway must spend more on defence.",  // need
    "Norway needs to spend more on defence.",
    "Norway should send more engineers.",
    "Norway sent 300 tents last week.",  // completed acts
    "Norway has delivered every tank it promised.",
    "Norway fulfilled its pledge to Chile.",
    "Will Norway send troops?",  // a question
    "Norway would send troops.",  // "would" with no report and no condition
    "In total, $3 billion was pledged on Monday.",  // a total without a maker
    "Officials will meet again in March.",  // no named maker
    "The summit will continue on Friday.",
    "Norway will be able to pay.",
    "Norway will have to pay.",
    "“I would rather pay than fight,” Berg said.",
  ])
  func nonCommitmentsMakeNoCandidate(_ text: String) {
    #expect(extract(text).candidates.isEmpty, "\(text)")
  }

  @Test func aParticipleAfterAClauseIsACue() {
    let text = "Latvian Prime Minister Eva Ozola spoke in Riga, promising €30 million for new schools."
    let candidate = extract(text).candidates.first
    #expect(candidate?.makerNames == ["Latvia"] && candidate?.announcerNames == ["Eva Ozola"])
    #expect(candidate?.action == "promise €30 million for new schools")
    #expect(candidate?.amount?.value == "30000000")
  }

  @Test func offersOfThingsCommitAndOffersOfWordsDoNot() {
    #expect(extract("Italy and Croatia have offered planes.").candidates.first?.modality == .offer)
    #expect(extract("Italy offered its condolences to Chile.").candidates.isEmpty)
  }

  @Test func aPassiveWithAnAgentHasItsMaker() {
    let candidate = extract("A further $40 million was pledged by Japan for the clinics.").candidates.first
    #expect(candidate?.makerNames == ["Japan"])
    #expect(candidate?.amount?.value == "40000000")
  }

  @Test func ownedCommitmentNounsAreCues() {
    let text = "Rome's decision to provide Chile with radars was welcomed. Spain reaffirmed its firm commitment to mine clearing."
    let extraction = extract(text)
    #expect(extraction.candidates.map(\.makerNames) == [["Italy"], ["Spain"]])
    #expect(extraction.candidates[0].beneficiaryNames == ["Chile"])
    #expect(extract("The investment pledge includes a review in 2029.").candidates.isEmpty)
  }
}

@Suite("Makers and announcers")
struct PartyTests {
  @Test func coordinatedSubjectsAreAllMakersAndVagueOnesAreLeftOut() {
    let candidate = extract("Chile, Peru, Bolivia and several other states will fund the survey.").candidates.first
    #expect(candidate?.makerNames == ["Chile", "Peru", "Bolivia"])
    #expect(candidate?.makersIncomplete == true)
    #expect(extract("Chile and Peru will fund the survey.").candidates.first?.makersIncomplete == false)
  }

  @Test func aSecondVerbTakesTheFirstVerbsSubject() {
    let text = "After a long night in Lima, Pacific leaders met the Peruvian president and promised to fund the port."
    let candidate = extract(text).candidates.first
    #expect(candidate?.makerNames == ["Pacific leaders"])
  }

  @Test func aPlacePhraseAfterTheSubjectIsSkipped() {
    let candidate = extract("Donors meeting in Geneva on Monday pledged $1 billion for Yemen, the United Nations said.").candidates.first
    #expect(candidate?.makerNames == ["Donors"])
    #expect(candidate?.announcerNames == ["United Nations"])
  }

  @Test func anOfficialCommitsForTheStateTheTextTiesThemTo() {
    let candidate = extract("Irish Finance Minister Paschal Byrne announced €20 million for Moldova.").candidates.first
    #expect(candidate?.makerNames == ["Ireland"])
    #expect(candidate?.makers.first?.text == "Paschal Byrne")
    #expect(candidate?.announcers.isEmpty == true)
    // With no affiliation the person is the maker.
    #expect(extract("Paschal Byrne announced €20 million for Moldova.").candidates.first?.makerNames == ["Paschal Byrne"])
  }

  @Test func aBodysMinistersOrGovernmentCommitForIt() {
    #expect(extract("EU foreign ministers agreed to extend the sanctions.").candidates.first?.makerNames == ["European Union"])
    #expect(extract("Norway's government will give $90 million in aid.").candidates.first?.makerNames == ["Norway"])
    // Someone's allies are not that someone.
    #expect(extract("Chile's allies will send food.").candidates.isEmpty)
  }

  @Test func plansAnnouncedAreIntentions() {
    let candidate = extract("Canada announced plans to send 2,500 drones.").candidates.first
    #expect(candidate?.makerNames == ["Canada"] && candidate?.modality == .intent)
    #expect(candidate?.quantities.first?.value == "2500")
  }

  @Test func aSecondVerbOfSpeechKeepsTheFirstSpeaker() {
    let text = "Peru will rebuild the port, Minister Luis Vega told reporters, adding that Lima was ready to cover the costs."
    let candidates = extract(text).candidates
    #expect(candidates.map(\.announcerNames) == [["Luis Vega"], ["Luis Vega"]])
  }

  @Test func membersOfABodyCommitForTheBody() {
    let candidate = extract("Leaders of the Group of Seven (G7) agreed on Friday, May 3, to lend $20 billion to Kenya.").candidates.first
    #expect(candidate?.makerNames == ["G7"])
    #expect(candidate?.amount?.value == "20000000000")
  }

  @Test func reportedSpeechHasAnAnnouncer() {
    let text = "Prime Minister Anna Lindqvist said on Sunday European leaders had agreed to raise defence spending."
    let candidate = extract(text).candidates.first
    #expect(candidate?.makerNames == ["European leaders"])
    #expect(candidate?.announcerNames == ["Anna Lindqvist"])
    #expect(candidate?.modality == .agreement)
  }

  @Test func aTrailingAttributionAnnounces() {
    let text = "Norway will send 200 engineers to Kenya, Defence Minister Ola Berg announced on Monday, adding that more could follow."
    let candidate = extract(text).candidates.first
    #expect(candidate?.makerNames == ["Norway"])
    #expect(candidate?.announcerNames == ["Ola Berg"])
    #expect(candidate?.action == "send 200 engineers to Kenya")
  }

  @Test func aQuotationsSpeakerAnnouncesAndWeIsTheirState() {
    let text = "Finnish Prime Minister Aino Virta arrived. “We will train 500 medics,” Virta told reporters."
    let candidate = extract(text).candidates.first
    #expect(candidate?.makerNames == ["Finland"])
    #expect(candidate?.announcerNames == ["Aino Virta"])
  }

  @Test func anOfficialWhoAnnouncesAStatesPledgeSpeaksForIt() {
    let text = """
      Chile will send 40 engineers, Defence Minister Ana Ruiz said. Ruiz told reporters that Santiago had agreed to \
      pay for their flights. “We are committed to finishing the bridge,” she said.
      """
    let candidates = extract(text).candidates
    #expect(candidates.map(\.makerNames) == [["Chile"], ["Chile"], ["Chile"]])
    #expect(candidates.map(\.announcerNames) == [["Ana Ruiz"], ["Ana Ruiz"], ["Ana Ruiz"]])
  }

  @Test func aStatementIsNoAnnouncer() {
    let text = "The ministers endorsed a statement saying: “Members commit to invest 2% of GDP by 2030.”"
    let candidate = extract(text).candidates.first
    #expect(candidate?.makerNames == ["Members"])
    #expect(candidate?.announcers.isEmpty == true)
  }

  @Test func pronounsResolveToTheSpeakerOrTheLastFittingActor() {
    let extraction = extract("Peru said it would build 40 schools. President Ana Ruiz said she would fund 40 clinics.")
    #expect(extraction.candidates.map(\.makerNames) == [["Peru"], ["Ana Ruiz"]])
    #expect(extraction.candidates.allSatisfy { $0.announcers.isEmpty })
    let government = extract("Latvian Prime Minister Eva Ozola said her government would double the grant.").candidates.first
    #expect(government?.makerNames == ["Latvia"])
    #expect(government?.announcerNames == ["Eva Ozola"])
  }

  @Test func aPledgeMadeForAStateIsTheStatesAndItsMakerAnnounces() {
    let candidate = extract("Prime Minister Eva Ozola pledged that Latvia would buy six radars.").candidates.first
    #expect(candidate?.makerNames == ["Latvia"])
    #expect(candidate?.announcerNames == ["Eva Ozola"])
    #expect(candidate?.modality == .promise)
  }

  @Test func leadersActingBesideStatesStandForTheirStates() {
    let text = "Kenyan President William Ruto is set to sign a security accord with Brazilian President Lula da Silva and Chile."
    let candidate = extract(text).candidates.first
    #expect(candidate.map { Set($0.makerNames) } == ["Kenya", "Brazil", "Chile"])
    #expect(candidate?.category == .diplomatic)
  }

  @Test func groupPhrasesThatMakeAPledgeAreMentioned() {
    let extraction = extract("Donors were upbeat, and Nordic donors pledged $5 million.")
    #expect(extraction.candidates.first?.makerNames == ["Nordic donors"])
    #expect(extraction.mention("Nordic donors")?.actor.kind == .group)
  }
}
