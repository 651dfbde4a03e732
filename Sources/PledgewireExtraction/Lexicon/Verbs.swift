/// Verbs common in news about commitments, with every inflected form mapped to its lemma, so the extractor can
/// tell a finite verb ("pledged", "sends") from a base form ("send") without a tagger.
enum Verbs {
  /// What an inflected form is.
  struct Form: Sendable {
    var lemma: String
    var isBase: Bool
    /// Past tense or third person singular: can be a clause's verb on its own.
    var isFinite: Bool
    var isParticiple: Bool
    var isGerund: Bool
  }

  static func form(_ word: String) -> Form? { table[word] }

  /// Every inflected form the table knows.
  static var allForms: Dictionary<String, Form>.Keys { table.keys }

  static func lemma(_ word: String) -> String? { table[word]?.lemma }

  static func isBase(_ word: String) -> Bool { table[word]?.isBase ?? false }

  /// A past participle, known or regular-looking ("shipped", "finalised").
  static func isParticiple(_ word: String) -> Bool {
    table[word]?.isParticiple ?? (word.hasSuffix("ed") && word.utf8.count > 4)
  }

  /// A word that can head a clause's verb group: a finite form, an auxiliary or a modal.
  static func isFinite(_ word: String) -> Bool {
    auxiliaries.contains(word) || (table[word]?.isFinite ?? false)
  }

  /// Verbs that report speech; their subject announces what follows.
  static let speech = Lexicon.words("""
    say tell speak announce state add write tweet post confirm declare insist note signal warn emphasise emphasize
    stress argue claim report explain indicate reveal disclose acknowledge reply respond remark comment assert
    reiterate underline highlight predict hint admit concede recall affirm reaffirm
    """)

  /// Auxiliaries and modals.
  static let auxiliaries = Lexicon.words("""
    is are was were be been being am has have had having do does did will would shall should can could may
    might must 'll won't wouldn't can't cannot couldn't shouldn't didn't doesn't don't isn't aren't wasn't
    weren't hasn't haven't hadn't mustn't
    """)

  private static let regular = Lexicon.words("""
    accept achieve act add address adopt agree aid aim allocate allow announce appoint approve argue arm arrange
    arrive ask assist attack attend back ban believe bolster boost call cancel cap help change channel claim close
    coordinate commit complete confirm consider continue contribute cooperate cover create decide declare decline
    defend deliver demand deny deploy design develop disburse discuss donate double draft drop earmark ease
    eliminate emphasise emphasize enable end endorse ensure enter equip establish examine expand expect explain
    explore express extend face finalise finalize finance focus follow form fund gain grant guarantee halt handle
    hand happen head hire host identify impose improve include increase insist install intend introduce invest
    invite issue join launch lift limit look maintain manage match mobilise mobilize monitor move need negotiate
    note obtain offer open order organise organize pass phase place plan pledge post prepare present press
    prevent proceed produce promise propose protect provide publish pull purchase pursue push raise reach
    reaffirm receive recognise recognize reduce refuse reinforce reiterate reject release remain remove renew
    repair replace report request require reserve resolve respond restore resume return reveal review rule scale
    secure sign signal start state station stay step stop strengthen stress submit suggest supply support
    suspend sustain talk target train transfer travel treble triple try underline unveil urge use visit vote vow
    want warn welcome work acknowledge assert comment concede disclose indicate predict recall remark reply tweet
    hint admit highlight affirm finish fulfil fulfill honour honor keep meet backtrack renege scrap abandon
    clash cooperate criticise criticize deploy dispatch extend fear hope mull weigh wish seek plan reinforce
    replenish rebuild reconstruct modernise modernize help voice schedule slash trim hike lower cover shield
    guard patrol police enforce monitor oversee mediate broker host convene chair lead pay ship
    """)

