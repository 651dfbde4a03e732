import ArgumentParser
import PledgewireClient

extension PledgeCommand {
  struct Status: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Move a pledge to another status, with evidence and a note.",
      discussion: """
        FULFILLED, PARTIALLY_FULFILLED, BROKEN and STALLED need evidence (--article and --quote). FULFILLED, BROKEN
        and WITHDRAWN are final: leaving one takes --reopen. A quote without a status change: pledge evidence.
        Example:
          pledgewire pledge status 4 in-progress --article 9 \\
            --quote "the first troops arrived" --note "deployment began"
        """
    )
    @Argument(help: "Pledge id.") var id: Int64
    @Argument(help: "The new status: \(EnumArgument.choices(PledgeStatus.self)).", completion: EnumArgument.completion(PledgeStatus.self)) var status: String
    @Option(help: "Why.") var note = ""
    @Option(help: "An article quoted as evidence.") var article: Int64?
    @Option(help: "The exact words quoted from --article.") var quote: String?
    @Option(help: "\(EnumArgument.choices(EvidenceStance.self)).", completion: EnumArgument.completion(EvidenceStance.self)) var stance = "progress"
    @Option(help: "Fail unless the pledge is still at this version.") var version: Int64 = 0
    @Option(help: "When it happened (default: now): 2025-04-01 or 2025-04-01T09:30Z.") var at: String?
    @Flag(help: "Leave a final status.") var reopen = false
    @OptionGroup var options: ClientOptions

    func run() async throws {
      guard (article == nil) == (quote == nil) else { throw ValidationError("give --article and --quote together") }
      let request = UpdatePledgeStatusRequest(
        pledgeID: id, status: try EnumArgument.parse(status, option: "status"),
        evidence: try article.map { Evidence(articleID: $0, quote: quote!, stance: try EnumArgument.parse(stance, option: "--stance")) },
        note: note, expectedVersion: version, atMs: try at.map { try Dates.milliseconds($0, option: "--at") } ?? 0, reopen: reopen
      )
      try await options.run(flags: .pledge) { client, output in
        let pledge = try await client.pledge.updatePledgeStatus(request, options: options.callOptions)
        await PledgeCommand.show(pledge, client, options, output)
      }
    }
  }

  struct AddEvidence: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "evidence",
      abstract: "Record a quote about a pledge without changing its status.",
      discussion: """
        Another outlet's report (reports), the maker repeating it (reaffirms), progress, one maker declining its
        part (opts-out, with --party), or the pledge's condition being met, failing or being withdrawn (--condition).
        Figures are what this source reported.
        Example:
          pledgewire pledge evidence 4 --article 9 \\
            --quote "London and Paris would send troops" --stance reports \\
            --amount 1600000000 --currency GBP --amount-text "£1.6bn"
        """
    )
    @Argument(help: "Pledge id.") var id: Int64
    @Option(help: "The article quoted.") var article: Int64
    @Option(help: "The exact words quoted from the article.") var quote: String
    @Option(help: "\(EnumArgument.choices(EvidenceStance.self)).", completion: EnumArgument.completion(EvidenceStance.self)) var stance = "reports"
    @OptionGroup var figures: FigureOptions
    @Option(help: "The party it concerns (required with --stance opts-out).") var party: Int64 = 0
    @Option(help: "The condition is now met, failed or withdrawn.") var condition: String?
    @Option(help: "A note.") var note = ""
    @Option(help: "Fail unless the pledge is still at this version.") var version: Int64 = 0
    @OptionGroup var options: ClientOptions

    func run() async throws {
      let state: ConditionState = try condition.map { try EnumArgument.parse($0, option: "--condition") } ?? .unspecified
      let request = AddEvidenceRequest(
        pledgeID: id,
        evidence: Evidence(
          articleID: article, quote: quote, stance: try EnumArgument.parse(stance, option: "--stance"), reportedAmount: try figures.money(),
          reportedQuantity: try figures.quantityValue(), partyActorID: party, note: note
        ),
        expectedVersion: version, conditionState: state
      )
      try await options.run(flags: .pledge) { client, output in
        let pledge = try await client.pledge.addEvidence(request, options: options.callOptions)
        await PledgeCommand.show(pledge, client, options, output)
      }
    }
  }

  struct Update: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Edit a pledge's terms. Only what is given changes; --version must be the version you read.",
      discussion: """
        The status changes with pledge status, evidence with pledge evidence.
        Example:
          pledgewire pledge update 4 --version 2 \\
            --action "send troops to keep a ceasefire" --add-maker 9 --due 2026 \\
            --add-label priority
        """
    )
    @Argument(help: "Pledge id.") var id: Int64
    @Option(help: "The version you read (see pledge get).") var version: Int64
    @Option(help: "What they will do.") var action: String?
    @Option(help: "\(EnumArgument.choices(PledgeCategory.self)).", completion: EnumArgument.completion(PledgeCategory.self)) var category: String?
    @Option(help: "\(EnumArgument.choices(Modality.self)).", completion: EnumArgument.completion(Modality.self)) var modality: String?
    @Option(help: "What it depends on (its state changes with pledge evidence --condition).") var condition: String?
    @Flag(help: "It no longer depends on anything.") var noCondition = false
    @OptionGroup var figures: FigureOptions
    @Flag(help: "Remove the amount.") var noAmount = false
    @Flag(help: "Remove the quantity.") var noQuantity = false
    @Flag(help: "Remove the target.") var noTarget = false
    @Option(help: "When it was made: a date, a month, a year, a date-time with its zone, or unknown.") var made: String?
    @Option(help: "Deadline: a date, a month or a year (due at its end), or a date-time.") var due: String?
    @Flag(help: "Remove the deadline.") var noDue = false
    @Option(help: "Add a maker (repeatable).") var addMaker: [Int64] = []
    @Option(help: "Remove a maker (repeatable).") var removeMaker: [Int64] = []
    @Option(help: "Add an announcer (repeatable).") var addAnnouncer: [Int64] = []
    @Option(help: "Remove an announcer (repeatable).") var removeAnnouncer: [Int64] = []
    @Option(help: "Add a beneficiary (repeatable).") var addBeneficiary: [Int64] = []
    @Option(help: "Remove a beneficiary (repeatable).") var removeBeneficiary: [Int64] = []
    @Flag(inversion: .prefixedEnableDisable, help: "The makers listed are not all (--enable-makers-incomplete) or are (--disable-...).") var makersIncomplete: Bool?
    @Option(help: "A note for the editors (empty: none).") var note: String?
    @Option(help: "A point of this plan (0: of none).") var partOf: Int64?
    @Option(help: "A re-announcement of this pledge (0: of none).") var supersedes: Int64?
    @Option(help: "Add a label (repeatable).") var addLabel: [String] = []
    @Option(help: "Remove a label (repeatable).") var removeLabel: [String] = []
    @OptionGroup var options: ClientOptions

    func run() async throws {
      var pledge = Pledge(id: id, version: version)
      var mask: [String] = []
      func set(_ field: String, _ change: () throws -> Void) rethrows {
        try change()
        mask.append(field)
      }
      if let action { set("action") { pledge.action = action } }
      if let category { try set("category") { pledge.category = try EnumArgument.parse(category, option: "--category") } }
      if let modality { try set("modality") { pledge.modality = try EnumArgument.parse(modality, option: "--modality") } }
      guard !(condition != nil && noCondition) else { throw ValidationError("choose one of --condition and --no-condition") }
      if let condition { set("condition") { pledge.condition = Condition(text: condition) } }
      if noCondition { set("condition") { pledge.condition = nil } }
      if let amount = try figures.money() { set("amount") { pledge.amount = amount } }
      if noAmount { set("amount") { pledge.amount = nil } }
      if let quantity = try figures.quantityValue() { set("quantity") { pledge.quantity = quantity } }
      if noQuantity { set("quantity") { pledge.quantity = nil } }
      if let target = try figures.targetValue() { set("target") { pledge.target = target } }
      if noTarget { set("target") { pledge.target = nil } }
      if let made {
        let value = try Dates.parseOrUnknown(made, option: "--made")
        pledge.madeAtMs = value.milliseconds
        pledge.madePrecision = value.precision
        mask += ["made_at_ms", "made_precision"]
      }
      guard !(due != nil && noDue) else { throw ValidationError("choose one of --due and --no-due") }
      if let due {
        let value = try Dates.parse(due, option: "--due")
        pledge.dueAtMs = value.milliseconds
        pledge.duePrecision = value.precision
        mask += ["due_at_ms", "due_precision"]
      }
      if noDue { mask += ["due_at_ms", "due_precision"] }
      if let makersIncomplete { set("makers_incomplete") { pledge.makersIncomplete = makersIncomplete } }
      if let note { set("note") { pledge.note = note } }
      if let partOf { set("part_of_id") { pledge.partOfID = partOf } }
      if let supersedes { set("supersedes_id") { pledge.supersedesID = supersedes } }
      let add = addMaker.map { PledgeParty(actorID: $0, role: .maker) } + addAnnouncer.map { PledgeParty(actorID: $0, role: .announcer) }
        + addBeneficiary.map { PledgeParty(actorID: $0, role: .beneficiary) }
      let remove = removeMaker.map { PledgeParty(actorID: $0, role: .maker) } + removeAnnouncer.map { PledgeParty(actorID: $0, role: .announcer) }
        + removeBeneficiary.map { PledgeParty(actorID: $0, role: .beneficiary) }
      guard !mask.isEmpty || !add.isEmpty || !remove.isEmpty || !addLabel.isEmpty || !removeLabel.isEmpty else {
        throw ValidationError("nothing to change: give at least one option (see --help)")
      }
      let labelsChange = !addLabel.isEmpty || !removeLabel.isEmpty
      try await options.run { client, output in
        if labelsChange {
          // Labels are replaced whole: start from the labels of the version given, which the server checks.
          let current = try await client.pledge.getPledge(GetPledgeRequest(id: id), options: options.callOptions)
          for label in removeLabel where !current.labels.contains(label) {
            throw ValidationError("--remove-label: pledge \(id) has no label \"\(label)\"")
          }
          pledge.labels = current.labels.filter { !removeLabel.contains($0) } + addLabel.filter { !current.labels.contains($0) }
          mask.append("labels")
        }
        let updated = try await client.pledge.updatePledge(
          UpdatePledgeRequest(pledge: pledge, updateMask: mask, addParties: add, removeParties: remove), options: options.callOptions
        )
        await PledgeCommand.show(updated, client, options, output)
      }
    }
  }
}
