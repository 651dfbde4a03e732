import ArgumentParser
import Dispatch
import Foundation
import PledgewireClient

struct PledgeCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "pledge",
    abstract: "Add, read and list pledges; record status changes; follow changes live.",
    subcommands: [Add.self, Get.self, List.self, Status.self, History.self, Watch.self]
  )

  static let columns: [Output.Column<Pledge>] = [
    .init(title: "ID", value: { String($0.id) }),
    .init(title: "MADE", value: { String(Dates.format($0.madeAtMs).prefix(10)) }),
    .init(title: "STATUS", value: { EnumArgument.display($0.status) }),
    .init(title: "CATEGORY", value: { EnumArgument.display($0.category) }),
    .init(title: "MAKERS", value: { $0.parties.filter { $0.role == .maker }.map { String($0.actorID) }.joined(separator: ",") }),
    .init(title: "ACTION", value: { $0.action + ($0.condition.map { " (\($0.text))" } ?? "") }, wraps: true),
  ]

  static func fields(_ pledge: Pledge) -> [(String, String)] {
    func parties(_ role: PartyRole) -> String {
      pledge.parties.filter { $0.role == role }.map { String($0.actorID) }.joined(separator: ", ")
    }
    var fields: [(String, String)] = [
      ("id", String(pledge.id)), ("action", pledge.action), ("status", EnumArgument.display(pledge.status)),
      ("category", EnumArgument.display(pledge.category)), ("modality", EnumArgument.display(pledge.modality)),
      ("makers", parties(.maker)), ("announcers", parties(.announcer)), ("beneficiaries", parties(.beneficiary)),
      ("condition", pledge.condition.map { "\($0.text) [\(EnumArgument.display($0.state))]" } ?? ""),
      ("amount", pledge.amount.map { "\(EnumArgument.display($0.qualifier)) \($0.amount) \($0.currency)" } ?? ""),
      ("made", Dates.format(pledge.madeAtMs)), ("due", Dates.format(pledge.dueAtMs)), ("version", String(pledge.version)),
    ]
    for (index, evidence) in pledge.evidence.enumerated() {
      fields.append(("evidence \(index + 1)", "[\(EnumArgument.display(evidence.stance))] article \(evidence.articleID): \"\(evidence.quote)\""))
    }
    return fields
  }

  /// The filter options `list` and `watch` share.
  struct FilterOptions: ParsableArguments {
    @Option(help: "Made or announced by this actor id.") var actor: Int64 = 0
    @Flag(help: "With --actor: also its officials and members (a country and its prime minister).") var affiliated = false
    @Option(help: "For the benefit of this actor id.") var beneficiary: Int64 = 0
    @Option(help: "Category (repeatable): \(EnumArgument.choices(PledgeCategory.self)).") var category: [String] = []
    @Option(help: "Status (repeatable): \(EnumArgument.choices(PledgeStatus.self)).") var status: [String] = []
    @Option(help: "Made at or after this time.") var after: String?
    @Option(help: "Made before this time.") var before: String?
    @Option(help: "Cited from this article id.") var article: Int64 = 0
    @Flag(help: "Only pledges with a condition.") var conditional = false
    @Flag(help: "Only pledges without a condition.") var unconditional = false

    func filter() throws -> PledgeFilter {
      guard !(conditional && unconditional) else { throw ValidationError("choose one of --conditional and --unconditional") }
      return PledgeFilter(
        actorID: actor, includeAffiliated: affiliated, beneficiaryID: beneficiary,
        categories: try category.map { try EnumArgument.parse($0, option: "--category") },
        statuses: try status.map { try EnumArgument.parse($0, option: "--status") },
        madeAfterMs: try after.map { try Dates.parse($0, option: "--after") } ?? 0,
        madeBeforeMs: try before.map { try Dates.parse($0, option: "--before") } ?? 0,
        articleID: article, condition: conditional ? .conditional : unconditional ? .unconditional : .unspecified
      )
    }
  }

  struct Add: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Record a pledge with at least one quote from an article.",
      discussion: """
        The quote must occur in the article; the server finds its position.
        Example:
          pledgewire pledge add --maker 3 --maker 5 --beneficiary 2 --category troop-deployment \\
            --modality offer --action "deploy troops to keep the peace" \\
            --condition "if a peace agreement is reached" --made 2025-03-02 \\
            --article 1 --quote "willing to deploy British and French troops"
        """
    )
    @Option(help: "An actor id who commits (repeatable; one at least).") var maker: [Int64] = []
    @Option(help: "An actor id who reported it (repeatable).") var announcer: [Int64] = []
    @Option(help: "An actor id it is for (repeatable).") var beneficiary: [Int64] = []
    @Option(help: "What they will do.") var action: String
    @Option(help: "\(EnumArgument.choices(PledgeCategory.self)).") var category: String
    @Option(help: "\(EnumArgument.choices(Modality.self)).") var modality: String = "promise"
    @Option(help: "What it depends on.") var condition: String?
    @Option(help: "Amount as a decimal number.") var amount: String?
    @Option(help: "ISO 4217 currency of --amount.") var currency = "EUR"
    @Option(help: "\(EnumArgument.choices(AmountQualifier.self)).") var qualifier = "exact"
    @Option(help: "When it was made.") var made: String
    @Option(help: "Deadline.") var due: String?
    @Option(help: "The article quoted.") var article: Int64
    @Option(help: "The exact words quoted from the article.") var quote: String
    @Option(help: "\(EnumArgument.choices(EvidenceStance.self)).") var stance = "announces"
    @OptionGroup var options: ClientOptions

    func run() async throws {
      guard !maker.isEmpty else { throw ValidationError("--maker: give at least one actor id") }
      let pledge = Pledge(
        parties: maker.map { PledgeParty(actorID: $0, role: .maker) } + announcer.map { PledgeParty(actorID: $0, role: .announcer) }
          + beneficiary.map { PledgeParty(actorID: $0, role: .beneficiary) },
        action: action, category: try EnumArgument.parse(category, option: "--category"),
        modality: try EnumArgument.parse(modality, option: "--modality"),
        condition: condition.map { Condition(text: $0, state: .pending) },
        amount: try amount.map { Money(amount: $0, currency: currency, qualifier: try EnumArgument.parse(qualifier, option: "--qualifier")) },
        madeAtMs: try Dates.parse(made, option: "--made"), dueAtMs: try due.map { try Dates.parse($0, option: "--due") } ?? 0,
        evidence: [Evidence(articleID: article, quote: quote, stance: try EnumArgument.parse(stance, option: "--stance"))]
      )
      try await options.run { client, output in
        let created = try await client.pledge.createPledge(CreatePledgeRequest(pledge: pledge), options: options.callOptions)
        output.record(created, PledgeCommand.fields(created))
      }
    }
  }

  struct Get: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Show a pledge with its evidence.", discussion: "Example:\n  pledgewire pledge get 4")
    @Argument(help: "Pledge id.") var id: Int64
    @OptionGroup var options: ClientOptions

    func run() async throws {
      try await options.run { client, output in
        let pledge = try await client.pledge.getPledge(GetPledgeRequest(id: id), options: options.callOptions)
        output.record(pledge, PledgeCommand.fields(pledge))
      }
    }
  }

  struct List: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "List pledges, newest first.",
      discussion: "Example:\n  pledgewire pledge list --actor 3 --affiliated --status announced --status in-progress"
    )
    @OptionGroup var filter: FilterOptions
    @Option(help: "Rows per page, 1...1000.") var limit: Int32 = 50
    @Option(help: "Continue from a page token.") var pageToken = ""
    @Flag(help: "Fetch every page.") var all = false
    @OptionGroup var options: ClientOptions

    func run() async throws {
      var request = ListPledgesRequest(filter: try filter.filter(), pageSize: limit, pageToken: pageToken)
      try await options.run { client, output in
        var pledges: [Pledge] = []
        repeat {
          let page = try await client.pledge.listPledges(request, options: options.callOptions)
          pledges += page.pledges
          request.pageToken = page.nextPageToken
        } while all && !request.pageToken.isEmpty
        output.list(pledges, PledgeCommand.columns)
        if !request.pageToken.isEmpty {
          output.note("next page: --page-token \(request.pageToken)")
        }
      }
    }
  }

  struct Status: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Record a status change, with evidence and a note.",
      discussion: """
        FULFILLED, BROKEN and WITHDRAWN are final: leaving one takes --reopen.
        Example:
          pledgewire pledge status 4 in-progress --article 9 --quote "the first troops arrived" --note "deployment began"
        """
    )
    @Argument(help: "Pledge id.") var id: Int64
    @Argument(help: "The new status: \(EnumArgument.choices(PledgeStatus.self)).") var status: String
    @Option(help: "Why.") var note = ""
    @Option(help: "An article quoted as evidence.") var article: Int64?
    @Option(help: "The exact words quoted from --article.") var quote: String?
    @Option(help: "\(EnumArgument.choices(EvidenceStance.self)).") var stance = "progress"
    @Option(help: "Fail unless the pledge is still at this version.") var version: Int64 = 0
    @Option(help: "When it happened (default: now).") var at: String?
    @Flag(help: "Leave a final status.") var reopen = false
    @OptionGroup var options: ClientOptions

    func run() async throws {
      guard (article == nil) == (quote == nil) else { throw ValidationError("give --article and --quote together") }
      let request = UpdatePledgeStatusRequest(
        pledgeID: id, status: try EnumArgument.parse(status, option: "status"),
        evidence: try article.map { Evidence(articleID: $0, quote: quote!, stance: try EnumArgument.parse(stance, option: "--stance")) },
        note: note, expectedVersion: version, atMs: try at.map { try Dates.parse($0, option: "--at") } ?? 0, reopen: reopen
      )
      try await options.run { client, output in
        let pledge = try await client.pledge.updatePledgeStatus(request, options: options.callOptions)
        output.record(pledge, PledgeCommand.fields(pledge))
      }
    }
  }

  struct History: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Show a pledge's status history, oldest first.", discussion: "Example:\n  pledgewire pledge history 4 --csv")
    @Argument(help: "Pledge id.") var id: Int64
    @OptionGroup var options: ClientOptions

    func run() async throws {
      try await options.run { client, output in
        let history = try await client.pledge.getPledgeHistory(GetPledgeHistoryRequest(pledgeID: id), options: options.callOptions)
        output.list(history.changes, [
          .init(title: "AT", value: { Dates.format($0.atMs) }),
          .init(title: "FROM", value: { $0.fromStatus == .unspecified ? "" : EnumArgument.display($0.fromStatus) }),
          .init(title: "TO", value: { EnumArgument.display($0.toStatus) + ($0.reopened ? " (reopened)" : "") }),
          .init(title: "NOTE", value: { $0.note }, wraps: true),
          .init(title: "EVIDENCE", value: { $0.evidence.map { "article \($0.articleID): \"\($0.quote)\"" } ?? "" }, wraps: true),
        ])
      }
    }
  }

  struct Watch: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Print pledge changes as they happen, until interrupted (Ctrl-C).",
      discussion: """
        Each event carries a resume token; pass the last one to --resume to get what happened while away.
        Example:
          pledgewire pledge watch --category troop-deployment --json
        """
    )
    @OptionGroup var filter: FilterOptions
    @Option(help: "Start after the event with this token, replaying what was missed.") var resume = ""
    @OptionGroup var options: ClientOptions

    func run() async throws {
      let request = WatchPledgesRequest(filter: try filter.filter(), resumeToken: resume)
      try await options.run { client, output in
        let watching = Task {
          for try await event in client.pledge.watchPledges(request) {
            output.event(event, [
              .init(title: "AT", value: { Dates.format($0.atMs) }),
              .init(title: "EVENT", value: { EnumArgument.display($0.kind) }),
              .init(title: "PLEDGE", value: { "pledge \($0.pledge?.id ?? 0)" }),
              .init(title: "STATUS", value: { $0.pledge.map { EnumArgument.display($0.status) } ?? "" }),
              .init(title: "ACTION", value: { $0.pledge?.action ?? "" }),
              .init(title: "TOKEN", value: { "resume=\($0.resumeToken)" }),
            ])
          }
        }
        // Ctrl-C or SIGTERM ends the watch cleanly: the call is cancelled and the command exits 0.
        let interrupts = [SIGINT, SIGTERM].map { number in
          signal(number, SIG_IGN)
          let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
          source.setEventHandler { watching.cancel() }
          source.activate()
          return source
        }
        defer { interrupts.forEach { $0.cancel() } }
        do {
          try await watching.value
        } catch let error as RPCError where error.code == .cancelled && watching.isCancelled {
          return
        }
      }
    }
  }
}
