/// Finds actor mentions and candidate pledges in a text, by deterministic rules that explain themselves: no I/O,
/// no model. Cheap to copy and safe to share across tasks; build it once per ``ActorDirectory``.
///
/// ```swift
/// let extractor = Extractor(directory: ActorDirectory(actors))
/// let extraction = extractor.extract(body, publishedAtMs: article.publishedAtMs)
/// for candidate in extraction.candidates { print(candidate.makers.map(\.actor.name), candidate.action) }
/// ```
public struct Extractor: Sendable {
  /// Names this extractor in stored extractions (the schema's `Extraction.extractor`).
  public static let version = "pledgewire-rules@1"

  public let directory: ActorDirectory

  public init(directory: ActorDirectory = .empty) {
    self.directory = directory
  }

  /// The mentions and candidates of `text`. Ranges count Unicode scalars of `text` as given. `publishedAtMs`
  /// (Unix milliseconds) dates relative deadlines such as "by the end of the year"; without it they are left out.
  public func extract(_ text: String, publishedAtMs: Int64? = nil) -> Extraction {
    let document = Document(text)
    var analysis = MentionFinder.analyze(document, directory.index)
    var finder = PledgeFinder(doc: document, analysis: analysis, publishedAtMs: publishedAtMs)
    let candidates = finder.candidates()
    analysis = finder.analysis
    for m in finder.parties { analysis.mentions[m].acts = true }
    return Extraction(mentions: analysis.outputMentions(document), candidates: candidates)
  }
}
