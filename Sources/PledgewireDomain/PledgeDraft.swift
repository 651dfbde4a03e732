import PledgewireStorage
import PledgewireWire

/// A new pledge as CreatePledge and ImportPledges receive it, made ready for the store: validated, its quotes
/// located, its status and condition defaulted, and its history started. An import of an exported pledge keeps
/// the pledge's history, opt-outs and condition evidence: they refer to its evidence by the ids it had, which are
/// turned into the provisional negative ids the store replaces with new ones.
enum PledgeDraft {
  static func prepare(_ input: Pledge, actors: [Int64: RecordState], bodies: [Int64: String], now: Int64) throws -> Pledge {
    var pledge = input
    try PledgeValidation.validate(pledge, field: "pledge", now: now)
    try PledgeValidation.checkParties(pledge.parties, actors, field: "pledge.parties")

    // Evidence: located, and numbered -1, -2, ... with a map from the ids it came with.
    var provisional: [Int64: Int64] = [:]
    for index in pledge.evidence.indices {
      let field = "pledge.evidence[\(index)]"
      try PledgeValidation.locate(&pledge.evidence[index], bodies: bodies, field: field)
      try PledgeValidation.checkEvidenceParty(pledge.evidence[index], of: pledge, field: field)
      let key = -Int64(index + 1)
      if pledge.evidence[index].id > 0 {
        provisional[pledge.evidence[index].id] = key
      }
      pledge.evidence[index].id = key
    }

    // Opt-outs rest on an OPTS_OUT quote naming the maker.
    for index in pledge.parties.indices {
      let party = pledge.parties[index]
      guard party.optedOut else {
        pledge.parties[index].optOutEvidenceID = 0
        continue
      }
      let byID = provisional[party.optOutEvidenceID].flatMap { key in pledge.evidence.first { $0.id == key && $0.stance == .optsOut } }
      guard let evidence = byID ?? pledge.evidence.first(where: { $0.stance == .optsOut && $0.partyActorID == party.actorID }) else {
        throw RPCError.invalidArgument(field: "pledge.parties[\(index)].opted_out", "needs OPTS_OUT evidence naming actor \(party.actorID) (party_actor_id)")
      }
      pledge.parties[index].optOutEvidenceID = evidence.id
    }

    if pledge.status == .unspecified {
      pledge.status = pledge.history.last?.toStatus ?? .announced
    }
    // A pledge imported with its history keeps the history's account; a new one shows its outcome.
    if pledge.history.isEmpty && PledgeStatusRules.needsEvidence(pledge.status)
      && !pledge.evidence.contains(where: { PledgeStatusRules.showsOutcome($0.stance) }) {
      throw RPCError.invalidArgument(
        field: "pledge.status",
        "a pledge recorded as \(pledge.status.name) needs evidence of it: a quote with stance PROGRESS, FULFILS, BREAKS or WITHDRAWS"
      )
    }
    if var condition = pledge.condition {
      if condition.state == .unspecified {
        condition.state = .pending
      }
      condition.evidenceID = provisional[condition.evidenceID] ?? 0
      if condition.state == .pending {
        condition.changedAtMs = 0
      } else if condition.changedAtMs == 0 {
        condition.changedAtMs = now
      }
      pledge.condition = condition
    }

    if pledge.history.isEmpty {
      pledge.history = [StatusChange(fromStatus: .unspecified, toStatus: pledge.status, atMs: pledge.madeAtMs != 0 ? pledge.madeAtMs : now, note: "recorded")]
    } else {
      try checkHistory(&pledge, provisional: provisional, now: now)
    }
    pledge.id = 0
    pledge.mergedIntoID = 0
    pledge.mergedIDs = []
    return pledge
  }

  /// A history that comes with the pledge (an import): entries dated no later than now, citing the pledge's own
  /// evidence. The entries need not chain from one status to the next, nor start when the pledge was made: a pledge
  /// that absorbed a merged duplicate holds both histories.
  private static func checkHistory(_ pledge: inout Pledge, provisional: [Int64: Int64], now: Int64) throws {
    try FieldCheck.count(pledge.history, "pledge.history", max: 10_000)
    for index in pledge.history.indices {
      let field = "pledge.history[\(index)]"
      let change = pledge.history[index]
      try FieldCheck.known(change.fromStatus, "\(field).from_status", allowUnspecified: true)
      try FieldCheck.known(change.toStatus, "\(field).to_status")
      try Timestamps.past(change.atMs, "\(field).at_ms", now: now)
      if change.recordedAtMs != 0 {
        try Timestamps.past(change.recordedAtMs, "\(field).recorded_at_ms", now: now)
      }
      try FieldCheck.length(change.note, "\(field).note", max: 5_000)
      try FieldCheck.length(change.changedBy, "\(field).changed_by", max: 200)
      if let evidence = change.evidence {
        guard let key = provisional[evidence.id], let cited = pledge.evidence.first(where: { $0.id == key }) else {
          throw RPCError.invalidArgument(field: "\(field).evidence", "must be one of pledge.evidence, by id")
        }
        pledge.history[index].evidence = cited
      }
    }
  }
}
