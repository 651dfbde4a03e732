import Testing
@testable import PledgewireExtraction

/// The extractor over the gazetteer alone, shared by the tests (it is immutable and Sendable).
let gazetteerExtractor = Extractor()

func extract(_ text: String, directory: ActorDirectory = .empty, publishedAtMs: Int64? = nil) -> Extraction {
  let extraction = Extractor(directory: directory).extract(text, publishedAtMs: publishedAtMs)
  checkRanges(extraction, in: text)
  return extraction
}

/// The text of `range` in Unicode scalars.
func slice(_ text: String, _ range: ScalarRange) -> String {
  let scalars = Array(text.unicodeScalars)
  var view = String.UnicodeScalarView()
  view.append(contentsOf: scalars[range.start..<range.end])
  return String(view)
}

/// Every quote, mention, party, amount and condition is exactly the text at its range.
func checkRanges(_ extraction: Extraction, in text: String, sourceLocation: SourceLocation = #_sourceLocation) {
  for mention in extraction.mentions {
    #expect(slice(text, mention.range) == mention.text, sourceLocation: sourceLocation)
    #expect((0...1).contains(mention.confidence), sourceLocation: sourceLocation)
    #expect(!mention.explanation.isEmpty, sourceLocation: sourceLocation)
  }
  for candidate in extraction.candidates {
    var excerpts = [candidate.quote, candidate.cue] + candidate.additionalQuotes
    excerpts += (candidate.makers + candidate.announcers + candidate.beneficiaries).map { Excerpt(text: $0.text, range: $0.range) }
    if let condition = candidate.condition { excerpts.append(condition) }
    if let amount = candidate.amount { excerpts.append(amount.excerpt) }
    if let deadline = candidate.deadline { excerpts.append(deadline.excerpt) }
    excerpts += candidate.quantities.map(\.excerpt)
    for excerpt in excerpts { #expect(slice(text, excerpt.range) == excerpt.text, sourceLocation: sourceLocation) }
    #expect((0...1).contains(candidate.confidence), sourceLocation: sourceLocation)
    #expect(!candidate.explanation.isEmpty, sourceLocation: sourceLocation)
  }
}

extension Extraction {
  /// Canonical names of the actors mentioned, in order of first mention.
  var actorNames: [String] { actors.map(\.name) }

  /// The mention whose text is `text`.
  func mention(_ text: String) -> ActorMention? { mentions.first { $0.text == text } }

  /// The candidates whose makers are exactly `names` (canonical names, any order).
  func candidates(by names: String...) -> [PledgeCandidate] {
    candidates.filter { Set($0.makers.map(\.actor.name)) == Set(names) }
  }
}

extension PledgeCandidate {
  var makerNames: [String] { makers.map(\.actor.name) }
  var announcerNames: [String] { announcers.map(\.actor.name) }
  var beneficiaryNames: [String] { beneficiaries.map(\.actor.name) }
}
