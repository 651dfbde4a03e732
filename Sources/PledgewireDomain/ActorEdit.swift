import PledgewireStorage
import PledgewireWire

/// An UpdateActor request, checked: the fields to replace, and the aliases and affiliations to add and remove.
/// ``apply(to:)`` turns the actor as stored into the actor it becomes, without I/O.
struct ActorEdit: Sendable {
  /// The fields UpdateActor may replace.
  static let mutableFields: [String] = [
    "kind", "canonical_name", "aliases", "role", "country_code", "affiliations", "external_ids", "description", "labels",
  ]

  let id: Int64
  let version: Int64
  let changes: Actor
  let mask: Set<String>
  let addAliases: [String]
  let removeAliases: [String]
  let addAffiliations: [Affiliation]
  let removeAffiliations: [Affiliation]

  init(_ request: UpdateActorRequest) throws {
    guard let changes = request.actor else {
      throw RPCError.invalidArgument(field: "actor", "is required")
    }
    try FieldCheck.positive(changes.id, "actor.id")
    try UpdateMask.check(version: changes.version, record: "actor", mask: request.updateMask, allowed: Self.mutableFields, method: "UpdateActor")
    guard !request.updateMask.isEmpty || !request.addAliases.isEmpty || !request.removeAliases.isEmpty
      || !request.addAffiliations.isEmpty || !request.removeAffiliations.isEmpty
    else {
      throw RPCError.invalidArgument(field: "update_mask", "names no field, and nothing is added or removed: say what changes")
    }
    for (index, alias) in request.addAliases.enumerated() {
      try FieldCheck.required(alias, "add_aliases[\(index)]", max: 300)
    }
    for (index, alias) in request.removeAliases.enumerated() {
      try FieldCheck.required(alias, "remove_aliases[\(index)]", max: 300)
    }
    for (name, list) in [("add_affiliations", request.addAffiliations), ("remove_affiliations", request.removeAffiliations)] {
      try FieldCheck.count(list, name, max: 500)
      for (index, affiliation) in list.enumerated() {
        try FieldCheck.positive(affiliation.actorID, "\(name)[\(index)].actor_id")
        try FieldCheck.known(affiliation.kind, "\(name)[\(index)].kind")
        if affiliation.actorID == changes.id {
          throw RPCError.invalidArgument(field: "\(name)[\(index)].actor_id", "an actor cannot be affiliated with itself")
        }
      }
    }
    id = changes.id
    version = changes.version
    self.changes = changes
    mask = Set(request.updateMask)
    addAliases = request.addAliases
    removeAliases = request.removeAliases
    addAffiliations = request.addAffiliations
    removeAffiliations = request.removeAffiliations
  }

  /// The actors the edit adds references to, with the field naming each.
  var references: [(field: String, id: Int64)] {
    var references: [(String, Int64)] = []
    if mask.contains("affiliations") {
      references += changes.affiliations.enumerated().map { ("actor.affiliations[\($0.offset)].actor_id", $0.element.actorID) }
    }
    references += addAffiliations.enumerated().map { ("add_affiliations[\($0.offset)].actor_id", $0.element.actorID) }
    return references
  }

  var referencedActors: Set<Int64> {
    Set(references.map(\.id))
  }

  /// The actor as it becomes, and a summary for the audit log.
  func apply(to current: Actor) throws -> (Actor, String) {
    var actor = current
    var summary: [String] = []
    let replaced = Self.mutableFields.filter(mask.contains)
    if !replaced.isEmpty {
      summary.append("fields: " + replaced.joined(separator: ", "))
    }
    if mask.contains("kind") { actor.kind = changes.kind }
    if mask.contains("canonical_name") { actor.canonicalName = changes.canonicalName }
    if mask.contains("aliases") { actor.aliases = changes.aliases }
    if mask.contains("role") { actor.role = changes.role }
    if mask.contains("country_code") { actor.countryCode = changes.countryCode }
    if mask.contains("affiliations") { actor.affiliations = changes.affiliations }
    if mask.contains("external_ids") { actor.externalIDs = changes.externalIDs }
    if mask.contains("description") { actor.description = changes.description }
    if mask.contains("labels") { actor.labels = changes.labels }

    for (index, alias) in removeAliases.enumerated() {
      let folded = NameFolding.fold(alias)
      guard actor.aliases.contains(where: { NameFolding.fold($0) == folded }) else {
        throw RPCError.invalidArgument(field: "remove_aliases[\(index)]", "\"\(alias)\" is not an alias of actor \(current.id)")
      }
      actor.aliases.removeAll { NameFolding.fold($0) == folded }
      summary.append("alias -\(alias)")
    }
    for alias in addAliases {
      let folded = NameFolding.fold(alias)
      guard NameFolding.fold(actor.canonicalName) != folded, !actor.aliases.contains(where: { NameFolding.fold($0) == folded }) else { continue }
      actor.aliases.append(alias)
      summary.append("alias +\(alias)")
    }
    for (index, affiliation) in removeAffiliations.enumerated() {
      guard actor.affiliations.contains(where: { $0.actorID == affiliation.actorID && $0.kind == affiliation.kind }) else {
        throw RPCError.invalidArgument(
          field: "remove_affiliations[\(index)]", "actor \(current.id) has no \(affiliation.kind.name) affiliation with actor \(affiliation.actorID)"
        )
      }
      actor.affiliations.removeAll { $0.actorID == affiliation.actorID && $0.kind == affiliation.kind }
      summary.append("affiliation -\(affiliation.kind.name) \(affiliation.actorID)")
    }
    for affiliation in addAffiliations where !actor.affiliations.contains(where: { $0.actorID == affiliation.actorID && $0.kind == affiliation.kind }) {
      actor.affiliations.append(affiliation)
      summary.append("affiliation +\(affiliation.kind.name) \(affiliation.actorID)")
    }
    return (actor, summary.isEmpty ? "no change" : summary.joined(separator: "; "))
  }
}
