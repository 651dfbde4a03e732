/// Titles and capitalised names: "French President Emmanuel Macron" (a person, with title and affiliation),
/// "Ocean Recovery Fund" (an organisation), "the Chancellor" (a description of a person named before), and
/// single capitalised words, decided once every full name of the text is known ("Starmer" → Keir Starmer).
extension MentionFinder {
  /// A single capitalised word, its title and affiliation, decided after every full name is known.
  struct Single {
    var token: Int
    var title: Titles.Title?
    var affiliation: Int?
    var sentence: Range<Int>
  }

  mutating func findNames() {
    var singles: [Single] = []
    for sentence in doc.sentences {
      var i = sentence.lowerBound
      while i < sentence.upperBound {
        if covered[i] {
          i += 1
        } else if let title = Titles.title(in: tokens, at: i, limit: sentence.upperBound), titleCanStart(i) {
          i = handleTitle(title, sentence: sentence, singles: &singles)
        } else if tokens[i].kind == .word, tokens[i].isCapitalized {
          let sequence = nameSequence(from: i, sentence: sentence, connectors: true)
          handleSequence(stripped(sequence), sentence: sentence, singles: &singles)
          i = max(sequence.upperBound, i + 1)
        } else {
          i += 1
        }
      }
    }
    for single in singles { resolve(single) }
  }

  /// A title starts a name when capitalised ("President …") or after its affiliation or a determiner ("EU
  /// foreign policy chief …", "the prime minister").
  private func titleCanStart(_ i: Int) -> Bool {
    if tokens[i].isCapitalized { return true }
    guard i > 0 else { return false }
    let previous = tokens[i - 1]
    return covered[i - 1] || ["the", "s", "his", "her", "its", "their"].contains(previous.lower)
  }

  private mutating func handleTitle(_ title: Titles.Title, sentence: Range<Int>, singles: inout [Single]) -> Int {
    let start = title.tokens.lowerBound
    let end = title.tokens.upperBound
    let affiliationMention = mentionIndex(endingAt: start) ?? possessiveMention(before: start)
    let affiliation = affiliationMention.map { mentions[$0].actor }
    if let m = mentionIndex(startingAt: end), actors[mentions[m].actor].ref.kind == .person {
      actors.addTitle(title, affiliation: affiliation, to: mentions[m].actor)
      return mentions[m].tokens.upperBound
    }
    let name = nameSequence(from: end, sentence: sentence, connectors: false)
    if !name.isEmpty {
      if name.count == 1 {
        singles.append(Single(token: name.lowerBound, title: title, affiliation: affiliation, sentence: sentence))
      } else {
        let person = propose(name, kind: .person)
        add(name, person, 0.88, "title '\(title.text)' before a name")
        actors.addTitle(title, affiliation: affiliation, to: person)
      }
      return name.upperBound
    }
    describe(title, affiliationMention: affiliationMention, sentence: sentence)
    return end
  }

  /// "the Chancellor", "the Kenyan president": the person named before with that title (and affiliation), or
  /// the directory person whose role says so; "the World Bank chief": a person the text does not name.
  private mutating func describe(_ title: Titles.Title, affiliationMention: Int?, sentence: Range<Int>) {
    var first = title.tokens.lowerBound
    if let m = affiliationMention, mentions[m].tokens.upperBound == first { first = mentions[m].tokens.lowerBound }
    guard first > sentence.lowerBound, tokens[first - 1].lower == "the" else { return }
    let affiliation = affiliationMention.map { mentions[$0].actor }
    // "the Chancellor" as a whole; "the Kenyan president" keeps "Ukrainian" as a mention of its own.
    let range = (first == title.tokens.lowerBound ? first - 1 : title.tokens.lowerBound)..<title.tokens.upperBound
    let phrase = doc.excerpt(title.tokens).text
    if let person = actors.person(withTitle: title.heads, affiliation: affiliation, among: order) {
      add(range, person, 0.75, "description 'the \(phrase)' of \(actors[person].ref.name) named before")
      return
    }
    var words = Set(tokens[title.tokens].map(\.folded))
    if let affiliation { words.formUnion(actors[affiliation].ref.name.split(separator: " ").map { NameFolding.fold(String($0)) }) }
    let known = index.persons(withRoleWords: words.subtracting(["of", "for", "the"]))
    if known.count == 1 {
      let person = actors.known(known[0], index)
      add(range, person, 0.7, "description 'the \(phrase)' of \(actors[person].ref.name) by role")
      return
    }
    guard let m = affiliationMention, actors[mentions[m].actor].ref.kind != .country else { return }
    let whole = mentions[m].tokens.lowerBound..<title.tokens.upperBound
    remove(mentions[m].tokens)
    let text = doc.excerpt(whole).text
    let person = actors.proposed(text, kind: .person)
    actors.addTitle(title, affiliation: affiliation, to: person)
    add((first - 1)..<title.tokens.upperBound, person, 0.45, "description '\(text)' of a person not named")
  }

  private mutating func handleSequence(_ range: Range<Int>, sentence: Range<Int>, singles: inout [Single]) {
    guard !range.isEmpty else { return }
    switch classify(range, sentence: sentence) {
    case .skip:
      for k in range { covered[k] = true }
    case .single:
      singles.append(Single(token: range.lowerBound, title: nil, affiliation: nil, sentence: sentence))
    case .person(let confidence, let why):
      let person = propose(range, kind: .person)
      add(range, person, confidence, why)
      addParenthesizedShortName(after: range, for: person)
    case .organization(let confidence, let why):
      let org = propose(range, kind: .organization)
      add(range, org, confidence, why)
      addParenthesizedShortName(after: range, for: org)
    }
  }

