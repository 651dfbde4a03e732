/// The category of a pledge from the words of its action (strongest), its sentence, and — for a bare sum of money
/// — the article's topic: "send troops" → troop deployment, "$50 billion in loans" → financial aid, "pledged $100m
/// to the fund" in an article about climate finance → climate aid.
enum CategoryClassifier {
  /// Scores of every category for the words in `range`.
  static func scores(_ tokens: [Token], _ range: Range<Int>) -> [PledgeCategory: Double] {
    var scores: [PledgeCategory: Double] = [:]
    var k = range.lowerBound
    while k < range.upperBound {
      guard tokens[k].classes.contains(.categoryKeyword) else {
        k += 1
        continue
      }
      var matched = 1
      for phrase in keywords[tokens[k].folded] ?? [] where k + phrase.words.count <= range.upperBound {
        if phrase.words.indices.allSatisfy({ tokens[k + $0].folded == phrase.words[$0] }) {
          for (category, weight) in phrase.hits { scores[category, default: 0] += weight }
          matched = phrase.words.count
          break
        }
      }
      k += matched
    }
    return scores
  }

  /// The category of an action: its own words first, then its sentence's; a sum of money with no other clue
  /// takes the article's aid topic, or financial aid.
  static func category(
    action: [PledgeCategory: Double], sentence: [PledgeCategory: Double], article: [PledgeCategory: Double],
    hasAmount: Bool
  ) -> (PledgeCategory, String) {
    let strongAction = best(action).flatMap { (action[$0] ?? 0) >= 2 ? $0 : nil }
    if let strongAction { return (strongAction, "category from the action's words") }
    if let best = best(sentence), (sentence[best] ?? 0) >= 4 { return (best, "category from the sentence's words") }
    if hasAmount, let topic = best(article), (article[topic] ?? 0) >= 4,
      [.climateAid, .humanitarianAid, .militaryAid, .developmentAid, .financialAid].contains(topic)
    {
      return (topic, "category of a sum from the article's topic")
    }
    if let weak = best(action) { return (weak, "category from a weak word of the action") }
    return hasAmount ? (.financialAid, "category of a sum of money") : (.other, "no category words")
  }

  private static func best(_ scores: [PledgeCategory: Double]) -> PledgeCategory? {
    let top = scores.max { a, b in a.value < b.value || (a.value == b.value && rank(a.key) > rank(b.key)) }
    guard let top, top.value > 0 else { return nil }
    return top.key
  }

  /// Ties go to the more specific category: "loans for clean energy" is climate aid before financial aid.
  private static func rank(_ category: PledgeCategory) -> Int { tieOrder.firstIndex(of: category)! }

  private static let tieOrder: [PledgeCategory] = [
    .climateAid, .humanitarianAid, .militaryAid, .developmentAid, .troopDeployment, .defenceSpending,
    .securityGuarantee, .peaceProcess, .sanctions, .diplomatic, .financialAid, .other,
  ]

  /// The folded words that start a keyword phrase.
  static var firstWords: Set<String> { Set(keywords.keys) }

  /// A keyword phrase: its folded words and what it scores.
  private struct Phrase {
    var words: [String]
    var hits: [(PledgeCategory, Double)]
  }

  /// Keyword phrases by their first folded word, longest first.
  private static let keywords: [String: [Phrase]] = {
    let table: [(PledgeCategory, Double, String)] = [
      (.defenceSpending, 3, """
        defence spending|defense spending|military spending|defence budget|defense budget|military budget|of gdp|
        defence requirements|defense requirements|defence investment|defense investment|spend more on defence|
        spend more on defense|on defence|on defense|securityrelated spending|rearm|rearmament|defence expenditure|
        defense expenditure
        """),
      (.defenceSpending, 1, "spending|spend|budget|gdp|invest|investment"),
      (.troopDeployment, 3, """
        troops|soldiers|peacekeepers|peacekeeping|boots on the ground|deploy|deployment|deployed|
        reassurance force|peacekeeping force|send forces|station|stationed|personnel|military mission
        """),
      (.peaceProcess, 3, """
        peace plan|peace talks|peace deal|peace process|peace agreement|peace settlement|ceasefire|truce|
        armistice|end the war|peace negotiations|peace summit|just and lasting peace|peace
        """),
      (.peaceProcess, 1, "negotiations|negotiate|talks|mediate"),
      (.securityGuarantee, 3, """
        security guarantee|security guarantees|collective defence|collective defense|collective security|
        each other|attack on one|article 5|security assurances|defend|mutual defence|mutual defense|
        security commitments|coalition|deterrence|deter|protect
        """),
      (.militaryAid, 3, """
        weapons|arms|tanks|tank|missiles|air defence|air defense|ammunition|shells|artillery|jets|fighter jets|
        f16|f16s|drones|howitzers|military aid|military assistance|military support|defence support|
        defense support|munitions|rockets|armoured vehicles|armored vehicles|battle tanks|patriot|himars|atacms|
        training missions|train ukrainian|weaponry|military equipment|air defences|air defenses|frigates|warships|
        radar|radars|helicopters|warplanes|submarines|rifles|grenades|interceptors|air defence systems
        """),
      (.militaryAid, 1, "equipment|vehicles|training|military"),
      (.financialAid, 3, """
        loan|loans|grant|grants|budget support|financial aid|financial assistance|financial support|
        macrofinancial|credit|credits|economic aid|economic assistance|debt relief|frozen assets|reparations|
        financing|funding|bonds|loan guarantees
        """),
      (.financialAid, 1, "funds|money|fund|finance"),
      (.humanitarianAid, 3, """
        humanitarian|food|shelter|refugees|medical|medicine|medicines|relief|emergency aid|generators|hospitals|
        vaccines|civilian aid|winter aid|demining|evacuation|firefighters|rescuers|rescue teams|tents|blankets|
        field hospitals
        """),
      (.climateAid, 3, """
        climate|loss and damage|emissions|adaptation|mitigation|renewable|renewables|green climate fund|
        clean energy|carbon|net zero|coal|fossil fuels|climate finance|global warming|decarbonisation|
        decarbonization
        """),
      (.diplomatic, 3, """
        accord|accords|treaty|diplomatic|embassy|recognise|recognize|diplomatic relations|strategic partnership|
        membership|accession|gobetween|mediator|dialogue|cooperation agreement|bilateral agreement
        """),
      (.diplomatic, 1, "summit|visit|host|talks|meeting|sign"),
      (.sanctions, 3, """
        sanctions|sanction|embargo|price cap|tariffs|asset freeze|freeze assets|ban imports|import ban|
        export controls|blacklist|restrictions|sanctions package
        """),
      (.developmentAid, 3, """
        development|economic development|infrastructure|reconstruction|rebuild|rebuilding|poverty|
        development aid|development assistance|development finance
        """),
    ]
    var byPhrase: [[String]: [(PledgeCategory, Double)]] = [:]
    for (category, weight, list) in table {
      for phrase in list.split(separator: "|") {
        let words = phrase.split(whereSeparator: { $0 == " " || $0 == "\n" }).map { NameFolding.fold(String($0)) }
          .filter { !$0.isEmpty }
        guard !words.isEmpty else { continue }
        byPhrase[words, default: []].append((category, weight))
      }
    }
    var keywords: [String: [Phrase]] = [:]
    for (words, hits) in byPhrase { keywords[words[0], default: []].append(Phrase(words: words, hits: hits)) }
    for key in keywords.keys { keywords[key]!.sort { $0.words.count > $1.words.count } }
    return keywords
  }()
}
