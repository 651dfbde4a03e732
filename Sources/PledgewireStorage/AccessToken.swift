/// What a token may do. Each role may do everything the roles before it may.
public enum TokenRole: String, Sendable, CaseIterable, Comparable {
  /// Reads: gets, lists, searches, Watch, similarity, statistics.
  case reader
  /// Reads and writes: creates, updates, evidence, imports.
  case editor
  /// Everything: deletions, merges and the audit log besides.
  case admin

  public static func < (lhs: TokenRole, rhs: TokenRole) -> Bool {
    allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
  }
}

/// An access token as the store keeps it: its name, role and times, and the SHA-256 of the token — never the
/// token itself, which only its holder knows.
public struct AccessToken: Sendable, Equatable {
  /// Assigned by the store.
  public var id: Int64
  /// Unique; what the audit log records as the principal of the token's calls.
  public var name: String
  public var role: TokenRole
  /// The SHA-256 of the token's text, as 64 lowercase hex digits.
  public var hash: String
  public var createdAtMs: Int64
  /// When the token was last used (to within a minute); 0: never.
  public var lastUsedAtMs: Int64
  /// When the token stops working; 0: never.
  public var expiresAtMs: Int64
  /// When the token was revoked; 0: it was not.
  public var revokedAtMs: Int64

  /// A token record.
  public init(
    id: Int64 = 0, name: String, role: TokenRole, hash: String, createdAtMs: Int64, lastUsedAtMs: Int64 = 0,
    expiresAtMs: Int64 = 0, revokedAtMs: Int64 = 0
  ) {
    self.id = id
    self.name = name
    self.role = role
    self.hash = hash
    self.createdAtMs = createdAtMs
    self.lastUsedAtMs = lastUsedAtMs
    self.expiresAtMs = expiresAtMs
    self.revokedAtMs = revokedAtMs
  }

  /// Whether the token works at `now` (Unix ms): neither revoked nor expired.
  public func isValid(at now: Int64) -> Bool {
    revokedAtMs == 0 && (expiresAtMs == 0 || now < expiresAtMs)
  }
}
