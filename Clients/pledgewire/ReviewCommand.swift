import ArgumentParser
import Foundation
import PledgewireClient

/// `pledgewire review`: the queue of candidate pledges the extractor found in articles added with --extract.
struct ReviewCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "review",
    abstract: "Review candidate pledges found in articles added with --extract: list, show, accept, reject.",
    discussion: """
      Nothing the extractor finds is a pledge until it is accepted here. Accepting creates a pledge with the
      candidate's quote as its first evidence, or attaches the quote to a recorded pledge (--as-evidence-of);
      rejecting keeps the candidate as a labelled negative.
      Example:
        pledgewire review                       # the pending queue, oldest first
        pledgewire review show 12
        pledgewire review accept 12 --action "send 200 engineers to Kenya" --create-actors
        pledgewire review accept 13 --as-evidence-of 4
        pledgewire review reject 14 --reason not-a-pledge --note "a wish, not a commitment"
      """,
    subcommands: [List.self, Show.self, Next.self, Accept.self, Reject.self],
    defaultSubcommand: List.self
  )

  static let candidateColumns: [Output.Column<PledgeCandidate>] = [
    .init(title: "ID", value: { $0.id == 0 ? "" : String($0.id) }),
    .init(title: "STATE", value: { $0.state == .unspecified ? "" : EnumArgument.display($0.state) }),
    .init(title: "CONF", value: { String(format: "%.2f", $0.confidence) }),
    .init(title: "MODALITY", value: { EnumArgument.display($0.modality) }),
    .init(title: "MAKERS", value: { parties($0.makers) }, wraps: true),
    .init(title: "ACTION", value: { $0.action }, wraps: true),
  ]

  /// "United Kingdom (4), Norway [new]".
  static func parties(_ parties: [CandidateParty]) -> String {
    parties.map { $0.name + ($0.actorID != 0 ? " (\($0.actorID))" : " [not recorded]") }.joined(separator: ", ")
  }

  static func fields(_ candidate: PledgeCandidate, body: String?) -> [(String, String)] {
    var fields: [(String, String)] = [
      ("id", String(candidate.id)), ("article", String(candidate.articleID)), ("state", EnumArgument.display(candidate.state)),
      ("version", String(candidate.version)), ("confidence", String(format: "%.2f", candidate.confidence)),
      ("makers", parties(candidate.makers) + (candidate.makersIncomplete ? " and others" : "")),
      ("announcers", parties(candidate.announcers)), ("beneficiaries", parties(candidate.beneficiaries)),
      ("action", candidate.action), ("category", EnumArgument.display(candidate.category)),
      ("modality", EnumArgument.display(candidate.modality)), ("condition", candidate.condition),
      ("amount", candidate.amount.map(Figures.describe) ?? ""), ("quantity", candidate.quantity.map(Figures.describe) ?? ""),
      ("target", candidate.target.map(Figures.describe) ?? ""),
      ("due", candidate.dueAtMs == 0 ? "" : Dates.format(candidate.dueAtMs, candidate.duePrecision)),
      ("quote", highlighted(candidate, body: body)), ("rules", candidate.rules.joined(separator: "; ")),
    ]
    switch candidate.state {
    case .accepted:
      fields.append(((candidate.attached ? "evidence of pledge" : "pledge"), String(candidate.pledgeID)))
    case .rejected:
      fields.append(("rejected", EnumArgument.display(candidate.rejectionReason) + (candidate.rejectionNote.isEmpty ? "" : ": \(candidate.rejectionNote)")))
    default:
      break
    }
    if !candidate.reviewedBy.isEmpty {
      fields.append(("reviewed", "\(candidate.reviewedBy), \(Dates.format(candidate.reviewedAtMs))"))
    }
    return fields
  }

  /// The candidate's sentence with up to 160 characters around it, the sentence between »« marks.
  static func highlighted(_ candidate: PledgeCandidate, body: String?) -> String {
    guard let body, let range = candidate.range else { return candidate.quote }
    let scalars = Array(body.unicodeScalars)
    let start = Int(range.start), end = Int(range.end)
    guard start <= end, end <= scalars.count else { return candidate.quote }
    // On one line: the article's line breaks would break the table.
    func text(_ slice: ArraySlice<Unicode.Scalar>) -> String {
      String(String.UnicodeScalarView(slice)).replacing(/\s+/, with: " ")
    }
    let before = text(scalars[max(0, start - 160)..<start]), after = text(scalars[end..<min(scalars.count, end + 160)])
    return "…" + before + "»" + text(scalars[start..<end]) + "«" + after + "…"
  }

  /// Shows a candidate with its sentence highlighted in the article.
  static func show(_ candidate: PledgeCandidate, _ client: PledgewireClient, _ options: ClientOptions, _ output: Output) async {
    let body = output.format == .json ? nil : try? await client.article.getArticle(GetArticleRequest(id: candidate.articleID), options: options.callOptions).body
    output.record(candidate, fields(candidate, body: body))
  }

  struct List: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "List candidates, oldest first (pending ones unless --state says otherwise).",
      discussion: "Example:\n  pledgewire review list --article 7 --min-confidence 0.5"
    )
    @Option(help: "Only candidates found in this article.") var article: Int64 = 0
    @Option(help: "\(EnumArgument.choices(CandidateState.self)), or all.") var state = "pending"
    @Option(help: "Only candidates at least this confident, 0...1.") var minConfidence: Double = 0
    @OptionGroup var paging: PagingOptions
    @OptionGroup var options: ClientOptions

    func run() async throws {
      var request = ListCandidatesRequest(
        articleID: article, state: state == "all" ? .unspecified : try EnumArgument.parse(state, option: "--state"),
        minConfidence: minConfidence, pageSize: paging.limit, pageToken: paging.pageToken
      )
      try await options.run { client, output in
        var candidates: [PledgeCandidate] = []
        var next = ""
        repeat {
          let page = try await client.extraction.listCandidates(request, options: options.callOptions)
          candidates += page.candidates
          next = page.nextPageToken
          request.pageToken = next
        } while paging.all && !next.isEmpty
        output.list(candidates, ReviewCommand.candidateColumns, empty: "no candidates to review")
        output.nextPage(next)
      }
    }
  }

  struct Show: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Show a candidate with its sentence highlighted.", discussion: "Example:\n  pledgewire review show 12")
    @Argument(help: "Candidate id.") var id: Int64
    @OptionGroup var options: ClientOptions

    func run() async throws {
      try await options.run { client, output in
        let candidate = try await client.extraction.getCandidate(GetCandidateRequest(id: id), options: options.callOptions)
        await ReviewCommand.show(candidate, client, options, output)
      }
    }
  }

  struct Next: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Show the oldest pending candidate.", discussion: "Example:\n  pledgewire review next --min-confidence 0.6")
    @Option(help: "Only candidates at least this confident, 0...1.") var minConfidence: Double = 0
    @OptionGroup var options: ClientOptions

    func run() async throws {
      try await options.run { client, output in
        let page = try await client.extraction.listCandidates(
          ListCandidatesRequest(state: .pending, minConfidence: minConfidence, pageSize: 1), options: options.callOptions
        )
        guard let candidate = page.candidates.first else {
          output.note("no candidates to review")
          return
        }
        await ReviewCommand.show(candidate, client, options, output)
      }
    }
  }

  struct Reject: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Reject a candidate; it is kept as a labelled negative.",
      discussion: "Example:\n  pledgewire review reject 14 --reason not-a-pledge --note \"an act already done\""
    )
    @Argument(help: "Candidate id.") var id: Int64
    @Option(help: "\(EnumArgument.choices(RejectionReason.self)).") var reason: String
    @Option(help: "Why, for whoever tunes the extractor.") var note = ""
    @Option(help: "Fail unless the candidate is still at this version.") var version: Int64 = 0
    @OptionGroup var options: ClientOptions

    func run() async throws {
      let request = RejectCandidateRequest(
        candidateID: id, expectedVersion: version, reason: try EnumArgument.parse(reason, option: "--reason"), note: note
      )
      try await options.run { client, output in
        let candidate = try await client.extraction.rejectCandidate(request, options: options.callOptions)
        output.record(candidate, ReviewCommand.fields(candidate, body: nil))
      }
    }
  }
}
