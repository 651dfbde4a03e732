import GRDB
import PledgewireWire

/// A row of `access_token`: a token's name, role, times and hash.
struct TokenRecord: FetchableRecord, MutablePersistableRecord, Equatable {
  static let databaseTableName = "access_token"

  var id: Int64?
  var name: String
  var role: String
  var hash: String
  var createdAt: Int64
  var lastUsedAt: Int64
  var expiresAt: Int64
  var revokedAt: Int64

  init(row: Row) throws {
    id = row["id"]
    name = row["name"]
    role = row["role"]
    hash = row["hash"]
    createdAt = row["created_at"]
    lastUsedAt = row["last_used_at"]
    expiresAt = row["expires_at"]
    revokedAt = row["revoked_at"]
  }

  init(_ token: AccessToken) {
    id = nil
    name = token.name
    role = token.role.rawValue
    hash = token.hash
    createdAt = token.createdAtMs
    lastUsedAt = token.lastUsedAtMs
    expiresAt = token.expiresAtMs
    revokedAt = token.revokedAtMs
  }

  func encode(to container: inout PersistenceContainer) {
    container["id"] = id
    container["name"] = name
    container["role"] = role
    container["hash"] = hash
    container["created_at"] = createdAt
    container["last_used_at"] = lastUsedAt
    container["expires_at"] = expiresAt
    container["revoked_at"] = revokedAt
  }

  mutating func didInsert(_ inserted: InsertionSuccess) {
    id = inserted.rowID
  }

  func token() throws -> AccessToken {
    guard let role = TokenRole(rawValue: role) else {
      throw RPCError(.dataLoss, "token \"\(name)\" has an unknown role \"\(role)\"")
    }
    return AccessToken(
      id: id ?? 0, name: name, role: role, hash: hash, createdAtMs: createdAt, lastUsedAtMs: lastUsedAt,
      expiresAtMs: expiresAt, revokedAtMs: revokedAt
    )
  }
}
