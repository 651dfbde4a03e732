import PledgewireStorage
import PledgewireWire

/// The checks every pledge passes, whether created, imported or edited: each throws `INVALID_ARGUMENT` naming the
/// field. References to other records are checked separately (``PledgeValidation/checkParties(_:_:field:)``).
enum PledgeValidation {
  /// The fields of a pledge and of its evidence, at `now`.
  static func validate(_ pledge: Pledge, field: String, now: Int64) throws {
    try FieldCheck.count(pledge.parties, "\(field).parties", max: 200)
    guard pledge.parties.contains(where: { $0.role == .maker }) else {
      throw RPCError.invalidArgument(field: "\(field).parties", "needs at least one MAKER")
    }
    var seen = Set<[Int64]>()
    for (index, party) in pledge.parties.enumerated() {
      try FieldCheck.positive(party.actorID, "\(field).parties[\(index)].actor_id")
      try FieldCheck.known(party.role, "\(field).parties[\(index)].role")
      guard seen.insert([party.actorID, Int64(party.role.rawValue)]).inserted else {
        throw RPCError.invalidArgument(field: "\(field).parties[\(index)]", "actor \(party.actorID) is listed twice as \(party.role.name)")
      }
      if party.optedOut && party.role != .maker {
        throw RPCError.invalidArgument(field: "\(field).parties[\(index)].opted_out", "only a MAKER can opt out")
      }
    }
    try FieldCheck.required(pledge.action, "\(field).action", max: 1_000)
    try FieldCheck.known(pledge.category, "\(field).category")
    try FieldCheck.known(pledge.modality, "\(field).modality", allowUnspecified: true)
    if let condition = pledge.condition {
      try FieldCheck.required(condition.text, "\(field).condition.text", max: 1_000)
      try FieldCheck.known(condition.state, "\(field).condition.state", allowUnspecified: true)
      if condition.changedAtMs != 0 {
        try Timestamps.past(condition.changedAtMs, "\(field).condition.changed_at_ms", now: now)
      }
    }
    if let amount = pledge.amount {
      try FieldCheck.money(amount, "\(field).amount")
    }
    if let quantity = pledge.quantity {
      try FieldCheck.quantity(quantity, "\(field).quantity")
    }
    if let target = pledge.target {
      try FieldCheck.ratio(target, "\(field).target")
    }
    try FieldCheck.count(pledge.stageAmounts, "\(field).stage_amounts", max: 100)
    for (index, stage) in pledge.stageAmounts.enumerated() {
      try FieldCheck.known(stage.stage, "\(field).stage_amounts[\(index)].stage")
      guard let amount = stage.amount else {
        throw RPCError.invalidArgument(field: "\(field).stage_amounts[\(index)].amount", "is required")
      }
      try FieldCheck.money(amount, "\(field).stage_amounts[\(index)].amount")
      if stage.asOfMs != 0 {
        try Timestamps.past(stage.asOfMs, "\(field).stage_amounts[\(index)].as_of_ms", now: now)
      }
    }
    try Timestamps.withPrecision(pledge.madeAtMs, pledge.madePrecision, "\(field).made_at_ms", "\(field).made_precision", optional: false, now: now)
    try Timestamps.withPrecision(pledge.dueAtMs, pledge.duePrecision, "\(field).due_at_ms", "\(field).due_precision", optional: true, now: nil)
    if pledge.dueAtMs != 0 && pledge.madeAtMs != 0 && DatePeriod.end(of: pledge.dueAtMs, pledge.duePrecision) <= pledge.madeAtMs {
      throw RPCError.invalidArgument(field: "\(field).due_at_ms", "falls due before the pledge was made (made_at_ms)")
    }
    try FieldCheck.known(pledge.status, "\(field).status", allowUnspecified: true)
    guard !pledge.evidence.isEmpty else {
      throw RPCError.invalidArgument(field: "\(field).evidence", "needs at least one quote from an article")
    }
    try FieldCheck.count(pledge.evidence, "\(field).evidence", max: 1_000)
    for (index, evidence) in pledge.evidence.enumerated() {
      try validate(evidence, field: "\(field).evidence[\(index)]", now: now)
    }
    if let extraction = pledge.extraction {
      guard extraction.confidence >= 0 && extraction.confidence <= 1 else {
        throw RPCError.invalidArgument(field: "\(field).extraction.confidence", "must be 0...1, not \(extraction.confidence)")
      }
      try FieldCheck.length(extraction.extractor, "\(field).extraction.extractor", max: 200)
    }
    try FieldCheck.length(pledge.note, "\(field).note", max: 5_000)
    try FieldCheck.labels(pledge.labels, "\(field).labels")
    guard pledge.partOfID >= 0 else { throw RPCError.invalidArgument(field: "\(field).part_of_id", "must not be negative") }
    guard pledge.supersedesID >= 0 else { throw RPCError.invalidArgument(field: "\(field).supersedes_id", "must not be negative") }
  }

