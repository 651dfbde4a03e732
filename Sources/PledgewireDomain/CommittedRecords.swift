import PledgewireServer
import PledgewireWire

// The records the services write answer with themselves: a call that wrote one and could not deliver it names it
// in `details.committed_id` (see ``CommittedRecord``).

extension Pledge: CommittedRecord {
  public var committedID: Int64 { id }
}

extension Actor: CommittedRecord {
  public var committedID: Int64 { id }
}

extension Article: CommittedRecord {
  public var committedID: Int64 { id }
}