  /// "Free Democrats (FDP)": the acronym is a mention too, and names the same actor later.
  private mutating func addParenthesizedShortName(after range: Range<Int>, for actor: Int) {
    let i = range.upperBound
    guard i + 2 < tokens.count, tokens[i].isPunctuation("("), tokens[i + 1].kind == .word, tokens[i + 1].isAllCaps,
      tokens[i + 2].isPunctuation(")"), !covered[i + 1]
    else { return }
    add((i + 1)..<(i + 2), actor, 0.85, "acronym of \(actors[actor].ref.name) given in parentheses")
    actors.addShortName(tokens[i + 1].folded, for: actor)
  }

  /// A single capitalised word: a surname or acronym of a name in the text, a titled person, or — with context
  /// that makes it a name — a new actor.
  private mutating func resolve(_ single: Single) {
    let i = single.token
    guard !covered[i] else { return }
    let folded = tokens[i].folded
    if let actor = actors.shortNames[folded] ?? closeShortName(folded) {
      let how = actors.shortNames[folded] == nil ? "spelling variant of the surname of" : "short name of"
      add(i..<(i + 1), actor, 0.85, "\(how) \(actors[actor].ref.name)")
      if let title = single.title { actors.addTitle(title, affiliation: single.affiliation, to: actor) }
      return
    }
    if let title = single.title {
      // A pope or king is known by title and name: "Pope Francis".
      let regnal = !title.heads.isDisjoint(with: Titles.regnalWords)
      let person = actors.proposed(regnal ? title.text + " " + tokens[i].text : tokens[i].text, kind: .person)
      add(i..<(i + 1), person, 0.7, "title '\(title.text)' before a name")
      actors.addTitle(title, affiliation: single.affiliation, to: person)
      return
    }
    if let (kind, confidence, why) = singleWordDecision(i, sentence: single.sentence) {
      let actor = actors.proposed(tokens[i].text, kind: kind)
      add(i..<(i + 1), actor, confidence, why)
    }
  }

  /// A surname of the text one edit away from `folded` (six letters or more): "Zelenskyj" → "Zelensky".
  private func closeShortName(_ folded: String) -> Int? {
    guard folded.utf8.count >= 6 else { return nil }
    for (short, actor) in actors.shortNames where short.utf8.count >= 6 && EditDistance.isAtMostOne(short, folded) {
      return actor
    }
    return nil
  }

  // MARK: - Sequences

  /// Capitalised words from `i`: name particles ("von der Leyen"), initials ("J.") and — when `connectors` —
  /// "and", "of", "for" inside organisation names ("Ocean Recovery Fund"), which must then end in an
  /// organisation word.
  func nameSequence(from i: Int, sentence: Range<Int>, connectors: Bool) -> Range<Int> {
    var j = i
    var last = i
    var firstConnector: Int? = nil
    while j < sentence.upperBound, !covered[j], j == i || tokens[j].newlinesBefore == 0, j - i < 8 {
      let nextIsName = j + 1 < sentence.upperBound && tokens[j + 1].isCapitalized && !covered[j + 1]
      if tokens[j].kind == .word, connectorWords.contains(tokens[j].lower), j > i, nextIsName,
        connectors || (particles.contains(tokens[j].lower) && tokens[j].isLowercaseWord)
      {
        if !particles.contains(tokens[j].lower), firstConnector == nil { firstConnector = j }
        j += 1
      } else if tokens[j].kind == .word, tokens[j].isCapitalized {
        if j > i, tokens[j].is(.calendar) || Titles.title(in: tokens, at: j, limit: sentence.upperBound) != nil {
          break
        }
        j += 1
        last = j
      } else if tokens[j].isPunctuation("."), !tokens[j].spaceBefore, j > i, tokens[j - 1].text.unicodeScalars.count == 1 {
        j += 1
        last = j
      } else {
        break
      }
    }
    // With connectors, the name must end in an organisation word: "Ocean Recovery Fund".
    if let cut = firstConnector {
      let head = (cut..<last).last { tokens[$0].is(.organizationHead) }
      return i..<(head.map { $0 + 1 } ?? cut)
    }
    return i..<last
  }

  /// The sequence without words that only look like names: sentence-initial function words ("Later", "The"),
  /// days and months, titles.
  private func stripped(_ range: Range<Int>) -> Range<Int> {
    var lower = range.lowerBound
    var upper = range.upperBound
    func isFiller(_ k: Int) -> Bool {
      let word = tokens[k].lower
      return Lexicon.functionWords.contains(word) || tokens[k].is(.calendar)
        || tokens[k].kind != .word
    }
    while lower < upper, isFiller(lower) || Titles.isTitleWord(tokens[lower].folded) { lower += 1 }
    while upper > lower, isFiller(upper - 1) { upper -= 1 }
    return lower..<upper
  }

  func mentionIndex(startingAt i: Int) -> Int? { mentions.lastIndex { $0.tokens.lowerBound == i } }

  func mentionIndex(endingAt i: Int) -> Int? { mentions.lastIndex { $0.tokens.upperBound == i } }

  /// The mention before a possessive "'s" that ends at `i`: "Ukraine's President".
  func possessiveMention(before i: Int) -> Int? {
    guard i >= 2, tokens[i - 1].lower == "s", tokens[i - 2].folded == "'" else { return nil }
    return mentionIndex(endingAt: i - 2)
  }

  private var connectorWords: Set<String> { Self.connectorWords }
  private var particles: Set<String> { Self.particles }

  static let particles = Lexicon.words("von van der den de da di du del della le la al el bin ibn ben dos das ter ten zu")
  static let connectorWords = particles.union(["and", "of", "for", "&", "the"])
}
