import PledgewireWire

/// A response that names the record its call wrote (a created or changed pledge, actor, article). When the response
/// of a method that is not idempotent cannot be delivered (over the client's max frame size, or ready after the
/// deadline), the call's error carries this id in `details.committed_id`: the write happened, and a client must not
/// retry it.
public protocol CommittedRecord {
  /// The id of the record written.
  var committedID: Int64 { get }
}
