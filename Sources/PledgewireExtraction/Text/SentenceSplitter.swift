/// Splits tokens into sentences. A sentence ends at ".", "!", "?" or "…" (closing quotation marks and brackets
/// stay with it) before a token that can start a sentence, and at a line break unless a lower-case word carries
/// on a sentence broken across lines. A dot after an abbreviation ("Gen.", "No.", "Jan.", an initial) ends
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
      let continues = tokens[i].isLowercaseWord && (tokens[i - 1].isLowercaseWord || tokens[i - 1].isPunctuation(","))
      return !continues
    }
    // Most tokens follow no sentence-ending mark: decide those without copying tokens.
    let last = tokens[i - 1]
    guard last.kind == .punctuation || last.kind == .quote || last.text.hasSuffix(".") else { return false }
    let next = tokens[i]
    if next.quote == .closing || (next.quote == .either && !next.spaceBefore) { return false }
    // Step back over closing quotation marks and brackets.
    var j = i - 1
    while j > 0, tokens[j].quote == .closing || tokens[j].quote == .either || tokens[j].isPunctuation(")")
      || tokens[j].isPunctuation("]")
    {
      j -= 1
    }
    let terminal = tokens[j]
    if next.isLowercaseWord || next.kind == .punctuation { return false }
    if terminal.kind == .word, terminal.text.hasSuffix(".") {
      return next.isCapitalized && startsSentences.contains(next.lower)
    }
    guard terminal.kind == .punctuation else { return false }
    switch terminal.text {
    case "!", "?", "…", "...":
      return true
    case ".":
      guard j > 0 else { return true }
      let before = tokens[j - 1]
      if before.kind == .word {
        if abbreviations.contains(before.lower) { return false }
        if before.text.unicodeScalars.count == 1, before.isCapitalized { return false }  // an initial
      }
      return true
    default:
      return false
    }
  }

  /// Words before a dot that do not end a sentence.
  static let abbreviations = Lexicon.words("""
    mr mrs ms dr prof gen lt col sgt capt maj adm gov sen rep st no nos vs jan feb mar apr jun jul aug sep sept
    oct nov dec inc ltd co corp jr sr fig approx dept est mt ft
    """)

  /// Capitalised words that usually start a sentence, after a dotted abbreviation such as "U.S.".
  private static let startsSentences = Lexicon.words("""
    the a an he she it they we i this that these those but and in on at as after before however meanwhile its
    their his her our there what when while if some many no one last earlier later yet so for
    """)
}
