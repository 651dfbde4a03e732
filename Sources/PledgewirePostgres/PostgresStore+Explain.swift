import GRDB
import PledgewireStorage

extension PostgresStore {
  /// The query plan PostgreSQL chooses for ``listPledges(_:)`` with `query`, one line per row of `EXPLAIN`.
  public func explainListPledges(_ query: PledgeQuery) async throws -> [String] {
    let (sql, arguments) = Self.pledgeListStatement(query)
    return try await explain(sql, arguments)
  }

  /// The query plan PostgreSQL chooses for ``listArticles(_:)`` with `query`.
  public func explainListArticles(_ query: ArticleQuery) async throws -> [String] {
    let (sql, arguments) = Self.articleListStatement(query)
    return try await explain(sql, arguments)
  }

  private func explain(_ sql: String, _ arguments: PostgresSession.Arguments) async throws -> [String] {
    try await read(consistent: false) { session in
      try await session.rows("EXPLAIN (COSTS OFF) " + sql, arguments).compactMap { $0["QUERY PLAN"] as String? }
    }
  }
}
