import PledgewireWire

/// What reports derive from a pledge: whether it is settled, when evidence was said, when it falls due.
enum PledgeFacts {
  /// FULFILLED, BROKEN and WITHDRAWN: only an explicit reopen leaves them.
  static func isFinal(_ status: PledgeStatus) -> Bool {
    status == .fulfilled || status == .broken || status == .withdrawn
  }

  /// When the quote was said: its article's publication time, or when the evidence was recorded.
  static func evidenceTime(_ evidence: Evidence, directory: ReportDirectory) -> Int64 {
    let published = directory.articles[evidence.articleID]?.publishedAtMs ?? 0
    return published != 0 ? published : evidence.addedAtMs
  }

  /// When the pledge falls due (the end of its deadline's period), when it has a deadline and is not settled.
  static func openDeadline(_ pledge: Pledge) -> Int64? {
    guard !isFinal(pledge.status) else { return nil }
    return ReportFormat.dueEnd(pledge.dueAtMs, precision: pledge.duePrecision)
  }
}
