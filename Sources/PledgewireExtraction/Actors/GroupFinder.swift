/// Groups of actors: a group noun with a modifier that names it ("European leaders", "NATO allies", "the 32
/// leaders", "Allies" opening a sentence), named coalitions ("coalition of the willing"), the same group taken up
/// again ("the leaders"), and regions acting as one ("Europe has promised"). Vague groups ("some countries",
/// "other nations") are not actors. Group phrases and regions are output only where they act
/// (``FoundMention/needsRole``).
extension MentionFinder {
  mutating func findGroups() {
    var lastGroupByNoun: [String: Int] = [:]
    for sentence in doc.sentences {
      for k in sentence where !covered[k] && tokens[k].kind == .word {
        let word = tokens[k].lower
        if word == "coalition", let end = coalitionEnd(k, sentence) {
          add(k..<end, propose(k..<end, kind: .group), 0.8, "named coalition")
        } else if tokens[k].is(.groupNoun) {
          group(at: k, sentence: sentence, lastGroupByNoun: &lastGroupByNoun)
        } else if tokens[k].isCapitalized, Lexicon.regions.contains(tokens[k].folded),
          !isPlaceContext(k, sentence: sentence)
        {
          let region = propose(k..<(k + 1), kind: .group)
          add(k..<(k + 1), region, 0.5, "region acting as a group", needsRole: true)
        }
      }
    }
  }

  private mutating func group(at k: Int, sentence: Range<Int>, lastGroupByNoun: inout [String: Int]) {
    let noun = tokens[k].lower
    var start = k
    var affiliation: Int? = nil
    var named = false
    while start > sentence.lowerBound {
      let previous = tokens[start - 1]
      if let m = mentionIndex(endingAt: start), actors[mentions[m].actor].ref.kind != .person {
        affiliation = affiliation ?? mentions[m].actor
        start = mentions[m].tokens.lowerBound
        named = true
      } else if previous.kind == .word, Lexicon.groupModifiers.contains(previous.lower) || previous.lower == "member" {
        start -= 1
        named = true
      } else if previous.kind == .number {
        start -= 1
      } else {
        break
      }
    }
    let determiner = start > sentence.lowerBound ? tokens[start - 1].lower : ""
    if Lexicon.vagueQuantifiers.contains(determiner) { return }
    let modifiers = tokens[start..<k]
    if modifiers.contains(where: { $0.is(.vague) }) { return }
    // "the leaders", "the 27 leaders": the group of that noun named before.
    if !named, determiner == "the" || tokens[k].isCapitalized, let earlier = lastGroupByNoun[noun] {
      let from = determiner == "the" ? start - 1 : start
      add(from..<(k + 1), earlier, 0.6, "'\(doc.excerpt(from..<(k + 1)).text)' takes up \(actors[earlier].ref.name)",
          needsRole: true)
      return
    }
    // A capitalised group noun is a name: "Donors commit to …".
    let bareCapitalized = modifiers.isEmpty && tokens[k].isCapitalized
    guard named || bareCapitalized || (!modifiers.isEmpty && determiner == "the") else { return }
    // Only the group's own words: any mention inside it stays a mention of its own.
    let group = propose(start..<(k + 1), kind: .group)
    if let affiliation, actors[group].affiliation == nil {
      actors[group].affiliation = affiliation
      actors[group].ref.affiliation = actors[affiliation].ref.name
    }
    lastGroupByNoun[noun] = group
    mentions.append(FoundMention(
      tokens: start..<(k + 1), actor: group, confidence: named ? 0.7 : 0.5,
      explanation: ["group noun '\(tokens[k].text)'" + (named ? " with a modifier that names it" : "")], needsRole: true
    ))
    covered[k] = true
    order.append(group)
  }

  /// The end of "coalition of the willing" and the like: "coalition of" and up to three more words.
  private func coalitionEnd(_ k: Int, _ sentence: Range<Int>) -> Int? {
    guard k + 2 < sentence.upperBound, tokens[k + 1].lower == "of" else { return nil }
    var end = k + 2
    if tokens[end].lower == "the" { end += 1 }
    guard end < sentence.upperBound, tokens[end].kind == .word, !covered[end] else { return nil }
    return end + 1
  }

  /// Marks group phrases and regions that are the subject of a verb: followed, after adverbs, by a finite verb,
  /// and not the object of a preposition ("the meeting of NATO allies ended").
  mutating func markActingGroups() {
    for m in mentions.indices where mentions[m].needsRole {
      let before = mentions[m].tokens.lowerBound - 1
      if before >= 0, tokens[before].kind == .word, tokens[before].is(.preposition)
        || tokens[before].lower == "of"
      {
        continue
      }
      var j = mentions[m].tokens.upperBound
      while j < tokens.count, tokens[j].isLowercaseWord, tokens[j].is(.adverb) { j += 1 }
      if j < tokens.count, tokens[j].kind == .word, tokens[j].isFiniteVerb { mentions[m].acts = true }
    }
  }

}
