import GRDB
import PledgewireStorage
import PledgewireWire
import PostgresNIO

extension PostgresStore {
  public func insertToken(_ token: AccessToken) async throws -> AccessToken {
    try await write { session in
      if try await session.value(Int64.self, "SELECT id FROM access_token WHERE name = ?", [token.name]) != nil {
        throw Self.takenName(token.name)
      }
      var record = TokenRecord(token)
      do {
        record.id = try await session.insert(record, returning: "id")
      } catch let error as PSQLError where error.serverInfo?[.sqlState] == "23505" && error.serverInfo?[.constraintName] == "access_token_name_key" {
        // Another instance inserted a token of this name in between.
        throw Self.takenName(token.name)
      }
      return try record.token()
    }
  }

  static func takenName(_ name: String) -> RPCError {
    RPCError(.alreadyExists, "a token named \"\(name)\" exists already")
  }

  /// By name in byte order (`COLLATE "C"`), as SQLite orders them.
  public func tokens() async throws -> [AccessToken] {
    try await read(consistent: false) { session in
      try await session.rows("SELECT * FROM access_token ORDER BY name COLLATE \"C\"").map { try TokenRecord(row: $0).token() }
    }
  }

  public func token(hash: String) async throws -> AccessToken? {
    try await read(consistent: false) { session in
      try await session.rows("SELECT * FROM access_token WHERE hash = ?", [hash]).first.map { try TokenRecord(row: $0).token() }
    }
  }

  public func revokeToken(name: String, at now: Int64) async throws -> AccessToken {
    try await write { session in
      guard let row = try await session.rows("SELECT * FROM access_token WHERE name = ? FOR UPDATE", [name]).first else {
        throw RPCError(.notFound, "no token is named \"\(name)\"")
      }
      var record = try TokenRecord(row: row)
      if record.revokedAt == 0 {
        record.revokedAt = now
        try await session.execute("UPDATE access_token SET revoked_at = ? WHERE id = ?", [now, record.id])
      }
      return try record.token()
    }
  }

  public func recordTokenUse(id: Int64, at now: Int64) async throws {
    try await write { session in
      try await session.execute("UPDATE access_token SET last_used_at = ? WHERE id = ? AND last_used_at < ?", [now, id, now])
    }
  }
}
