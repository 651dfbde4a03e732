import PledgewireWire
import PledgewireServer
import PledgewireStorage

/// `pledgewire.v1.AuditService`: the log of every write — who, when, through which call, which record, and its
/// versions before and after — oldest first.
public struct AuditServiceHandler: AuditService.ServiceProtocol {
  let store: any PledgewireStore

  public init(store: any PledgewireStore) {
    self.store = store
  }

  public func listAuditEntries(_ request: ListAuditEntriesRequest, context: ServerContext) async throws -> ListAuditEntriesResponse {
    let limit = try FieldCheck.pageSize(request.pageSize, fallback: 50)
    try FieldCheck.known(request.recordType, "record_type", allowUnspecified: true)
    if request.recordID != 0 {
      try FieldCheck.positive(request.recordID, "record_id")
      guard request.recordType != .unspecified else {
        throw RPCError.invalidArgument(field: "record_type", "is required with record_id: an id names a record of one type")
      }
    }
    try FieldCheck.length(request.principal, "principal", max: 200)
    try FieldCheck.timeRange(after: request.afterMs, before: request.beforeMs, "after_ms", "before_ms")
    var fingerprint = request
    fingerprint.pageToken = ""
    fingerprint.pageSize = 0
    let after = try PageToken.decode(request.pageToken, scope: "audit", query: fingerprint, fieldCount: 1).map { try PageToken.int($0[0]) }
    var entries = try await store.listAuditEntries(AuditQuery(
      recordType: request.recordType == .unspecified ? nil : request.recordType,
      recordID: request.recordID == 0 ? nil : request.recordID,
      principal: request.principal.isEmpty ? nil : request.principal,
      after: request.afterMs == 0 ? nil : request.afterMs,
      before: request.beforeMs == 0 ? nil : request.beforeMs,
      afterSequence: after,
      limit: limit + 1
    ))
    var next = ""
    if entries.count > limit {
      entries.removeLast()
      next = PageToken.encode(scope: "audit", query: fingerprint, fields: [String(entries[entries.count - 1].sequence)])
    }
    return ListAuditEntriesResponse(entries: entries, nextPageToken: next)
  }
}
