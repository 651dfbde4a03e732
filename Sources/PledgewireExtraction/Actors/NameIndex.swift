/// Every name the extractor knows, indexed for longest-match lookup over tokens: the directory's actors with their
/// names, aliases, capitals and surnames, then the gazetteer's countries and organisations — merged into the
/// directory actor with the same country code or name, so "Kyiv" finds the caller's Ukraine and its id.
struct NameIndex: Sendable {
  /// How a name denotes its actor.
  enum Form: UInt8, Sendable {
    case name, alias, seat, demonym, description, surname

    var label: String {
      switch self {
      case .name: "name"
      case .alias: "alias"
      case .seat: "capital"
      case .demonym: "demonym"
      case .description: "description"
      case .surname: "surname"
      }
    }
  }

  /// One token of a name as the text must show it.
  struct Pattern: Sendable {
    var folded: String
    var needsCapital: Bool
    var needsAllCaps: Bool
  }

  struct Entry: Sendable {
    var actor: Int
    var form: Form
    var tokens: [Pattern]
  }

  struct Actor: Sendable {
    var ref: ActorReference
    /// Folded words of a directory person's role, for definite descriptions ("the prime minister").
    var roleWords: Set<String>
  }

  private(set) var actors: [Actor] = []
  private(set) var entries: [Entry] = []
  private var byFirst: [String: [Int]] = [:]
  private var byAlpha2: [String: Int] = [:]
  private var byKey: [String: Int] = [:]
  private var patternKeys: Set<String> = []

  init(directory: [KnownActor]) {
    for known in directory {
      let index = actors.count
      actors.append(Actor(
        ref: ActorReference(
          id: known.id, name: known.name, kind: known.kind, source: .directory, countryCode: known.countryCode,
          role: known.role
        ),
        roleWords: Set((known.role ?? "").split(separator: " ").map { NameFolding.fold(String($0)) })
      ))
      add(known.name, .name, index)
      for alias in known.aliases { add(alias, .alias, index) }
      for capital in known.capitals { add(capital, .seat, index) }
      for name in [known.name] + known.aliases {
        byKey[NameFolding.foldWords(name), default: index] = index
      }
      if let code = known.countryCode { byKey["#" + code.uppercased(), default: index] = index }
    }
    for person in directory.indices where directory[person].kind == .person {
      let words = directory[person].name.split(separator: " ")
      if words.count >= 2, let last = words.last { add(String(last), .surname, person) }
    }
    for entry in Gazetteer.entries {
      let index = directoryActor(for: entry) ?? {
        actors.append(Actor(
          ref: ActorReference(name: entry.name, kind: entry.kind, source: .gazetteer, countryCode: entry.alpha3),
          roleWords: []
        ))
        return actors.count - 1
      }()
      if let alpha2 = entry.alpha2 { byAlpha2[alpha2.lowercased()] = index }
      add(entry.name, .name, index)
      for alias in entry.aliases { add(alias, .alias, index) }
      for demonym in entry.demonyms { add(demonym, .demonym, index) }
      for seat in entry.seats { add(seat, .seat, index) }
      for description in entry.descriptions { add(description, .description, index) }
    }
    for key in byFirst.keys {
      byFirst[key]!.sort { entries[$0].tokens.count > entries[$1].tokens.count }
    }
  }

  /// The longest name starting at token `i`, not reaching past `limit`.
  func match(_ tokens: [Token], at i: Int, limit: Int) -> (entry: Entry, length: Int)? {
    guard let candidates = byFirst[tokens[i].folded] else { return nil }
    for index in candidates {
      let entry = entries[index]
      let length = entry.tokens.count
      guard i + length <= limit else { continue }
      var ok = true
      for (k, pattern) in entry.tokens.enumerated() {
        if tokens[i + k].folded != pattern.folded || (pattern.needsCapital && !tokens[i + k].isCapitalized)
          || (pattern.needsAllCaps && !tokens[i + k].isAllCaps) || (k > 0 && tokens[i + k].newlinesBefore > 0)
        {
          ok = false
          break
        }
      }
      if ok { return (entry, length) }
    }
    return nil
  }

  /// The country whose ISO 3166-1 alpha-2 code is `code` (lower case).
  func country(alpha2 code: String) -> Int? { byAlpha2[code] }

  /// Directory persons whose role holds every one of `words` (folded).
  func persons(withRoleWords words: Set<String>) -> [Int] {
    guard !words.isEmpty else { return [] }
    return actors.indices.filter { actors[$0].ref.kind == .person && words.isSubset(of: actors[$0].roleWords) }
  }

  // MARK: - Building

  private func directoryActor(for entry: Gazetteer.Entry) -> Int? {
    if let code = entry.alpha3, let index = byKey["#" + code] { return index }
    for name in [entry.name] + entry.aliases {
      if let index = byKey[NameFolding.foldWords(name)], actors[index].ref.kind != .person { return index }
    }
    return nil
  }

  private mutating func add(_ name: String, _ form: Form, _ actor: Int) {
    var tokens = Tokenizer.tokenize(name)
    // "the Kremlin" is found as "Kremlin"; a lower-case description keeps its article.
    if tokens.count > 1, tokens[0].lower == "the", tokens[1].isCapitalized { tokens.removeFirst() }
    guard let first = tokens.first else { return }
    let patterns = tokens.map { token in
      Pattern(
        folded: token.folded,
        needsCapital: token.isCapitalized,
        needsAllCaps: token.isAllCaps && (token.folded.count <= 2 || Lexicon.functionWords.contains(token.folded))
      )
    }
    let key = patterns.map { $0.folded + ($0.needsAllCaps ? "!" : "") }.joined(separator: " ")
    guard !key.isEmpty, patternKeys.insert(key).inserted else { return }
    entries.append(Entry(actor: actor, form: form, tokens: patterns))
    byFirst[first.folded, default: []].append(entries.count - 1)
  }
}
