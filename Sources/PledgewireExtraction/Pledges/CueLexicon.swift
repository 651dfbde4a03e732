/// The words of commitment cues and what they take.
extension SentenceParser {
  /// Commitment verbs by lemma, with the modality they give.
  static let cueVerbs: [String: Modality] = [
    "pledge": .promise, "promise": .promise, "vow": .promise, "commit": .promise, "guarantee": .promise,
    "undertake": .promise, "earmark": .promise, "decide": .promise, "resolve": .promise, "announce": .promise,
    "unveil": .promise, "agree": .agreement, "sign": .agreement, "offer": .offer, "propose": .proposal,
    "plan": .intent, "intend": .intent, "aim": .intent, "expect": .intent, "approve": .legalAct,
    "adopt": .legalAct, "pass": .legalAct,
  ]

  /// Cue verbs that take an object: "pledged $100m", "offered 5,000 troops".
  static let objectCues = Lexicon.words("""
    pledge promise commit guarantee offer propose earmark announce unveil approve adopt pass sign vow
    """)

  /// Cue verbs that take a clause: "agreed that they must", "pledged it would".
  static let clauseCues = Lexicon.words("agree promise pledge vow guarantee decide resolve")

  /// Objects that make these verbs commitments: "announced a new aid package", "signed a security accord".
  static let objectContent: [String: Set<String>] = {
    let aid = Lexicon.words("""
      aid assistance package packages funding funds fund loan loans grant grants troops soldiers weapons arms
      tanks missiles ammunition equipment sanctions contribution contributions tranche money financing investment
      jets drones defences defenses billion million bn m
      """)
    let law = Lexicon.words("law bill legislation package budget decree aid funding act amendment billion million bn")
    let accord = Lexicon.words("agreement agreements accord accords deal deals treaty pact memorandum declaration contract")
    return [
      "announce": aid, "unveil": aid, "earmark": aid, "approve": law, "adopt": law, "pass": law,
      "sign": accord,
    ]
  }()

  /// What an offer of which is no commitment: "offered condolences", "offered a strong show of support".
  static let emptyOffers = Lexicon.words("""
    support condolences sympathy praise thanks apology apologies resignation assurances assurance show glimpse
    explanation words advice comment comments hope hopes prayers congratulations view views opinion reassurance
    """)

  /// "is ready to" and the like, with their modality.
  static let readiness: [String: Modality] = [
    "ready": .offer, "willing": .offer, "prepared": .offer, "set": .intent, "due": .intent, "poised": .intent,
    "expected": .intent, "going": .intent, "scheduled": .intent, "determined": .intent, "committed": .promise,
  ]

  /// Commitment nouns that make a cue with an owner: "Germany's pledge to".
  static let cueNouns: [String: Modality] = [
    "pledge": .promise, "pledges": .promise, "promise": .promise, "promises": .promise, "commitment": .promise,
    "commitments": .promise, "vow": .promise, "undertaking": .promise, "decision": .promise, "offer": .offer,
    "proposal": .proposal, "plan": .intent, "plans": .intent, "agreement": .agreement, "deal": .agreement,
  ]

  /// Commitment nouns too general to stand alone: a candidate needs a category or a sum with them.
  static let weakNouns = Lexicon.words("decision plan plans proposal deal agreement")


  /// Verbs before a commitment noun that report it kept, broken or dropped, not made.
  static let fulfilmentVerbs = Lexicon.words("""
    fulfil fulfill keep honour honor meet break abandon withdraw scrap renege backtrack deliver
    """)

  /// Verbs after "will" that state no commitment: "will be", "will face", "will have to", "will meet".
  static let nonCommitmentVerbs = Lexicon.words("""
    be become remain seem appear face need have get meet attend arrive travel visit speak say tell discuss
    consider review study look see hear know think learn try win lose suffer struggle depend fall rise happen
    cost last end vote hold want hope wish expect require take begin start mean decide determine seek ask request
    urge demand call welcome examine
    """)
}
