import GRDB
import PledgewireWire

/// A row of `access_token`: a token's name, role, times and hash.
package struct TokenRecord: FetchableRecord, MutablePersistableRecord, ColumnRecord, Equatable {
  package static let databaseTableName = "access_token"

  package var id: Int64?
  package var name: String
  package var role: String
  package var hash: String
  package var createdAt: Int64
  package var lastUsedAt: Int64
  package var expiresAt: Int64
  package var revokedAt: Int64

  package init(row: Row) throws {
    id = row["id"]
    name = row["name"]
    role = row["role"]
    hash = row["hash"]
    createdAt = row["created_at"]
    lastUsedAt = row["last_used_at"]
    expiresAt = row["expires_at"]
    revokedAt = row["revoked_at"]
  }

  package init(_ token: AccessToken) {
    id = nil
    name = token.name
    role = token.role.rawValue
    hash = token.hash
    createdAt = token.createdAtMs
    lastUsedAt = token.lastUsedAtMs
    expiresAt = token.expiresAtMs
    revokedAt = token.revokedAtMs
  }

  /// The columns in the order of ``values``.
  package static let columns = ["id", "name", "role", "hash", "created_at", "last_used_at", "expires_at", "revoked_at"]
  package static let insertSQL = insertStatement()

  package var values: [(any DatabaseValueConvertible)?] {
    [id, name, role, hash, createdAt, lastUsedAt, expiresAt, revokedAt]
  }

  package mutating func didInsert(_ inserted: InsertionSuccess) {
    id = inserted.rowID
  }

  package func token() throws -> AccessToken {
    guard let role = TokenRole(rawValue: role) else {
      throw RPCError(.dataLoss, "token \"\(name)\" has an unknown role \"\(role)\"")
    }
    return AccessToken(
      id: id ?? 0, name: name, role: role, hash: hash, createdAtMs: createdAt, lastUsedAtMs: lastUsedAt,
      expiresAtMs: expiresAt, revokedAtMs: revokedAt
    )
  }
}
