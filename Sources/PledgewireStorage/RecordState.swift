/// Whether a referenced actor or pledge can be referred to: it exists and is live, or it was merged into another
/// and is a tombstone. A record absent from a lookup does not exist.
public enum RecordState: Sendable, Hashable {
  case live
  case merged(into: Int64)
}
