import PledgewireWire

/// `pledgewire.v1.StatsService`: calls by method and status, latency, connections, bytes.
struct StatsServiceHandler: StatsService.ServiceProtocol {
  let statistics: ServerStatistics
  let registry: ConnectionRegistry

  func getServerStats(_ request: GetServerStatsRequest, context: ServerContext) async throws -> ServerStats {
    let counts = registry.counts
    return statistics.snapshot(connectionsOpen: counts.open, accepted: counts.accepted, rejected: counts.rejected)
  }
}
