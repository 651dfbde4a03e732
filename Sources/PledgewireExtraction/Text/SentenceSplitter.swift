/// Splits tokens into sentences. A sentence ends at ".", "!", "?" or "…" (closing quotation marks and brackets
/// stay with it) before a token that can start a sentence, and at a line break unless the line was broken in
/// the middle of a sentence. A dot after an abbreviation ("Gen.", "No.", "Jan.", an initial) ends
/// nothing; after a dotted abbreviation ("U.S.") it ends a sentence only before a word that usually starts one.
enum SentenceSplitter {
  static func split(_ tokens: [Token]) -> [Range<Int>] {
    guard !tokens.isEmpty else { return [] }
    var sentences: [Range<Int>] = []
    var start = 0
    for i in 1..<tokens.count where endsBefore(i, tokens) {
      sentences.append(start..<i)
      start = i
    }
    sentences.append(start..<tokens.count)
    return sentences
  }

  private static func endsBefore(_ i: Int, _ tokens: [Token]) -> Bool {
    if tokens[i].newlinesBefore >= 2 { return true }
    if tokens[i].newlinesBefore == 1 {
      // A line broken mid-sentence ends on a lower-case word or a comma, and the next goes on in lower case, with a
      // number ("send\n200 engineers"), or with anything after a word no sentence ends on ("to\nKenya").
      let previous = tokens[i - 1]
      guard previous.isLowercaseWord || previous.isPunctuation(",") else { return true }
      let continues = tokens[i].isLowercaseWord || tokens[i].kind == .number || tokens[i].kind == .currency
        || (tokens[i].isWord && carriesOn.contains(previous.lower))
      return !continues
    }
    // Most tokens follow no sentence-ending mark: decide those first.
    let lastKind = tokens[i - 1].kind
    guard lastKind == .punctuation || lastKind == .quote || (lastKind == .word && tokens[i - 1].text.utf8.last == UInt8(ascii: ".")) else {
      return false
    }
    if tokens[i].quote == .closing || (tokens[i].quote == .either && !tokens[i].spaceBefore) { return false }
    if tokens[i].isLowercaseWord || tokens[i].kind == .punctuation { return false }
    // Step back over closing quotation marks and brackets.
    var j = i - 1
    while j > 0, tokens[j].quote == .closing || tokens[j].quote == .either || tokens[j].isPunctuation(")")
      || tokens[j].isPunctuation("]")
    {
      j -= 1
    }
    if tokens[j].kind == .word, tokens[j].text.utf8.last == UInt8(ascii: ".") {
      return tokens[i].isCapitalized && startsSentences.contains(tokens[i].lower)
    }
    guard tokens[j].kind == .punctuation else { return false }
    switch tokens[j].text {
    case "!", "?", "…", "...":
      return true
    case ".":
      guard j > 0, tokens[j - 1].kind == .word else { return true }
      if abbreviations.contains(tokens[j - 1].lower) { return false }
      // An initial: "J. Smith".
      return !(tokens[j - 1].text.unicodeScalars.count == 1 && tokens[j - 1].isCapitalized)
    default:
      return false
    }
  }

  /// Words before a dot that do not end a sentence.
  static let abbreviations = Lexicon.words("""
    mr mrs ms dr prof gen lt col sgt capt maj adm gov sen rep st no nos vs jan feb mar apr jun jul aug sep sept
    oct nov dec inc ltd co corp jr sr fig approx dept est mt ft
    """)

  /// Words a sentence does not end on: a line that ends with one goes on in the next.
  private static let carriesOn = Lexicon.words("""
    the a an to of in on at by for from with into and or but as than that which who whose whom its their his her our
    my your this these those said says told
    """)

  /// Capitalised words that usually start a sentence, after a dotted abbreviation such as "U.S.".
  private static let startsSentences = Lexicon.words("""
    the a an he she it they we i this that these those but and in on at as after before however meanwhile its
    their his her our there what when while if some many no one last earlier later yet so for
    """)
}
