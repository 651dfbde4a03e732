/// Mentions that are not capitalised names: social-media handles ("@AnnaBerg"), flag emoji, news outlets named
/// by their kind ("the e-news portal"), and definite descriptions of an organisation named before ("the
/// fund" after "Ocean Recovery Fund").
extension MentionFinder {
  mutating func findHandlesAndFlags() {
    for i in tokens.indices where !covered[i] {
      switch tokens[i].kind {
      case .handle:
        if let (actor, how) = handleActor(tokens[i].text) {
          add(i..<(i + 1), actor, 0.75, "handle \(how) \(actors[actor].ref.name)")
        }
      case .flag:
        if let country = index.country(alpha2: tokens[i].lower) {
          let actor = actors.known(country, index)
          add(i..<(i + 1), actor, 0.7, "flag of \(actors[actor].ref.name)")
        }
      default:
        break
      }
    }
  }

  /// The actor a handle names: its words split at capitals ("AnnaBerg" → "Anna Berg") are a name of the text,
  /// hold a surname of the text, or are a known name.
  private mutating func handleActor(_ handle: String) -> (Int, String)? {
    var words: [String] = []
    for scalar in handle.unicodeScalars.dropFirst() {
      if scalar == "_" {
        words.append("")
      } else if scalar.properties.isUppercase || words.isEmpty {
        words.append(String(scalar))
      } else {
        words[words.count - 1].unicodeScalars.append(scalar)
      }
    }
    words = words.filter { !$0.isEmpty }
    let folded = words.map(NameFolding.fold)
    if let actor = actors.proposedActor(foldedName: folded.joined(separator: " ")) { return (actor, "of") }
    for word in folded.reversed() where word.utf8.count >= 3 {
      if let actor = actors.shortNames[word] { return (actor, "with the surname of") }
    }
    let parts = Tokenizer.tokenize(words.joined(separator: " "))
    guard !parts.isEmpty, let (entry, _) = index.match(parts, at: 0, limit: parts.count) else { return nil }
    return (actors.known(entry.actor, index), "of")
  }

  /// "the e-news portal", "Le Monde daily": a name, capitalised or not, before a word for a news outlet.
  mutating func findOutlets() {
    for k in tokens.indices where tokens[k].is(.outletNoun) && tokens[k].isLowercaseWord {
      var end = k
      if end > 0, tokens[end - 1].lower == "news" { end -= 1 }
      var start = end
      while start > 0, end - start < 2, tokens[start - 1].kind == .word, !covered[start - 1],
        !tokens[start - 1].is(.function)
      {
        start -= 1
      }
      guard start < end, start > 0, ["the", "by", "to", "from", "in"].contains(tokens[start - 1].lower)
        || tokens[start - 1].quote != .none
      else { continue }
      let name = tokens[start..<end]
      guard name.contains(where: { $0.isCapitalized || $0.text.unicodeScalars.contains("-") || $0.text.unicodeScalars.contains(".") }) else { continue }
      add(start..<end, propose(start..<end, kind: .organization), 0.7, "name before '\(tokens[k].text)'")
    }
  }

  /// "the fund", "the commission": the last organisation named before whose name ends in that word.
  mutating func findDescriptions() {
    for k in 1..<max(1, tokens.count) where tokens[k].is(.organizationHead) && tokens[k].isLowercaseWord
      && !covered[k] && tokens[k - 1].lower == "the"
    {
      let head = tokens[k].folded
      let fitting = mentions.filter { mention in
        mention.tokens.upperBound <= k && actors[mention.actor].ref.kind != .person && actors[mention.actor].headWord == head
      }
      guard let m = fitting.max(by: { $0.tokens.lowerBound < $1.tokens.lowerBound }) else { continue }
      add((k - 1)..<(k + 1), m.actor, 0.6, "description 'the \(tokens[k].text)' of \(actors[m.actor].ref.name)")
    }
  }
}