  private static let irregular: [String: [String]] = [
    "be": ["is", "are", "was", "were", "been", "being", "am"], "have": ["has", "had", "having"],
    "do": ["does", "did", "done", "doing"], "say": ["said", "says", "saying"], "make": ["made"],
    "take": ["took", "taken"], "give": ["gave", "given"], "send": ["sent"], "go": ["went", "gone"],
    "come": ["came"], "get": ["got", "gotten"], "see": ["saw", "seen"], "tell": ["told"],
    "think": ["thought"], "build": ["built"], "bring": ["brought"], "buy": ["bought"], "pay": ["paid"],
    "lead": ["led"], "meet": ["met"], "hold": ["held"], "keep": ["kept"], "leave": ["left"], "lend": ["lent"],
    "spend": ["spent"], "win": ["won"], "set": ["set"], "put": ["put"], "cut": ["cut"],
    "begin": ["began", "begun"], "write": ["wrote", "written"], "speak": ["spoke", "spoken"],
    "rise": ["rose", "risen"], "fall": ["fell", "fallen"], "stand": ["stood"], "seek": ["sought"],
    "run": ["ran"], "show": ["shown"], "draw": ["drew", "drawn"], "break": ["broke", "broken"],
    "choose": ["chose", "chosen"], "fly": ["flew", "flown"], "grow": ["grew", "grown"],
    "freeze": ["froze", "frozen"], "undertake": ["undertook", "undertaken"], "withdraw": ["withdrew", "withdrawn"],
    "find": ["found"], "lose": ["lost"], "sell": ["sold"], "become": ["became"], "know": ["knew", "known"],
    "hit": ["hit"], "let": ["let"], "feel": ["felt"], "mean": ["meant"], "deal": ["dealt"],
    "strike": ["struck"], "swear": ["swore", "sworn"], "overcome": ["overcame"], "forgive": ["forgave"],
  ]

  /// Verbs that double their last consonant: "commit" → "committed".
  private static let doubling = Lexicon.words("""
    commit admit submit permit plan ban drop ship step stop scrap cap regret control patrol equip
    """)

  private static let table: [String: Form] = {
    var table: [String: Form] = [:]
    func add(_ word: String, _ lemma: String, base: Bool = false, finite: Bool = false, participle: Bool = false,
             gerund: Bool = false) {
      var form = table[word] ?? Form(lemma: lemma, isBase: false, isFinite: false, isParticiple: false, isGerund: false)
      form.isBase = form.isBase || base
      form.isFinite = form.isFinite || finite
      form.isParticiple = form.isParticiple || participle
      form.isGerund = form.isGerund || gerund
      table[word] = form
    }
    for verb in regular.union(irregular.keys) {
      add(verb, verb, base: true)
      let stem = doubling.contains(verb) ? verb + String(verb.last!) : verb
      let consonantY = verb.hasSuffix("y") && !"aeiou".contains(verb.dropLast().last ?? "a")
      let third = consonantY ? verb.dropLast() + "ies"
        : ["s", "sh", "ch", "x", "z", "o"].contains(where: { verb.hasSuffix($0) }) ? verb + "es" : verb + "s"
      add(third, verb, finite: true)
      let gerund = verb.hasSuffix("e") && !verb.hasSuffix("ee") ? verb.dropLast() + "ing" : stem + "ing"
      add(gerund, verb, gerund: true)
      if irregular[verb] == nil {
        let past = consonantY ? verb.dropLast() + "ied" : verb.hasSuffix("e") ? verb + "d" : stem + "ed"
        add(past, verb, finite: true, participle: true)
      }
    }
    for (verb, forms) in irregular {
      for word in forms {
        let gerund = word.hasSuffix("ing")
        let third = word.hasSuffix("s") && !word.hasSuffix("ss") && word != "was"
        add(word, verb, finite: !gerund, participle: !gerund && !third, gerund: gerund)
      }
    }
    for word in ["is", "are", "was", "were", "am", "has", "have", "had", "does", "did", "do"] {
      add(word, table[word]?.lemma ?? word, finite: true)
    }
    return table
  }()
}
