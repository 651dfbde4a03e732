/// A text ready for the extractor: its scalars, tokens, sentences, and which tokens stand inside quotation marks.
struct Document: Sendable {
  let scalars: [Unicode.Scalar]
  let tokens: [Token]
  /// Token ranges of the sentences, in order.
  let sentences: [Range<Int>]
  /// The sentence of every token.
  let sentenceOf: [Int]
  /// The quotation every token stands in (index into ``quotations``), if any.
  let quotationOf: [Int?]
  /// Token ranges of the quotations, marks excluded, in order.
  let quotations: [Range<Int>]

  init(_ text: String) {
    scalars = Array(text.unicodeScalars)
    tokens = Tokenizer.tokenize(scalars)
    sentences = SentenceSplitter.split(tokens)
    var sentenceOf = [Int](repeating: 0, count: tokens.count)
    for (index, sentence) in sentences.enumerated() {
      for i in sentence { sentenceOf[i] = index }
    }
    self.sentenceOf = sentenceOf
    (quotationOf, quotations) = Document.quotations(tokens)
  }

  /// The text of scalars [start, end).
  func text(_ start: Int, _ end: Int) -> String {
    Tokenizer.string(scalars[start..<end])
  }

  /// The text and range covered by tokens `range` (which must not be empty).
  func excerpt(_ range: Range<Int>) -> Excerpt {
    let start = tokens[range.lowerBound].start
    let end = tokens[range.upperBound - 1].end
    return Excerpt(text: text(start, end), range: ScalarRange(start: start, end: end))
  }

  /// The sentence `index` as an excerpt.
  func sentence(_ index: Int) -> Excerpt { excerpt(sentences[index]) }

  /// Pairs quotation marks within each paragraph: an opening mark opens, a closing one closes, a straight one
  /// toggles. Unclosed quotations end with their paragraph.
  private static func quotations(_ tokens: [Token]) -> ([Int?], [Range<Int>]) {
    var of = [Int?](repeating: nil, count: tokens.count)
    var spans: [Range<Int>] = []
    var open: Int? = nil
    func close(_ end: Int) {
      if let start = open, start + 1 < end {
        for i in (start + 1)..<end { of[i] = spans.count }
        spans.append((start + 1)..<end)
      }
      open = nil
    }
    for (i, token) in tokens.enumerated() {
      if token.newlinesBefore > 0, open != nil { close(i) }
      switch token.quote {
      case .opening:
        if open == nil { open = i }
      case .closing:
        close(i)
      case .either:
        if open == nil { open = i } else { close(i) }
      case .none:
        break
      }
    }
    if open != nil { close(tokens.count) }
    return (of, spans)
  }
}
