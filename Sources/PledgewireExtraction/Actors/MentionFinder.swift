/// Finds the actors a document names, in passes: known names (the directory and the gazetteer), titles and
/// capitalised names (``MentionFinder/findNames()``), handles, flags and outlets, definite descriptions, and group
/// phrases (``MentionFinder/findGroups()``). Place names used as places ("a summit in London") are not actors.
struct MentionFinder {
  let doc: Document
  let index: NameIndex
  var actors = DocumentActors()
  var mentions: [FoundMention] = []
  /// Tokens already taken by a mention or a place.
  var covered: [Bool]
  /// Document actors in order of mention, for definite descriptions.
  var order: [Int] = []

  init(_ doc: Document, _ index: NameIndex) {
    self.doc = doc
    self.index = index
    covered = [Bool](repeating: false, count: doc.tokens.count)
  }

  static func analyze(_ doc: Document, _ index: NameIndex) -> ActorAnalysis {
    var finder = MentionFinder(doc, index)
    finder.skipDatelines()
    finder.skipCredits()
    finder.findKnownNames()
    finder.findNames()
    finder.findHandlesAndFlags()
    finder.findOutlets()
    finder.findDescriptions()
    finder.findGroups()
    finder.markActingGroups()
    return ActorAnalysis(actors: finder.actors, mentions: finder.mentions, tokenCount: doc.tokens.count)
  }

  var tokens: [Token] { doc.tokens }

  mutating func add(_ range: Range<Int>, _ actor: Int, _ confidence: Double, _ why: String, needsRole: Bool = false) {
    mentions.append(FoundMention(tokens: range, actor: actor, confidence: confidence, explanation: [why], needsRole: needsRole))
    for i in range { covered[i] = true }
    order.append(actor)
  }

  /// The proposed actor named by the words at `range`.
  mutating func propose(_ range: Range<Int>, kind: ActorKind) -> Int {
    let folded = range.filter { tokens[$0].kind == .word }.map { tokens[$0].folded }.joined(separator: " ")
    return actors.proposed(doc.excerpt(range).text, folded: folded, kind: kind)
  }

  /// Removes the mention covering exactly `range`, freeing its tokens.
  mutating func remove(_ range: Range<Int>) {
    mentions.removeAll { $0.tokens == range }
    for i in range { covered[i] = false }
  }

  // MARK: - Known names

  /// Names of the directory and the gazetteer, longest first, unless the text uses a place name as a place or the
  /// name is part of a longer unknown name ("New Jersey").
  mutating func findKnownNames() {
    for sentence in doc.sentences {
      var i = sentence.lowerBound
      while i < sentence.upperBound {
        guard !covered[i], !isCurrencyPrefix(i), let (entry, length) = index.match(tokens, at: i, limit: sentence.upperBound)
        else {
          i += 1
          continue
        }
        let range = i..<(i + length)
        let ref = index.actors[entry.actor].ref
        let placeLike = entry.form == .seat || (ref.kind == .country && entry.form != .demonym)
        // "the Paris accord", "the Kyiv summit": a capital naming an event or a document.
        let namesEvent = entry.form == .seat && range.upperBound < sentence.upperBound
          && tokens[range.upperBound].classes.contains(.eventHead)
        if placeLike, namesEvent || isPlace(range, sentence: sentence) {
          for k in range { covered[k] = true }
          i += length
          continue
        }
        if entry.form != .demonym, entry.form != .description, isInsideLongerName(range, sentence: sentence) {
          i += length
          continue
        }
        let confidence: Double = switch entry.form {
        case .name: 0.97
        case .alias: 0.93
        case .demonym: 0.85
        case .seat: 0.85
        case .description: 0.7
        case .surname: 0.8
        }
        let source = ref.source == .directory ? "directory" : "gazetteer"
        add(range, actors.known(entry.actor, index), confidence, "\(source) \(entry.form.label) of \(ref.name)")
        i += length
      }
    }
  }

  /// Datelines ("THE HAGUE, Netherlands —", "KYIV (Reuters) -") name places, not actors.
  mutating func skipDatelines() {
    for (s, sentence) in doc.sentences.enumerated() where s == 0 || tokens[sentence.lowerBound].newlinesBefore > 0 {
      let end = min(sentence.upperBound, sentence.lowerBound + 10)
      guard let dash = (sentence.lowerBound..<end).first(where: { ["—", "–", "-", "--"].contains(tokens[$0].text) }),
        dash > sentence.lowerBound,
        tokens[sentence.lowerBound..<dash].allSatisfy({ $0.isCapitalized || $0.kind == .punctuation || $0.isAllCaps }),
        tokens[sentence.lowerBound].isAllCaps
      else { continue }
      // "KYIV (Reuters) -": the place only; an agency in parentheses is a mention.
      var depth = 0
      for k in sentence.lowerBound..<dash {
        if tokens[k].isPunctuation("(") { depth += 1 } else if tokens[k].isPunctuation(")") { depth -= 1 }
        if tokens[k].kind == .word, depth == 0 { covered[k] = true }
      }
    }
  }

