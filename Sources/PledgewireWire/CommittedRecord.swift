/// A response naming the record its call created or changed: when a write committed but its response cannot be
/// sent (over the client's max frame size), the server reports the failure with this id in
/// `ErrorDetails.committed_id`, so that the client knows not to retry.
public protocol CommittedRecord {
  /// The id of the record the write created or changed.
  var committedID: Int64 { get }
}

extension Article: CommittedRecord {
  public var committedID: Int64 { id }
}

extension Actor: CommittedRecord {
  public var committedID: Int64 { id }
}

extension Pledge: CommittedRecord {
  public var committedID: Int64 { id }
}

extension RPCError {
  /// The id of the record the failed call's write committed (`details.committed_id`); nil when nothing committed.
  /// Do not retry such a write: read the record instead.
  public var committedID: Int64? {
    details.flatMap { $0.committedID == 0 ? nil : $0.committedID }
  }

  /// This error, saying that the write committed record `id` although the call fails.
  public func committing(_ id: Int64) -> RPCError {
    var error = self
    var details = error.details ?? ErrorDetails()
    details.committedID = id
    error.details = details
    error.message += " (the write committed record \(id): do not retry it)"
    return error
  }
}
