import PledgewireWire

/// Which status changes a pledge may make. FULFILLED, BROKEN and WITHDRAWN are final: leaving one takes an explicit
/// reopen, and a reopen is only for leaving one. A change to the same status records evidence or a note alone.
public enum PledgeStatusRules {
  public static let finalStatuses: Set<PledgeStatus> = [.fulfilled, .broken, .withdrawn]

  public static func isFinal(_ status: PledgeStatus) -> Bool {
    finalStatuses.contains(status)
  }

  /// Throws `FAILED_PRECONDITION` or `INVALID_ARGUMENT` when `request` may not change a pledge now at `current`.
  public static func check(from current: PledgeStatus, _ request: UpdatePledgeStatusRequest) throws {
    let target = request.status
    if request.reopen {
      guard isFinal(current) else {
        throw RPCError.invalidArgument(field: "reopen", "applies only to a pledge in a final status; this one is \(current.name)")
      }
      guard !isFinal(target) || target != current else {
        throw RPCError.invalidArgument(field: "status", "a reopened pledge must move to another status than \(current.name)")
      }
      return
    }
    if isFinal(current) && target != current {
      throw RPCError(
        .failedPrecondition,
        "pledge is \(current.name), a final status; set reopen to move it to \(target.name)",
        details: ErrorDetails(reason: "FINAL_STATUS", fieldViolations: [FieldViolation(field: "status", description: "\(current.name) is final")])
      )
    }
    if target == current && request.evidence == nil && request.note.isEmpty {
      throw RPCError.invalidArgument(field: "status", "is already \(current.name); give evidence or a note to record")
    }
  }
}
