import PledgewireWire

/// Decides whether a call may run, and who makes it. The server asks it for every call before the handler starts:
/// first ``decide(_:)``, on the connection's I/O loop, which must answer from memory without blocking; when that is
/// ``Authorization/undecided``, ``authorize(_:)`` runs in the call's task and may wait (on storage, say).
///
/// Without an authorizer every call runs, as "anonymous".
public protocol CallAuthorizer: Sendable {
  /// The answer from memory, without waiting.
  func decide(_ context: ServerContext) -> Authorization
  /// The full answer: the principal (who calls, for the audit log), or throws the `RPCError` that refuses the call
  /// (`UNAUTHENTICATED`, `PERMISSION_DENIED`, `RESOURCE_EXHAUSTED`).
  func authorize(_ context: ServerContext) async throws -> String
}

/// What a ``CallAuthorizer`` knows without waiting.
public enum Authorization: Sendable, Equatable {
  /// The call runs on behalf of `principal`.
  case allowed(principal: String)
  /// The call ends with this error before its handler starts.
  case refused(RPCError)
  /// Only ``CallAuthorizer/authorize(_:)`` can tell.
  case undecided
}
