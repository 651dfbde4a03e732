import Logging
import PledgewireServer
import PledgewireStorage
import PledgewireWire

/// Authentication and roles: every call but the open ones (``MethodAccess``) needs metadata
/// `authorization: Bearer <token>` naming a valid token whose role may call the method; its name becomes the call's
/// principal, which the audit log records.
///
/// Tokens found in the store are kept in memory for `cacheLifetimeMs`, so that a call costs one SHA-256 and a
/// dictionary look-up on the I/O loop; a token revoked or created by `pledgewire-server token` while the server runs
/// takes effect within that time. Failed attempts (unknown or malformed tokens) are limited per peer address;
/// past the limit, calls with tokens not known already end with `RESOURCE_EXHAUSTED` and a retry hint. Failures
/// are logged with the peer and the method, never the token.
public final class TokenAuthorizer: CallAuthorizer {
  let store: any PledgewireStore
  let access: [String: MethodAccess]
  let now: @Sendable () -> Int64
  let logger: Logger
  let cacheLifetimeMs: Int64
  /// A token's last use is written at most this often.
  let useResolutionMs: Int64 = 60_000
  private let cache = Locked<[String: Cached]>([:])
  private let failures: Locked<FailureLimiter>

  private struct Cached {
    var token: AccessToken
    var fetchedAt: Int64
  }

  /// An authorizer over the tokens of `store`.
  public init(
    store: any PledgewireStore,
    access: [String: MethodAccess] = MethodAccess.table,
    now: @escaping @Sendable () -> Int64 = WallClock.now,
    failureBurst: Int = 10,
    failureRefillMs: Int64 = 1_000,
    cacheLifetimeMs: Int64 = 5_000,
    logger: Logger = Logger(label: "pledgewire.auth")
  ) {
    self.store = store
    self.access = access
    self.now = now
    self.logger = logger
    self.cacheLifetimeMs = cacheLifetimeMs
    self.failures = Locked(FailureLimiter(burst: failureBurst, refillMs: failureRefillMs))
  }

  public func decide(_ context: ServerContext) -> Authorization {
    do {
      guard let (hash, role) = try credentials(context) else { return .allowed(principal: context.principal) }
      let time = now()
      if let cached = cache.withLock({ $0[hash] }), time - cached.fetchedAt < cacheLifetimeMs {
        return .allowed(principal: try verdict(cached.token, needs: role, context, at: time))
      }
      try checkAttempts(context, at: time)
      return .undecided
    } catch let error as RPCError {
      return .refused(error)
    } catch {
      return .refused(RPCError(.internal, "authorization failed: \(error)"))
    }
  }

  public func authorize(_ context: ServerContext) async throws -> String {
    guard let (hash, role) = try credentials(context) else { return context.principal }
    let time = now()
    try checkAttempts(context, at: time)
    guard var token = try await store.token(hash: hash) else {
      throw failed(context, at: time, "no such token", RPCError(.unauthenticated, "the token is not valid"))
    }
    if token.isValid(at: time) && time - token.lastUsedAtMs >= useResolutionMs {
      try await store.recordTokenUse(id: token.id, at: time)
      token.lastUsedAtMs = time
    }
    cache.withLock { $0[hash] = Cached(token: token, fetchedAt: time) }
    return try verdict(token, needs: role, context, at: time)
  }

  /// The hash of the call's token and the role its method needs; nil for open methods. Throws for a method without
  /// declared access, and for a missing or malformed token.
  private func credentials(_ context: ServerContext) throws -> (hash: String, role: TokenRole)? {
    guard let access = access[context.method.fullName] else {
      throw RPCError(.permissionDenied, "\(context.method.fullName) declares no role, so no token may call it")
    }
    guard case .role(let role) = access else { return nil }
    guard let value = context.metadata["authorization"] else {
      throw RPCError(
        .unauthenticated,
        "this server requires a token: send metadata \"authorization: Bearer <token>\" (pledgewire --token or PLEDGEWIRE_TOKEN)"
      )
    }
    guard value.hasPrefix("Bearer "), case let token = value.dropFirst(7), !token.isEmpty, token.utf8.count <= 200 else {
      throw RPCError(.unauthenticated, "the authorization metadata must be \"Bearer <token>\"")
    }
    return (TokenText.hash(String(token)), role)
  }

  /// The principal when `token` may call a method that needs `role`.
  private func verdict(_ token: AccessToken, needs role: TokenRole, _ context: ServerContext, at time: Int64) throws -> String {
    if token.revokedAtMs != 0 {
      logger.warning("authentication failed: token revoked", metadata: ["peer": "\(context.peer)", "method": "\(context.method.fullName)", "token_name": "\(token.name)"])
      throw RPCError(.unauthenticated, "the token \"\(token.name)\" was revoked")
    }
    guard token.isValid(at: time) else {
      logger.warning("authentication failed: token expired", metadata: ["peer": "\(context.peer)", "method": "\(context.method.fullName)", "token_name": "\(token.name)"])
      throw RPCError(.unauthenticated, "the token \"\(token.name)\" expired")
    }
    guard token.role >= role else {
      throw RPCError(
        .permissionDenied,
        "the token \"\(token.name)\" has role \(token.role.rawValue); \(context.method.fullName) needs \(role.rawValue)"
      )
    }
    return token.name
  }

  /// `RESOURCE_EXHAUSTED` while the peer's address is over its failed attempts.
  private func checkAttempts(_ context: ServerContext, at time: Int64) throws {
    let wait = failures.withLock { $0.retryAfter(FailureLimiter.host(of: context.peer), now: time) }
    guard wait > 0 else { return }
    throw RPCError(
      .resourceExhausted,
      "too many failed authentication attempts from this address; retry in \(wait) ms",
      details: ErrorDetails(reason: "AUTH_RATE_LIMITED", retryAfterMs: UInt32(clamping: wait))
    )
  }

  /// Counts and logs a failed attempt; returns `error` to throw.
  private func failed(_ context: ServerContext, at time: Int64, _ reason: String, _ error: RPCError) -> RPCError {
    failures.withLock { $0.fail(FailureLimiter.host(of: context.peer), now: time) }
    logger.warning("authentication failed: \(reason)", metadata: ["peer": "\(context.peer)", "method": "\(context.method.fullName)"])
    return error
  }
}
