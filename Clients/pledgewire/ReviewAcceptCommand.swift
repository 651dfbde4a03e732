import ArgumentParser
import Foundation
import PledgewireClient

extension ReviewCommand {
  struct Accept: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Accept a candidate: record it as a pledge (with any corrections), or as evidence of a recorded one.",
      discussion: """
        Without corrections the pledge is the candidate as it stands. Any of --action, --category, --modality,
        --condition, --no-condition, the figures, --due or --made corrects that field; --maker, --announcer and
        --beneficiary (actor ids) replace all the candidate's parties. A party that is not a recorded actor is
        refused unless --create-actors creates it. Before recording, recorded pledges that look alike are listed;
        one that looks like the same pledge (score 0.75 or more) stops the accept unless --new is given: attach
        the quote to it with --as-evidence-of instead.
        Example:
          pledgewire review accept 12 --action "send 200 engineers to Kenya by June" --create-actors
          pledgewire review accept 13 --as-evidence-of 4 --amount 2000000000 --currency USD
        """
    )
    @Argument(help: "Candidate id.") var id: Int64
    @Option(help: "Attach the quote as evidence of this recorded pledge instead of recording a new one.") var asEvidenceOf: Int64?
    @Option(help: "With --as-evidence-of: \(EnumArgument.choices(EvidenceStance.self)) (default: reports).") var stance: String?
    @Option(help: "What the makers will do.") var action: String?
    @Option(help: "\(EnumArgument.choices(PledgeCategory.self)).") var category: String?
    @Option(help: "\(EnumArgument.choices(Modality.self)).") var modality: String?
    @Option(help: "What it depends on.") var condition: String?
    @Flag(help: "The pledge has no condition, whatever the candidate says.") var noCondition = false
    @OptionGroup var figures: FigureOptions
    @Option(help: "Deadline: 2035, 2024-12, 2025-06-30 or a date-time.") var due: String?
    @Option(help: "When it was made (default: when the article was published).") var made: String?
    @Option(help: "An actor id who commits (repeatable); replaces the candidate's parties.") var maker: [Int64] = []
    @Option(help: "An actor id who reported it (repeatable).") var announcer: [Int64] = []
    @Option(help: "An actor id it is for (repeatable).") var beneficiary: [Int64] = []
    @Flag(help: "Create recorded actors for the candidate's parties that are not recorded.") var createActors = false
    @Option(help: "A note for the editors.") var note = ""
    @Flag(name: .customLong("new"), help: "Record the pledge even when a recorded one looks like the same.") var forceNew = false
    @Option(help: "Fail unless the candidate is still at this version.") var version: Int64 = 0
    @OptionGroup var options: ClientOptions

    var corrects: Bool {
      action != nil || category != nil || modality != nil || condition != nil || noCondition || figures.amount != nil
        || figures.quantity != nil || figures.target != nil || due != nil || made != nil || !note.isEmpty || hasParties
    }

    var hasParties: Bool { !maker.isEmpty || !announcer.isEmpty || !beneficiary.isEmpty }

    func validate() throws {
      guard asEvidenceOf == nil || !(action != nil || category != nil || modality != nil || condition != nil || noCondition || due != nil || made != nil || hasParties || createActors) else {
        throw ValidationError("--as-evidence-of attaches the quote as it is: corrections, parties and --create-actors are for a new pledge")
      }
      guard stance == nil || asEvidenceOf != nil else { throw ValidationError("--stance goes with --as-evidence-of") }
      guard !(condition != nil && noCondition) else { throw ValidationError("choose one of --condition and --no-condition") }
      guard !hasParties || !maker.isEmpty else { throw ValidationError("--maker: parties replace the candidate's, so give at least one maker") }
    }

    func run() async throws {
      var request = AcceptCandidateRequest(candidateID: id, expectedVersion: version, createMissingActors: createActors)
      if let target = asEvidenceOf {
        request.attachToPledgeID = target
        request.stance = try EnumArgument.parse(stance ?? "reports", option: "--stance")
        request.reportedAmount = try figures.money()
      }
      try await options.run { client, output in
        if asEvidenceOf == nil {
          let candidate = try await client.extraction.getCandidate(GetCandidateRequest(id: id), options: options.callOptions)
          let draft = try corrected(candidate)
          if corrects {
            request.pledge = draft
          }
          // A reviewed candidate is refused by the server, whatever it resembles.
          if candidate.state == .pending, try await stopsForSimilar(draft, candidate, client, output) {
            throw ExitCode(1)
          }
        }
        let response: AcceptCandidateResponse
        do {
          response = try await client.extraction.acceptCandidate(request, options: options.callOptions)
        } catch let error as RPCError where error.details?.reason == "UNKNOWN_ACTOR" {
          let party = error.details?.fieldViolations.first?.field ?? "a party"
          throw RPCError(error.code, "\(party) is not a recorded actor: accept with --create-actors, or name the parties with --maker (and --announcer, --beneficiary)", details: error.details)
        }
        if let pledge = response.pledge {
          output.note(response.candidate?.attached == true ? "candidate \(id) attached to pledge \(pledge.id)" : "candidate \(id) recorded as pledge \(pledge.id)")
          await PledgeCommand.show(pledge, client, options, output)
        }
      }
    }

    /// The pledge the candidate proposes with this command's corrections; parties only when given here.
    func corrected(_ candidate: PledgeCandidate) throws -> Pledge {
      var pledge = Pledge(
        action: action ?? candidate.action,
        category: try category.map { try EnumArgument.parse($0, option: "--category") } ?? (candidate.category == .unspecified ? .other : candidate.category),
        modality: try modality.map { try EnumArgument.parse($0, option: "--modality") } ?? candidate.modality,
        condition: noCondition ? nil : (condition ?? (candidate.condition.isEmpty ? nil : candidate.condition)).map { Condition(text: $0) },
        amount: try figures.money() ?? candidate.amount, dueAtMs: candidate.dueAtMs,
        quantity: try figures.quantityValue() ?? candidate.quantity, target: try figures.targetValue() ?? candidate.target,
        duePrecision: candidate.dueAtMs == 0 ? .unspecified : candidate.duePrecision, makersIncomplete: candidate.makersIncomplete, note: note
      )
      if let due {
        let parsed = try Dates.parse(due, option: "--due")
        pledge.dueAtMs = parsed.milliseconds
        pledge.duePrecision = parsed.precision
      }
      if let made {
        let parsed = try Dates.parseOrUnknown(made, option: "--made")
        pledge.madeAtMs = parsed.milliseconds
        pledge.madePrecision = parsed.precision
      }
      pledge.parties = maker.map { PledgeParty(actorID: $0, role: .maker) } + announcer.map { PledgeParty(actorID: $0, role: .announcer) }
        + beneficiary.map { PledgeParty(actorID: $0, role: .beneficiary) }
      return pledge
    }

    /// Lists recorded pledges like the draft on standard error; true when one looks like the same pledge and
    /// --new was not given (the error says what to do).
    func stopsForSimilar(_ draft: Pledge, _ candidate: PledgeCandidate, _ client: PledgewireClient, _ output: Output) async throws -> Bool {
      var probe = draft
      if probe.parties.isEmpty {
        probe.parties = candidate.makers.filter { $0.actorID != 0 }.map { PledgeParty(actorID: $0.actorID, role: .maker) }
      }
      let similar = try await client.pledge.findSimilarPledges(FindSimilarPledgesRequest(pledge: probe, maxResults: 5), options: options.callOptions).pledges
      guard !similar.isEmpty else { return false }
      let names = await ActorNames.fetch(parties: similar.compactMap(\.pledge), client, options.callOptions)
      Output.standardError("similar pledges already recorded:\n" + PledgeCommand.similarTable(similar, names))
      guard let same = similar.first, same.score >= PledgeCommand.Add.sameScore, !forceNew else { return false }
      let pledgeID = same.pledge?.id ?? 0
      output.fail(RPCError(
        .alreadyExists,
        "pledge \(pledgeID) looks like the same pledge (score \(same.score)): accept with --as-evidence-of \(pledgeID), or record a new pledge anyway with --new",
        details: ErrorDetails(reason: "SIMILAR_PLEDGE", existingID: pledgeID)
      ))
      return true
    }
  }
}
