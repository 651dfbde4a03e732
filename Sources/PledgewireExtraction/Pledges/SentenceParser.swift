/// Shallow parsing of one sentence for the pledge rules: verb groups, time expressions, parentheticals and the
/// subject before a verb — with no tagger, from the closed word classes of ``Lexicon`` and ``Verbs`` and the
/// actor mentions already found.
struct SentenceParser {
  let doc: Document
  let analysis: ActorAnalysis
  let sentence: Range<Int>

  var tokens: [Token] { doc.tokens }
  var start: Int { sentence.lowerBound }
  var end: Int { sentence.upperBound }

  func word(_ i: Int) -> String { i >= start && i < end ? tokens[i].lower : "" }

  func isWord(_ i: Int, _ words: Set<String>) -> Bool {
    i >= start && i < end && tokens[i].kind == .word && words.contains(tokens[i].lower)
  }

  /// The verb form of token `i`, if it is a verb the extractor knows.
  func verbForm(_ i: Int) -> Verbs.Form? { i >= start && i < end ? tokens[i].verb : nil }

  /// Whether token `i` can head a verb group (``Token/isFiniteVerb``).
  func isFiniteVerb(_ i: Int) -> Bool { i >= start && i < end && tokens[i].isFiniteVerb }

  /// Whether token `i` is a word of `wordClass`.
  func isWord(_ i: Int, _ wordClass: WordClass) -> Bool {
    i >= start && i < end && tokens[i].kind == .word && tokens[i].classes.contains(wordClass)
  }

  /// For a few words written out: a linear search beats building a set on every call.
  func isWord(_ i: Int, _ words: [String]) -> Bool {
    i >= start && i < end && tokens[i].kind == .word && words.contains(tokens[i].lower)
  }

  // MARK: - Skipping

  /// The first token at or after `i` that is not an adverb of manner or time, nor a time expression.
  func skipForward(_ i: Int, limit: Int? = nil) -> Int {
    var j = i
    let limit = limit ?? end
    while j < limit {
      if isWord(j, .adverb) {
        j += 1
      } else if let after = timeEnd(from: j, limit: limit) {
        j = after
        if j + 1 < limit, tokens[j].isPunctuation(","), isWord(j + 1, ["to", "on"]) { j += 1 }
      } else if tokens[j].isPunctuation(","), j + 1 < limit, timeEnd(from: j + 1, limit: limit) != nil {
        j += 1
      } else {
        break
      }
    }
    return j
  }

  /// The last token at or before `i` that is not an adverb, auxiliary or time word, and not inside a
  /// parenthetical set off by commas (", who …,", ", parliamentary leader of …,").
  func skipBackward(_ i: Int) -> Int {
    var j = i
    while j >= start {
      if isWord(j, .adverb) || isWord(j, .timeWord)
        || (tokens[j].kind == .word && tokens[j].is(.calendar) && tokens[j].isCapitalized)
        || (tokens[j].kind == .number && j > start && tokens[j - 1].is(.calendar))
        || (tokens[j].kind == .number && j + 1 < end && tokens[j + 1].is(.calendar))
      {
        j -= 1
      } else if isWord(j, ["on", "in"]), j + 1 < end,
        tokens[j + 1].kind == .number || (tokens[j + 1].isCapitalized && tokens[j + 1].is(.calendar))
      {
        j -= 1
      } else if tokens[j].isPunctuation(","), let open = parentheticalStart(closingAt: j) {
        j = open - 1
      } else if tokens[j].isPunctuation(","), j > start, isWord(j - 1, .timeWord)
        || (tokens[j - 1].kind == .word && tokens[j - 1].is(.calendar))
        || (tokens[j - 1].kind == .number && j - 2 >= start && tokens[j - 2].is(.calendar))
      {
        j -= 1
      } else {
        break
      }
    }
    return j
  }

  /// The end of a time expression starting at `i`: "on Sunday", "on Thursday, June 13", "last week", "today",
  /// "earlier this month", "in March".
  func timeEnd(from i: Int, limit: Int) -> Int? {
    guard i < limit, tokens[i].kind == .word else { return nil }
    let first = tokens[i].lower
    func isDate(_ k: Int) -> Bool {
      k < limit && ((tokens[k].kind == .word && tokens[k].is(.calendar) && tokens[k].isCapitalized)
        || (tokens[k].kind == .number && tokens[k].text.utf8.count <= 4))
    }
    func dateRun(_ k: Int) -> Int {
      var j = k
      while j < limit, isDate(j) || (tokens[j].isPunctuation(",") && isDate(j + 1) && j + 1 < limit && tokens[j + 1].kind == .number) {
        j += 1
      }
      return j
    }
    if ["today", "yesterday", "tomorrow", "tonight"].contains(first) { return i + 1 }
    if tokens[i].isCapitalized, tokens[i].is(.calendar) { return dateRun(i) }
    if first == "on" || first == "in", isDate(i + 1) { return dateRun(i + 1) }
    if ["last", "this", "next"].contains(first), i + 1 < limit,
      ["week", "month", "year", "weekend"].contains(tokens[i + 1].lower) || isDate(i + 1)
    {
      return i + 2
    }
    if first == "earlier" || first == "later", i + 2 < limit, ["this", "last", "that"].contains(tokens[i + 1].lower) {
      return i + 3
    }
    return nil
  }

  /// For a comma at `close`, the comma that opens a parenthetical ending there: a relative clause (", who …,"),
  /// an apposition (", parliamentary leader of …,", ", 54,"), or an aside after a name.
  func parentheticalStart(closingAt close: Int) -> Int? {
    var j = close - 1
    while j > start, close - j < 30 {
      if tokens[j].isPunctuation(",") {
        let first = tokens[j + 1]
        let before = j - 1
        guard before >= start, analysis.mentionAt[before] != nil || tokens[before].isCapitalized else { return nil }
        if ["who", "which", "whose", "where", "a", "an", "the", "whom"].contains(first.lower) || first.isLowercaseWord
          || first.kind == .number || Titles.isTitleWord(first.folded)
        {
          return j
        }
        return nil
      }
      if tokens[j].isPunctuation(";") || tokens[j].isPunctuation(":") || tokens[j].quote != .none { return nil }
      j -= 1
    }
    return nil
  }

  // MARK: - Verbs

  /// The first token of the verb group ending at `v`: auxiliaries, negations and adverbs before it.
  func groupStart(of v: Int) -> Int {
    var j = v
    while j - 1 >= start, isWord(j - 1, .adverb) || isWord(j - 1, .auxiliary)
      || isWord(j - 1, .negation)
    {
      j -= 1
    }
    return j
  }

  /// Whether the verb group from `groupStart` to `head` is negated: "has not pledged", "won't", "never".
  func isNegated(_ groupStart: Int, _ head: Int) -> Bool {
    (groupStart..<min(head + 2, end)).contains { k in
      tokens[k].is(.negation) || tokens[k].lower.utf8.last == UInt8(ascii: "t")
        && (tokens[k].lower.hasSuffix("n't") || tokens[k].lower.hasSuffix("n’t"))
    }
  }

  /// The nearest finite verb before `i` in the sentence (not an auxiliary).
  func previousFiniteVerb(before i: Int) -> Int? {
    var j = i - 1
    while j >= start {
      if tokens[j].isLowercaseWord, tokens[j].isFiniteVerb, !tokens[j].is(.auxiliary) { return j }
      j -= 1
    }
    return nil
  }

}
