import PledgewireStorage
import PledgewireWire

/// A pledge filter applied to the pledges of Watch events, in memory. A merged tombstone or a deleted pledge
/// matches as its terms do, so that a watcher learns that a pledge it follows was merged or deleted.
struct PledgeEventMatcher: Sendable {
  let query: PledgeQuery

  init(_ query: PledgeQuery) {
    self.query = query
  }

  func matches(_ pledge: Pledge) -> Bool {
    if let actors = query.actorIDs,
      !pledge.parties.contains(where: { ($0.role == .maker || (!query.makersOnly && $0.role == .announcer)) && actors.contains($0.actorID) }) {
      return false
    }
    if let beneficiary = query.beneficiaryID,
      !pledge.parties.contains(where: { $0.role == .beneficiary && $0.actorID == beneficiary }) {
      return false
    }
    if !query.categories.isEmpty && !query.categories.contains(pledge.category) { return false }
    if !query.statuses.isEmpty && !query.statuses.contains(pledge.status) { return false }
    if let after = query.madeAfter, pledge.madeAtMs < after { return false }
    if let before = query.madeBefore, pledge.madeAtMs >= before { return false }
    if let article = query.articleID, !pledge.evidence.contains(where: { $0.articleID == article }) { return false }
    if let conditional = query.conditional, (pledge.condition != nil) != conditional { return false }
    if let partOf = query.partOfID, pledge.partOfID != partOf { return false }
    if let dueBefore = query.dueBefore, pledge.dueAtMs == 0 || DatePeriod.end(of: pledge.dueAtMs, pledge.duePrecision) > dueBefore {
      return false
    }
    if let label = query.label, !pledge.labels.contains(label) { return false }
    return true
  }
}