  /// The fields of one piece of evidence.
  static func validate(_ evidence: Evidence, field: String, now: Int64) throws {
    try FieldCheck.positive(evidence.articleID, "\(field).article_id")
    try FieldCheck.required(evidence.quote, "\(field).quote", max: 5_000)
    try FieldCheck.known(evidence.stance, "\(field).stance")
    if let amount = evidence.reportedAmount {
      try FieldCheck.money(amount, "\(field).reported_amount")
    }
    if let quantity = evidence.reportedQuantity {
      try FieldCheck.quantity(quantity, "\(field).reported_quantity")
    }
    guard evidence.partyActorID >= 0 else {
      throw RPCError.invalidArgument(field: "\(field).party_actor_id", "must not be negative")
    }
    if evidence.stance == .optsOut && evidence.partyActorID == 0 {
      throw RPCError.invalidArgument(field: "\(field).party_actor_id", "is required with stance OPTS_OUT: the maker that declines")
    }
    try FieldCheck.length(evidence.note, "\(field).note", max: 5_000)
    try FieldCheck.length(evidence.addedBy, "\(field).added_by", max: 200)
    if evidence.addedAtMs != 0 {
      try Timestamps.past(evidence.addedAtMs, "\(field).added_at_ms", now: now)
    }
  }

  /// Evidence that names a party names one of the pledge's, and an opt-out names one of its makers.
  static func checkEvidenceParty(_ evidence: Evidence, of pledge: Pledge, field: String) throws {
    guard evidence.partyActorID != 0 else { return }
    guard pledge.parties.contains(where: { $0.actorID == evidence.partyActorID }) else {
      throw RPCError.invalidArgument(field: "\(field).party_actor_id", "actor \(evidence.partyActorID) is not a party of the pledge")
    }
    if evidence.stance == .optsOut && !pledge.parties.contains(where: { $0.actorID == evidence.partyActorID && $0.role == .maker }) {
      throw RPCError.invalidArgument(field: "\(field).party_actor_id", "actor \(evidence.partyActorID) is not a MAKER of the pledge, so it cannot opt out")
    }
  }

  /// Every party is an actor that exists and was not merged away.
  static func checkParties(_ parties: [PledgeParty], _ states: [Int64: RecordState], field: String) throws {
    for (index, party) in parties.enumerated() {
      try ActorServiceHandler.checkReference(party.actorID, states, field: "\(field)[\(index)].actor_id")
    }
  }

  /// Locates evidence quotes in their articles: `NOT_FOUND` for a missing article, `INVALID_ARGUMENT` for a quote
  /// that is not there.
  static func locate(_ evidence: inout Evidence, bodies: [Int64: String], field: String) throws {
    guard let body = bodies[evidence.articleID] else {
      throw PledgeServiceHandler.missing("\(field).article_id", "article \(evidence.articleID) does not exist")
    }
    evidence.range = try TextRanges.locate(quote: evidence.quote, range: evidence.range, in: body, field: field)
  }
}
