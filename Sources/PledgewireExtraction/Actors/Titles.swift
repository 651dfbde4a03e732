/// Titles before names ("French President Emmanuel Macron", "NATO Secretary-General Mark Rutte", "Gen.") and in
/// definite descriptions ("the Chancellor", "the World Bank chief").
enum Titles {
  /// A title found in the tokens.
  struct Title: Sendable {
    var tokens: Range<Int>
    /// The head words, folded: ["minister"] for "Prime Minister", ["secretarygeneral"] for "Secretary-General".
    var heads: Set<String>
    /// The title as the text writes it.
    var text: String
    /// A head of state or government: president, prime minister, chancellor, king, …
    var isLeader: Bool
  }

  /// The title starting at token `i`, if any, ending before `limit`.
  static func title(in tokens: [Token], at i: Int, limit: Int) -> Title? {
    guard i < limit, tokens[i].classes.contains(.title) else { return nil }
    var j = i
    var heads: Set<String> = []
    var modifiers: Set<String> = []
    while j < limit, tokens[j].kind == .word {
      let word = tokens[j].folded
      if headWords.contains(word) {
        heads.insert(word)
      } else if modifierWords.contains(word) {
        if !heads.isEmpty && tokens[j].isLowercaseWord { break }
        modifiers.insert(word)
      } else if (word == "of" || word == "for"), !heads.isEmpty, j + 1 < limit, tokens[j + 1].isCapitalized,
        complementWords.contains(tokens[j + 1].folded)
      {
        j += 1
        modifiers.insert(tokens[j].folded)
      } else {
        break
      }
      j += 1
      // An abbreviated title: "Gen.", "Sen.".
      if j < limit, tokens[j].isPunctuation("."), abbreviatedHeads.contains(word), !tokens[j].spaceBefore {
        j += 1
      }
    }
    // A title ends in its head: "Prime Minister", not "Prime Minister Defence".
    while j > i, !headWords.contains(tokens[j - 1].folded), !tokens[j - 1].isPunctuation("."),
      !complementWords.contains(tokens[j - 1].folded)
    {
      j -= 1
    }
    guard !heads.isEmpty, j > i else { return nil }
    let text = tokens[i..<j].map { ($0.spaceBefore && $0.start != tokens[i].start ? " " : "") + $0.text }.joined()
    let isLeader = !modifiers.contains("vice") && !modifiers.contains("deputy") && !modifiers.contains("former")
      && (!heads.isDisjoint(with: leaderWords) || (heads.contains("minister") && modifiers.contains("prime")))
    return Title(tokens: i..<j, heads: heads, text: text, isLeader: isLeader)
  }

  /// Whether a folded word can be part of a title.
  static func isTitleWord(_ folded: String) -> Bool {
    WordClass.of(lower: "", folded: folded).contains(.title)
  }

  static let headWords = Lexicon.words("""
    president presidentelect vicepresident premier chancellor minister secretary secretarygeneral king queen
    prince princess emperor pope emir sheikh ambassador envoy spokesman spokeswoman spokesperson commissioner
    senator sen representative rep congressman congresswoman governor gov mayor speaker chairman chairwoman chair
    chairperson director directorgeneral commander commanderinchief admiral adm general gen colonel col
    lieutenant lt captain capt sergeant sgt marshal chief head leader ceo mr mrs ms dr sir dame lord lady
    archbishop cardinal rabbi imam ayatollah taoiseach judge prosecutor attorneygeneral adviser advisor diplomat
    negotiator lawmaker mp mep counterpart
    """)

  static let modifierWords = Lexicon.words("""
    prime vice deputy foreign defence defense finance economy economic interior home justice trade energy health
    climate environment security national high supreme top executive acting former outgoing incoming senior
    state crown grand first policy affairs development agriculture transport education culture digital general
    military armed forces army navy air opposition party parliamentary majority minority junior assistant
    """)

  /// Words that may follow "of" or "for" in a title: "Secretary of State", "Minister for Foreign Affairs".
  private static let complementWords = Lexicon.words("""
    state defence defense foreign affairs finance economy interior justice trade energy health climate
    environment commerce treasury exchequer war
    """)

  private static let abbreviatedHeads = Lexicon.words("gen sen rep gov adm col lt capt sgt mr mrs ms dr")

  /// Titles that are part of how the holder is named: "Pope Francis", "King Charles".
  static let regnalWords = Lexicon.words("pope king queen prince princess emperor emir sheikh")

  private static let leaderWords = Lexicon.words("president premier chancellor king queen emir taoiseach")
}
