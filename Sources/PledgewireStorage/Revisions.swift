import PledgewireWire

/// A change to a pledge, computed by the domain from the pledge as it is inside the store's write transaction.
public struct PledgeRevision: Sendable {
  /// The pledge as it should become. The store owns `id`, `version`, the timestamps and the merge fields, and ignores
  /// what is given for them. Evidence with a negative `id` is new: the store assigns it an id, `added_at_ms` and
  /// `added_by`, and replaces every reference to that negative id (a history entry's evidence, the condition's
  /// `evidence_id`, a party's `opt_out_evidence_id`). Evidence already recorded and history entries already recorded
  /// stay as they are; entries past the current history are appended.
  public var pledge: Pledge
  /// One line for the audit log: "status ANNOUNCED -> IN_PROGRESS", "fields: action, category".
  public var summary: String

  public init(pledge: Pledge, summary: String) {
    self.pledge = pledge
    self.summary = summary
  }
}

/// A change to an actor, computed by the domain from the actor as it is inside the store's write transaction.
public struct ActorRevision: Sendable {
  /// The actor as it should become; the store owns `id`, `version`, the timestamps and the merge fields.
  public var actor: Actor
  /// One line for the audit log.
  public var summary: String

  public init(actor: Actor, summary: String) {
    self.actor = actor
    self.summary = summary
  }
}

/// What a merge of two pledges changed.
public struct PledgeMerge: Sendable {
  /// The survivor as it became.
  public var survivor: Pledge
  /// The events it appended, in order: the survivor's UPDATED, the duplicate's MERGED, and UPDATED for each pledge
  /// whose link moved to the survivor.
  public var events: [PledgeEvent]

  public init(survivor: Pledge, events: [PledgeEvent]) {
    self.survivor = survivor
    self.events = events
  }
}

/// What a merge of two actors changed.
public struct ActorMerge: Sendable {
  public var survivor: Actor
  public var duplicate: Actor
  /// UPDATED events of the pledges whose parties or evidence moved to the survivor.
  public var events: [PledgeEvent]

  public init(survivor: Actor, duplicate: Actor, events: [PledgeEvent]) {
    self.survivor = survivor
    self.duplicate = duplicate
    self.events = events
  }
}

/// What deleting an article changed.
public struct ArticleDeletion: Sendable {
  /// Evidence removed with the article (with `force`).
  public var evidenceDeleted: Int
  /// UPDATED events of the pledges that lost evidence.
  public var events: [PledgeEvent]

  public init(evidenceDeleted: Int, events: [PledgeEvent]) {
    self.evidenceDeleted = evidenceDeleted
    self.events = events
  }
}
