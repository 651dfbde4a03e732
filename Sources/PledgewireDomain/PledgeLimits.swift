import PledgewireWire

/// How large a pledge may grow, so that it stays readable, listable and watchable by every client: a change that
/// would pass a limit is refused with `FAILED_PRECONDITION`, reason PLEDGE_TOO_LARGE, and changes nothing.
enum PledgeLimits {
  /// Pieces of evidence one pledge may cite.
  static let maxEvidence = 1_000
  /// Entries of one pledge's status history.
  static let maxHistory = 1_000
  /// The pledge's encoding, in bytes: a quarter of the default frame size, so that a page or an event holding it
  /// stays far below the frame limit.
  static let maxEncodedBytes = 1 << 20

  /// Throws when `pledge` (as a change would leave it) is over a limit.
  static func check(_ pledge: Pledge) throws {
    let name = pledge.id == 0 ? "the pledge" : "pledge \(pledge.id)"
    if pledge.evidence.count > maxEvidence {
      throw tooLarge("\(name) would cite \(pledge.evidence.count) pieces of evidence, over the limit of \(maxEvidence)")
    }
    if pledge.history.count > maxHistory {
      throw tooLarge("\(name) would have \(pledge.history.count) status changes, over the limit of \(maxHistory)")
    }
    let size = pledge.serializedBytes().count
    if size > maxEncodedBytes {
      throw tooLarge("\(name) would take \(size) bytes, over the limit of \(maxEncodedBytes)")
    }
  }

  private static func tooLarge(_ message: String) -> RPCError {
    RPCError(
      .failedPrecondition,
      message + ": record further evidence on a new pledge that names this one as part_of_id",
      details: ErrorDetails(reason: "PLEDGE_TOO_LARGE")
    )
  }
}
