/// The closed word classes of ``Lexicon`` a word belongs to, found with one lookup per token when it is made
/// (``Token/classes``) rather than one set lookup per question the rules ask.
struct WordClass: OptionSet, Sendable {
  let rawValue: UInt32

  static let function = WordClass(rawValue: 1 << 0)
  static let adverb = WordClass(rawValue: 1 << 1)
  static let auxiliary = WordClass(rawValue: 1 << 2)
  static let preposition = WordClass(rawValue: 1 << 3)
  static let determiner = WordClass(rawValue: 1 << 4)
  static let possessive = WordClass(rawValue: 1 << 5)
  static let pronoun = WordClass(rawValue: 1 << 6)
  static let negation = WordClass(rawValue: 1 << 7)
  static let timeWord = WordClass(rawValue: 1 << 8)
  static let subordinator = WordClass(rawValue: 1 << 9)
  static let groupNoun = WordClass(rawValue: 1 << 10)
  static let vague = WordClass(rawValue: 1 << 11)
  static let memberWord = WordClass(rawValue: 1 << 12)
  static let governmentNoun = WordClass(rawValue: 1 << 13)
  static let locative = WordClass(rawValue: 1 << 14)
  static let motion = WordClass(rawValue: 1 << 15)
  static let calendar = WordClass(rawValue: 1 << 16)
  static let title = WordClass(rawValue: 1 << 17)
  static let organizationHead = WordClass(rawValue: 1 << 18)
  static let eventHead = WordClass(rawValue: 1 << 19)
  static let placeHead = WordClass(rawValue: 1 << 20)
  static let commonCapitalized = WordClass(rawValue: 1 << 21)
  static let outletNoun = WordClass(rawValue: 1 << 22)
  /// The first word of a category keyword (``CategoryClassifier``).
  static let categoryKeyword = WordClass(rawValue: 1 << 23)
  /// Punctuation that ends a clause: , ; : — – -- . ! ? … ( )
  static let clauseMark = WordClass(rawValue: 1 << 24)
  /// A form of a commitment verb: "pledged", "agrees" (``SentenceParser/cueVerbs``).
  static let cueVerb = WordClass(rawValue: 1 << 25)
  /// A commitment noun: "pledge", "commitment" (``SentenceParser/cueNouns``).
  static let cueNoun = WordClass(rawValue: 1 << 26)

  /// The classes of a punctuation mark.
  static func ofPunctuation(_ text: String) -> WordClass {
    switch text {
    case ",", ";", ":", "—", "–", "--", ".", "!", "?", "…", "...", "(", ")": .clauseMark
    default: []
    }
  }

  /// The classes of a word from its lower-case form (most lists) and its folded form (names, heads, titles).
  static func of(lower: String, folded: String) -> WordClass {
    (byLower[lower] ?? []).union(byFolded[folded] ?? [])
  }

  /// The classes and verb form of a word: one lookup when its lower-case and folded forms are the same (most
  /// words), the tokenizer's hot path.
  static func lookup(lower: String, folded: String) -> (WordClass, Verbs.Form?) {
    if lower == folded { return combined[lower] ?? ([], nil) }
    return (of(lower: lower, folded: folded), Verbs.form(lower))
  }

  /// Words with a class or a verb form, by their lower-case form, for words whose folded form is the same.
  private static let combined: [String: (WordClass, Verbs.Form?)] = {
    var table: [String: (WordClass, Verbs.Form?)] = [:]
    for (word, classes) in byLower where NameFolding.fold(word) == word {
      table[word] = (classes.union(byFolded[word] ?? []), Verbs.form(word))
    }
    for (word, classes) in byFolded where table[word] == nil && NameFolding.fold(word) == word {
      table[word] = (classes, Verbs.form(word))
    }
    for word in Verbs.allForms where table[word] == nil && NameFolding.fold(word) == word {
      table[word] = ([], Verbs.form(word))
    }
    return table
  }()

  private static let byLower: [String: WordClass] = table([
    (Lexicon.functionWords, .function), (Lexicon.adverbs, .adverb), (Verbs.auxiliaries, .auxiliary),
    (Lexicon.prepositions, .preposition), (Lexicon.determiners, .determiner), (Lexicon.possessives, .possessive),
    (Lexicon.pronouns, .pronoun), (Lexicon.negations, .negation), (Lexicon.timeWords, .timeWord),
    (Lexicon.subordinators, .subordinator), (Lexicon.groupNouns, .groupNoun), (Lexicon.vagueQuantifiers, .vague),
    (Lexicon.memberWords, .memberWord), (Lexicon.governmentNouns, .governmentNoun),
    (Lexicon.locativePrepositions, .locative), (Lexicon.motionWords, .motion),
    (Lexicon.commonCapitalized, .commonCapitalized), (Lexicon.outletNouns, .outletNoun),
  ])

  private static let byFolded: [String: WordClass] = table([
    (Lexicon.calendarWords, .calendar), (Titles.headWords.union(Titles.modifierWords), .title),
    (Lexicon.organizationHeads, .organizationHead), (Lexicon.eventHeads, .eventHead), (Lexicon.placeHeads, .placeHead),
    (CategoryClassifier.firstWords, .categoryKeyword), (Set(SentenceParser.cueNouns.keys), .cueNoun),
    (Set(Verbs.allForms.filter { SentenceParser.cueVerbs[Verbs.lemma($0)!] != nil }), .cueVerb),
  ])

  private static func table(_ lists: [(Set<String>, WordClass)]) -> [String: WordClass] {
    var table: [String: WordClass] = [:]
    for (words, wordClass) in lists {
      for word in words { table[word, default: []].insert(wordClass) }
    }
    return table
  }
}
