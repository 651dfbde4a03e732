import ArgumentParser
import Foundation
import PledgewireClient

extension PledgeCommand {
  struct Add: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Record a pledge with a quote from an article, or attach the quote to a pledge already recorded.",
      discussion: """
        The quote must occur in the article; the server finds its position. Before recording, the pledges already
        recorded that look alike are listed on standard error; when one looks like the same pledge (score 0.75 or
        more) nothing is recorded unless --new is given. --as-evidence-of ID attaches the quote (and any figures,
        as this source reported them) to pledge ID instead of recording a new one.
        Example:
          pledgewire pledge add --maker 3 --maker 5 --beneficiary 2 \\
            --category troop-deployment --modality offer \\
            --action "deploy troops to keep the peace" \\
            --condition "if a peace agreement is reached" --made 2025-03-02 \\
            --article 1 --quote "willing to deploy British and French troops"
          pledgewire pledge add --as-evidence-of 4 --article 9 \\
            --quote "Britain and France would send troops"
        """
    )
    @Option(help: "An actor id who commits (repeatable; one at least).") var maker: [Int64] = []
    @Flag(help: "The makers listed are not all: \"and other willing nations\".") var makersIncomplete = false
    @Option(help: "An actor id who reported it (repeatable).") var announcer: [Int64] = []
    @Option(help: "An actor id it is for (repeatable).") var beneficiary: [Int64] = []
    @Option(help: "What they will do.") var action: String?
    @Option(help: "\(EnumArgument.choices(PledgeCategory.self)).", completion: EnumArgument.completion(PledgeCategory.self)) var category: String?
    @Option(help: "\(EnumArgument.choices(Modality.self)).", completion: EnumArgument.completion(Modality.self)) var modality: String = "promise"
    @Option(help: "What it depends on.") var condition: String?
    @OptionGroup var figures: FigureOptions
    @Option(help: "When it was made: 2025-03-02, 2025-03, 2025, a date-time with its zone, or unknown.") var made: String?
    @Option(help: "Deadline: 2035 (by the end of 2035), 2024-12, 2025-06-30 or a date-time.") var due: String?
    @Option(help: "The article quoted.") var article: Int64?
    @Option(help: "The exact words quoted from the article.") var quote: String?
    @Option(help: "\(EnumArgument.choices(EvidenceStance.self)) (default: announces; reports with --as-evidence-of).", completion: EnumArgument.completion(EvidenceStance.self)) var stance: String?
    @Option(help: "A note for the editors.") var note = ""
    @Option(help: "A label (repeatable).") var label: [String] = []
    @Option(help: "A point of this larger pledge (a plan's id).") var partOf: Int64 = 0
    @Option(help: "A re-announcement of this pledge with new terms.") var supersedes: Int64 = 0
    @Option(help: "Attach the quote to this recorded pledge instead of recording a new one.") var asEvidenceOf: Int64?
    @Flag(name: .customLong("new"), help: "Record the pledge even when a recorded one looks like the same.") var forceNew = false
    @OptionGroup var input: JSONInput
    @OptionGroup var options: ClientOptions

    /// A score at which a recorded pledge is taken for the same one.
    static let sameScore = 0.75

    func run() async throws {
      try input.exclude([
        "--maker": !maker.isEmpty, "--action": action != nil, "--category": category != nil, "--made": made != nil,
        "--article": article != nil, "--quote": quote != nil, "--as-evidence-of": asEvidenceOf != nil,
      ])
      if let pledge = try input.read(Pledge.self) {
        try await record(pledge, flags: [:])
        return
      }
      guard let article else { throw ValidationError("--article: the article quoted (or --json-input)") }
      guard let quote else { throw ValidationError("--quote: the exact words quoted from the article") }
      if let target = asEvidenceOf {
        try await attach(to: target, article: article, quote: quote)
        return
      }
      guard !maker.isEmpty else { throw ValidationError("--maker: give at least one actor id (or --as-evidence-of ID)") }
      guard let action else { throw ValidationError("--action: say what the makers will do") }
      guard let category else { throw ValidationError("--category: one of \(EnumArgument.choices(PledgeCategory.self))") }
      guard let made else { throw ValidationError("--made: when the pledge was made (a date, or unknown)") }
      let madeAt = try Dates.parseOrUnknown(made, option: "--made")
      let dueAt = try due.map { try Dates.parse($0, option: "--due") }
      let pledge = Pledge(
        parties: maker.map { PledgeParty(actorID: $0, role: .maker) } + announcer.map { PledgeParty(actorID: $0, role: .announcer) }
          + beneficiary.map { PledgeParty(actorID: $0, role: .beneficiary) },
        action: action, category: try EnumArgument.parse(category, option: "--category"),
        modality: try EnumArgument.parse(modality, option: "--modality"),
        condition: condition.map { Condition(text: $0, state: .pending) }, amount: try figures.money(),
        madeAtMs: madeAt.milliseconds, dueAtMs: dueAt?.milliseconds ?? 0,
        evidence: [Evidence(articleID: article, quote: quote, stance: try EnumArgument.parse(stance ?? "announces", option: "--stance"))],
        quantity: try figures.quantityValue(), target: try figures.targetValue(), madePrecision: madeAt.precision,
        duePrecision: dueAt?.precision ?? .unspecified, makersIncomplete: makersIncomplete, note: note, partOfID: partOf,
        supersedesID: supersedes, labels: label
      )
      try await record(pledge, flags: .pledge)
    }

    /// Lists the similar pledges already recorded, and records `pledge` unless one looks like the same.
    private func record(_ pledge: Pledge, flags: FieldFlags) async throws {
      try await options.run(flags: flags) { client, output in
        let similar = try await client.pledge.findSimilarPledges(FindSimilarPledgesRequest(pledge: pledge, maxResults: 5), options: options.callOptions).pledges
        if !similar.isEmpty {
          let names = await ActorNames.fetch(parties: similar.compactMap(\.pledge), client, options.callOptions)
          Output.standardError("similar pledges already recorded:\n" + PledgeCommand.similarTable(similar, names))
          if let same = similar.first, same.score >= Self.sameScore, !forceNew {
            output.fail(RPCError(
              .alreadyExists,
              "pledge \(same.pledge?.id ?? 0) looks like the same pledge (score \(same.score)): attach the quote with --as-evidence-of \(same.pledge?.id ?? 0), or record a new pledge anyway with --new",
              details: ErrorDetails(reason: "SIMILAR_PLEDGE", existingID: same.pledge?.id ?? 0)
            ))
            throw ExitCode(1)
          }
        }
        let created = try await client.pledge.createPledge(CreatePledgeRequest(pledge: pledge), options: options.callOptions)
        await PledgeCommand.show(created, client, options, output)
      }
    }

    /// Adds the quote, and the figures as this source reported them, to a recorded pledge.
    private func attach(to target: Int64, article: Int64, quote: String) async throws {
      let evidence = Evidence(
        articleID: article, quote: quote, stance: try EnumArgument.parse(stance ?? "reports", option: "--stance"),
        reportedAmount: try figures.money(), reportedQuantity: try figures.quantityValue(), note: note
      )
      try await options.run(flags: .pledge) { client, output in
        let pledge = try await client.pledge.addEvidence(AddEvidenceRequest(pledgeID: target, evidence: evidence), options: options.callOptions)
        await PledgeCommand.show(pledge, client, options, output)
      }
    }
  }

  /// A table of similar pledges, best first, for people.
  static func similarTable(_ similar: [SimilarPledge], _ names: ActorNames) -> String {
    Table(
      columns: [("ID", false), ("SCORE", false), ("MAKERS", true), ("ACTION", true), ("WHY", true)],
      rows: similar.map { entry in
        let pledge = entry.pledge ?? Pledge()
        return [
          String(pledge.id), String(format: "%.2f", entry.score), names.parties(pledge, .maker), pledge.action,
          entry.reasons.joined(separator: ", "),
        ]
      }
    ).render(width: Terminal.width)
  }
}
