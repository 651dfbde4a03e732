import Synchronization

/// The request bytes every connection of a server holds at once (requests waiting for their END_STREAM,
/// client-streamed messages not yet taken), against one server-wide limit: what bounds the memory many connections
/// can pin together, where each connection's own limit bounds only its share.
///
/// Each connection's state machine reports every change of its own count; the check and the change are not one
/// atomic step, so the I/O loops running side by side may pass the limit by at most one request each.
final class RequestBytePool: Sendable {
  /// The bytes all connections may hold together.
  let limit: Int
  private let held = Atomic<Int>(0)

  init(limit: Int) {
    self.limit = limit
  }

  /// Bytes held now, in the whole server.
  var bytes: Int { held.load(ordering: .relaxed) }

  /// Whether `count` more bytes fit under the limit.
  func hasRoom(for count: Int) -> Bool {
    bytes + count <= limit
  }

  /// A connection holds `delta` more bytes (fewer when negative).
  func add(_ delta: Int) {
    guard delta != 0 else { return }
    held.add(delta, ordering: .relaxed)
  }
}