  /// Page chrome names no actor: bylines ("By Ana Ruiz and Tom Lee"), credits ("Photo: Getty Images",
  /// "Reporting by …; Editing by …"), links ("READ MORE: …").
  mutating func skipCredits() {
    for (s, sentence) in doc.sentences.enumerated() where s == 0 || tokens[sentence.lowerBound].newlinesBefore > 0 {
      let first = sentence.lowerBound
      let words = tokens[sentence].prefix(3).map(\.lower)
      let byline = words.first == "by" && sentence.count <= 12
        && !tokens[sentence].contains { $0.isLowercaseWord && $0.isFiniteVerb }
      let credit = words.count >= 2 && (Self.creditWords.contains(words[0]) && (words[1] == ":" || words[1] == "by")
        || (words[0] == "read" && words[1] == "more") || (words.count == 3 && words[1] == "reporting" && words[2] == "by"))
      guard byline || credit else { continue }
      for k in first..<sentence.upperBound { covered[k] = true }
    }
  }

  static let creditWords = Lexicon.words("""
    photo photos image images picture pictures credit credits source video reporting editing writing additional
    related published updated
    """)

  // MARK: - Context

  /// Whether a place name at `range` stands for a place: after a locative preposition ("in", "at", "near"),
  /// after "to" following a word of motion ("a visit to Washington"), or before a place noun ("border").
  func isPlace(_ range: Range<Int>, sentence: Range<Int>) -> Bool {
    var j = range.lowerBound - 1
    while j >= sentence.lowerBound, tokens[j].lower == "the" || placeAdjectives.contains(tokens[j].lower) { j -= 1 }
    if j >= sentence.lowerBound {
      let word = tokens[j].lower
      if Lexicon.locativePrepositions.contains(word) { return true }
      if word == "to", j > sentence.lowerBound, tokens[j - 1].is(.motion) { return true }
      // "in Darfur and Khartoum": the second of two places.
      if word == "and" || word == "or", j - 2 >= sentence.lowerBound, tokens[j - 1].isCapitalized,
        tokens[j - 2].is(.locative)
      {
        return true
      }
    }
    let next = range.upperBound
    if next < sentence.upperBound, tokens[next].isLowercaseWord, Lexicon.placeHeads.contains(tokens[next].lower) {
      return true
    }
    return false
  }

  /// "US" glued to a dollar sign ("$US100", "US$5bn") is part of a currency.
  func isCurrencyPrefix(_ i: Int) -> Bool {
    (i > 0 && tokens[i - 1].kind == .currency && !tokens[i].spaceBefore)
      || (i + 1 < tokens.count && tokens[i + 1].kind == .currency && !tokens[i + 1].spaceBefore)
  }

  /// Whether a known name at `range` is part of a longer capitalised name: "Jersey" in "New Jersey", "Jordan" in
  /// "Michael Jordan".
  func isInsideLongerName(_ range: Range<Int>, sentence: Range<Int>) -> Bool {
    func isUnknownName(_ i: Int) -> Bool {
      isNameWord(i) && !tokens[i].isAllCaps && index.match(tokens, at: i, limit: i + 1) == nil
    }
    let before = range.lowerBound - 1
    if before >= sentence.lowerBound, isUnknownName(before) { return true }
    let after = range.upperBound
    return after < sentence.upperBound && isUnknownName(after)
      && !tokens[after].is(.organizationHead)
  }

  /// A capitalised word that could be part of a personal or organisation name.
  func isNameWord(_ i: Int) -> Bool {
    guard tokens[i].kind == .word, tokens[i].isCapitalized, !covered[i], tokens[i].newlinesBefore == 0 else { return false }
    return tokens[i].classes.isDisjoint(with: [.function, .title, .commonCapitalized, .calendar, .eventHead, .placeHead])
  }

  /// Words between a locative preposition and a place: "in southern Italy".
  private let placeAdjectives = Lexicon.words("""
    southern northern eastern western central neighbouring neighboring occupied war-torn rural capital city
    downtown
    """)
}
