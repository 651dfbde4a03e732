import PledgewireServer
import PledgewireStorage
import PledgewireWire

/// `pledgewire.v1.ExtractionService`: the extractor on a text (Extract), and the review queue of candidates found
/// in articles created with `extract`. A candidate becomes a pledge only when a person accepts it (`+Review`).
public struct ExtractionServiceHandler: ExtractionService.ServiceProtocol {
  /// The longest text Extract reads, in Unicode scalars (about 50 long articles); longer ones are refused naming
  /// the field. Article create with `extract` applies it to the body.
  public static let maxTextLength = 200_000

  let store: any PledgewireStore
  let hub: PledgeEventHub
  let extractors: ExtractorProvider
  let now: @Sendable () -> Int64

  public init(store: any PledgewireStore, hub: PledgeEventHub, extractors: ExtractorProvider, now: @escaping @Sendable () -> Int64 = WallClock.now) {
    self.store = store
    self.hub = hub
    self.extractors = extractors
    self.now = now
  }

  /// Runs the extractor off the connection's I/O loop (``ExtractorProvider/extract(_:publishedAtMs:)``).
  public func extract(_ request: ExtractRequest, context: ServerContext) async throws -> ExtractResponse {
    try FieldCheck.required(request.text, "text", max: Self.maxTextLength)
    if request.publishedAtMs != 0 {
      try Timestamps.inRange(request.publishedAtMs, "published_at_ms")
    }
    let extraction = try await extractors.extract(request.text, publishedAtMs: request.publishedAtMs != 0 ? request.publishedAtMs : now())
    return ExtractResponse(
      mentions: extraction.mentions.map(CandidateMessages.mention),
      candidates: extraction.candidates.map(CandidateMessages.candidate),
      extractor: CandidateMessages.extractorName
    )
  }

  public func listCandidates(_ request: ListCandidatesRequest, context: ServerContext) async throws -> ListCandidatesResponse {
    let limit = try FieldCheck.pageSize(request.pageSize, fallback: 50)
    if request.articleID != 0 {
      try FieldCheck.positive(request.articleID, "article_id")
    }
    try FieldCheck.known(request.state, "state", allowUnspecified: true)
    guard request.minConfidence >= 0 && request.minConfidence <= 1 else {
      throw RPCError.invalidArgument(field: "min_confidence", "must be 0...1, not \(request.minConfidence)")
    }
    var fingerprint = request
    fingerprint.pageToken = ""
    fingerprint.pageSize = 0
    let after = try PageToken.decode(request.pageToken, scope: "candidates", query: fingerprint, fieldCount: 1).map { try PageToken.int($0[0]) }
    var candidates = try await store.listCandidates(CandidateQuery(
      articleID: request.articleID != 0 ? request.articleID : nil,
      state: request.state != .unspecified ? request.state : nil,
      minConfidence: request.minConfidence > 0 ? request.minConfidence : nil,
      afterID: after,
      limit: limit + 1
    ))
    var next = ""
    if candidates.count > limit {
      candidates.removeLast()
      next = PageToken.encode(scope: "candidates", query: fingerprint, fields: [String(candidates[candidates.count - 1].id)])
    }
    return ListCandidatesResponse(candidates: candidates, nextPageToken: next)
  }

  public func getCandidate(_ request: GetCandidateRequest, context: ServerContext) async throws -> PledgeCandidate {
    try await candidate(request.id, field: "id")
  }

  func candidate(_ id: Int64, field: String) async throws -> PledgeCandidate {
    try FieldCheck.positive(id, field)
    guard let candidate = try await store.candidate(id: id) else {
      throw RPCError(.notFound, "candidate \(id) does not exist")
    }
    return candidate
  }
}
