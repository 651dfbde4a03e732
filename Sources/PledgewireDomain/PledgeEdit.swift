import PledgewireStorage
import PledgewireWire

/// An UpdatePledge request, checked: the terms to replace and the parties to add and remove. ``apply(to:now:)``
/// turns the pledge as stored into the pledge it becomes, validated as a new one would be, without I/O. Status,
/// evidence and the condition's state do not change here.
struct PledgeEdit: Sendable {
  /// The fields UpdatePledge may replace, in the order summaries list them.
  static let mutableFields: [String] = [
    "action", "category", "modality", "condition", "amount", "quantity", "target", "made_at_ms", "made_precision",
    "due_at_ms", "due_precision", "parties", "makers_incomplete", "note", "part_of_id", "supersedes_id",
    "stage_amounts", "labels",
  ]

  let id: Int64
  let version: Int64
  let changes: Pledge
  let mask: Set<String>
  let addParties: [PledgeParty]
  let removeParties: [PledgeParty]

  init(_ request: UpdatePledgeRequest) throws {
    guard let changes = request.pledge else {
      throw RPCError.invalidArgument(field: "pledge", "is required")
    }
    try FieldCheck.positive(changes.id, "pledge.id")
    try UpdateMask.check(
      version: changes.version, record: "pledge", mask: request.updateMask, allowed: Self.mutableFields, method: "UpdatePledge",
      hint: "; the status changes with UpdatePledgeStatus, evidence with AddEvidence"
    )
    guard !request.updateMask.isEmpty || !request.addParties.isEmpty || !request.removeParties.isEmpty else {
      throw RPCError.invalidArgument(field: "update_mask", "names no field, and no party is added or removed: say what changes")
    }
    for (name, list) in [("add_parties", request.addParties), ("remove_parties", request.removeParties)] {
      try FieldCheck.count(list, name, max: 200)
      for (index, party) in list.enumerated() {
        try FieldCheck.positive(party.actorID, "\(name)[\(index)].actor_id")
        try FieldCheck.known(party.role, "\(name)[\(index)].role")
      }
    }
    id = changes.id
    version = changes.version
    self.changes = changes
    mask = Set(request.updateMask)
    addParties = request.addParties
    removeParties = request.removeParties
  }

  /// The parties the edit adds, with the field naming each: their actors must exist and be live.
  var newParties: [(field: String, party: PledgeParty)] {
    var parties: [(String, PledgeParty)] = []
    if mask.contains("parties") {
      parties += changes.parties.enumerated().map { ("pledge.parties[\($0.offset)].actor_id", $0.element) }
    }
    parties += addParties.enumerated().map { ("add_parties[\($0.offset)].actor_id", $0.element) }
    return parties
  }

  /// The pledge as it becomes, and a summary for the audit log.
  func apply(to current: Pledge, now: Int64) throws -> PledgeRevision {
    var pledge = current
    var summary: [String] = []
    let replaced = Self.mutableFields.filter(mask.contains)
    if !replaced.isEmpty {
      summary.append("fields: " + replaced.joined(separator: ", "))
    }
    if mask.contains("action") { pledge.action = changes.action }
    if mask.contains("category") { pledge.category = changes.category }
    if mask.contains("modality") { pledge.modality = changes.modality }
    if mask.contains("condition") {
      // The text changes here; the state changes with evidence (AddEvidence).
      pledge.condition = changes.condition.map { given in
        var condition = current.condition ?? Condition(state: .pending)
        condition.text = given.text
        // What this build does not know stays unless the caller sent its own.
        if !given.unknownFields.isEmpty {
          condition.unknownFields = given.unknownFields
        }
        return condition
      }
    }
    if mask.contains("amount") { pledge.amount = changes.amount }
    if mask.contains("quantity") { pledge.quantity = changes.quantity }
    if mask.contains("target") { pledge.target = changes.target }
    if mask.contains("made_at_ms") { pledge.madeAtMs = changes.madeAtMs }
    if mask.contains("made_precision") { pledge.madePrecision = changes.madePrecision }
    if mask.contains("due_at_ms") { pledge.dueAtMs = changes.dueAtMs }
    if mask.contains("due_precision") { pledge.duePrecision = changes.duePrecision }
    if mask.contains("makers_incomplete") { pledge.makersIncomplete = changes.makersIncomplete }
    if mask.contains("note") { pledge.note = changes.note }
    if mask.contains("part_of_id") { pledge.partOfID = changes.partOfID }
    if mask.contains("supersedes_id") { pledge.supersedesID = changes.supersedesID }
    if mask.contains("stage_amounts") { pledge.stageAmounts = changes.stageAmounts }
    if mask.contains("labels") { pledge.labels = changes.labels }
    if mask.contains("parties") {
      // Opt-outs are facts recorded with evidence: a party that stays keeps its own.
      pledge.parties = changes.parties.map { given in
        var party = given
        let kept = current.parties.first { $0.actorID == given.actorID && $0.role == given.role }
        party.optedOut = kept?.optedOut ?? false
        party.optOutEvidenceID = kept?.optOutEvidenceID ?? 0
        return party
      }
    }
    for (index, party) in removeParties.enumerated() {
      guard pledge.parties.contains(where: { $0.actorID == party.actorID && $0.role == party.role }) else {
        throw RPCError.invalidArgument(field: "remove_parties[\(index)]", "actor \(party.actorID) is not a \(party.role.name) of pledge \(current.id)")
      }
      pledge.parties.removeAll { $0.actorID == party.actorID && $0.role == party.role }
      summary.append("party -\(party.role.name) \(party.actorID)")
    }
    for (index, party) in addParties.enumerated() {
      guard !pledge.parties.contains(where: { $0.actorID == party.actorID && $0.role == party.role }) else {
        throw RPCError.invalidArgument(field: "add_parties[\(index)]", "actor \(party.actorID) is a \(party.role.name) of pledge \(current.id) already")
      }
      pledge.parties.append(PledgeParty(actorID: party.actorID, role: party.role))
      summary.append("party +\(party.role.name) \(party.actorID)")
    }
    for (index, evidence) in pledge.evidence.enumerated() where evidence.partyActorID != 0 && !pledge.parties.contains(where: { $0.actorID == evidence.partyActorID }) {
      throw RPCError.invalidArgument(
        field: "pledge.parties", "evidence \(evidence.id) (pledge.evidence[\(index)]) concerns actor \(evidence.partyActorID), which must stay a party"
      )
    }
    try PledgeValidation.validate(pledge, field: "pledge", now: now)
    if pledge.madeAtMs != 0, let early = pledge.history.dropFirst().first(where: { $0.atMs < pledge.madeAtMs }) {
      throw RPCError.invalidArgument(field: "pledge.made_at_ms", "is after a status change of \(DatePeriod.iso8601(early.atMs)); a pledge is made before it changes")
    }
    return PledgeRevision(pledge: pledge, summary: summary.joined(separator: "; "))
  }
}
