import PledgewireWire

/// Which status changes a pledge may make. FULFILLED, BROKEN and WITHDRAWN are final: leaving one takes an explicit
/// reopen, and a reopen is only for leaving one. FULFILLED, PARTIALLY_FULFILLED, BROKEN and STALLED need evidence.
/// A status change changes the status: evidence alone is recorded with AddEvidence.
public enum PledgeStatusRules {
  public static let finalStatuses: Set<PledgeStatus> = [.fulfilled, .broken, .withdrawn]
  public static let statusesNeedingEvidence: Set<PledgeStatus> = [.fulfilled, .partiallyFulfilled, .broken, .stalled]

  public static func isFinal(_ status: PledgeStatus) -> Bool {
    finalStatuses.contains(status)
  }

  public static func needsEvidence(_ status: PledgeStatus) -> Bool {
    statusesNeedingEvidence.contains(status)
  }

  /// Whether evidence with this stance tells how a pledge is going, rather than that it was made.
  public static func showsOutcome(_ stance: EvidenceStance) -> Bool {
    [.progress, .fulfils, .breaks, .withdraws].contains(stance)
  }

  /// Throws `FAILED_PRECONDITION` or `INVALID_ARGUMENT` when `request` may not change a pledge now at `current`.
  public static func check(from current: PledgeStatus, _ request: UpdatePledgeStatusRequest) throws {
    let target = request.status
    guard target != current else {
      throw RPCError.invalidArgument(
        field: "status", "is already \(current.name); record evidence without a status change with AddEvidence"
      )
    }
    if request.reopen {
      guard isFinal(current) else {
        throw RPCError.invalidArgument(field: "reopen", "applies only to a pledge in a final status; this one is \(current.name)")
      }
    } else if isFinal(current) {
      throw RPCError(
        .failedPrecondition,
        "pledge is \(current.name), a final status; set reopen to move it to \(target.name)",
        details: ErrorDetails(reason: "FINAL_STATUS", fieldViolations: [FieldViolation(field: "status", description: "\(current.name) is final")])
      )
    }
    if needsEvidence(target) && request.evidence == nil {
      throw RPCError.invalidArgument(field: "evidence", "is required to move a pledge to \(target.name): quote the article that shows it")
    }
  }
}
