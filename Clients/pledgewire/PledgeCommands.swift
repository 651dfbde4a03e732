import ArgumentParser
import PledgewireClient

struct PledgeCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "pledge",
    abstract: "Record, edit, merge and delete pledges; record evidence and status changes; follow changes live.",
    subcommands: [
      Add.self, Get.self, List.self, Status.self, AddEvidence.self, Update.self, Merge.self, Delete.self, Similar.self, History.self,
      Audit.self, Watch.self,
    ]
  )

  static func columns(_ names: ActorNames) -> [Output.Column<Pledge>] {
    [
      .init(title: "ID", value: { String($0.id) }),
      .init(title: "MADE", value: { Dates.format($0.madeAtMs, $0.madePrecision == .unspecified ? .day : $0.madePrecision) }),
      .init(title: "STATUS", value: { EnumArgument.display($0.status) }),
      .init(title: "CATEGORY", value: { EnumArgument.display($0.category) }),
      .init(title: "MAKERS", value: { names.parties($0, .maker) + ($0.makersIncomplete ? " and others" : "") }, wraps: true),
      .init(title: "ACTION", value: { $0.action + ($0.condition.map { " (\($0.text))" } ?? "") }, wraps: true),
    ]
  }

  static func fields(_ pledge: Pledge, _ names: ActorNames) -> [(String, String)] {
    var fields: [(String, String)] = [
      ("id", String(pledge.id)), ("action", pledge.action), ("status", EnumArgument.display(pledge.status)),
      ("category", EnumArgument.display(pledge.category)), ("modality", EnumArgument.display(pledge.modality)),
      ("makers", names.parties(pledge, .maker) + (pledge.makersIncomplete ? " and others" : "")),
      ("announcers", names.parties(pledge, .announcer)), ("beneficiaries", names.parties(pledge, .beneficiary)),
      ("condition", pledge.condition.map { "\($0.text) [\(EnumArgument.display($0.state))]" } ?? ""),
      ("amount", pledge.amount.map(Figures.describe) ?? ""), ("quantity", pledge.quantity.map(Figures.describe) ?? ""),
      ("target", pledge.target.map(Figures.describe) ?? ""),
      ("made", Dates.format(pledge.madeAtMs, pledge.madePrecision)), ("due", Dates.format(pledge.dueAtMs, pledge.duePrecision)),
      ("part of", pledge.partOfID == 0 ? "" : "pledge \(pledge.partOfID)"),
      ("supersedes", pledge.supersedesID == 0 ? "" : "pledge \(pledge.supersedesID)"),
      ("merged into", pledge.mergedIntoID == 0 ? "" : "pledge \(pledge.mergedIntoID) (this pledge is a merged duplicate)"),
      ("merged", pledge.mergedIDs.map { "pledge \($0)" }.joined(separator: ", ")),
      ("labels", pledge.labels.joined(separator: ", ")), ("note", pledge.note), ("version", String(pledge.version)),
    ]
    for (index, evidence) in pledge.evidence.enumerated() {
      var text = "[\(EnumArgument.display(evidence.stance))] article \(evidence.articleID): \"\(evidence.quote)\""
      if let amount = evidence.reportedAmount { text += " — reports \(Figures.describe(amount))" }
      if let quantity = evidence.reportedQuantity { text += " — reports \(Figures.describe(quantity))" }
      if evidence.partyActorID != 0 { text += " — concerns \(names.label(evidence.partyActorID))" }
      fields.append(("evidence \(index + 1)", text))
    }
    return fields
  }

  /// Prints one pledge with names beside actor ids.
  static func show(_ pledge: Pledge, _ client: PledgewireClient, _ options: ClientOptions, _ output: Output) async {
    let names = output.isJSON ? ActorNames() : await ActorNames.fetch(parties: [pledge], client, options.callOptions)
    output.record(pledge, fields(pledge, names))
  }

  /// The filter options `list` and `watch` share.
  struct FilterOptions: ParsableArguments {
    @Option(help: "Made or announced by this actor id.") var actor: Int64 = 0
    @Flag(help: "With --actor: also its officials and members (a country and its prime minister).") var affiliated = false
    @Flag(help: "With --actor: made by it, not only announced.") var makersOnly = false
    @Option(help: "For the benefit of this actor id.") var beneficiary: Int64 = 0
    @Option(help: "Category (repeatable): \(EnumArgument.choices(PledgeCategory.self)).", completion: EnumArgument.completion(PledgeCategory.self)) var category: [String] = []
    @Option(help: "Status (repeatable): \(EnumArgument.choices(PledgeStatus.self)).", completion: EnumArgument.completion(PledgeStatus.self)) var status: [String] = []
    @Option(help: "Made on or after this date: 2025-03-02, 2025-03, 2025 or 2025-03-02T16:00Z.") var after: String?
    @Option(help: "Made before this date (2026: before 1 January 2026).") var before: String?
    @Option(help: "Falling due before this date (overdue: today's date).") var dueBefore: String?
    @Option(help: "Cited from this article id.") var article: Int64 = 0
    @Option(help: "The points of this plan (a pledge id).") var partOf: Int64 = 0
    @Option(help: "With this label.") var label = ""
    @Flag(help: "Only pledges with a condition.") var conditional = false
    @Flag(help: "Only pledges without a condition.") var unconditional = false

    func filter() throws -> PledgeFilter {
      guard !(conditional && unconditional) else { throw ValidationError("choose one of --conditional and --unconditional") }
      return PledgeFilter(
        actorID: actor, includeAffiliated: affiliated, beneficiaryID: beneficiary,
        categories: try category.map { try EnumArgument.parse($0, option: "--category") },
        statuses: try status.map { try EnumArgument.parse($0, option: "--status") },
        madeAfterMs: try after.map { try Dates.milliseconds($0, option: "--after") } ?? 0,
        madeBeforeMs: try before.map { try Dates.milliseconds($0, option: "--before") } ?? 0,
        articleID: article, condition: conditional ? .conditional : unconditional ? .unconditional : .unspecified,
        makersOnly: makersOnly, partOfID: partOf, dueBeforeMs: try dueBefore.map { try Dates.milliseconds($0, option: "--due-before") } ?? 0,
        label: label
      )
    }
  }
}
