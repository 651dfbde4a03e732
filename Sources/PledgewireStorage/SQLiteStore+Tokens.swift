import GRDB
import PledgewireWire

extension SQLiteStore {
  public func insertToken(_ token: AccessToken) async throws -> AccessToken {
    try await write { db in
      if try TokenRecord.filter(Column("name") == token.name).fetchCount(db) > 0 {
        throw RPCError(.alreadyExists, "a token named \"\(token.name)\" exists already")
      }
      var record = TokenRecord(token)
      try record.insert(db)
      return try record.token()
    }
  }

  public func tokens() async throws -> [AccessToken] {
    try await read { db in
      try TokenRecord.order(Column("name")).fetchAll(db).map { try $0.token() }
    }
  }

  public func token(hash: String) async throws -> AccessToken? {
    try await read { db in
      try TokenRecord.filter(Column("hash") == hash).fetchOne(db)?.token()
    }
  }

  public func revokeToken(name: String, at now: Int64) async throws -> AccessToken {
    try await write { db in
      guard var record = try TokenRecord.filter(Column("name") == name).fetchOne(db) else {
        throw RPCError(.notFound, "no token is named \"\(name)\"")
      }
      if record.revokedAt == 0 {
        record.revokedAt = now
        try record.update(db, columns: ["revoked_at"])
      }
      return try record.token()
    }
  }

  public func recordTokenUse(id: Int64, at now: Int64) async throws {
    try await write { db in
      try db.execute(sql: "UPDATE access_token SET last_used_at = ? WHERE id = ? AND last_used_at < ?", arguments: [now, id, now])
    }
  }
}
