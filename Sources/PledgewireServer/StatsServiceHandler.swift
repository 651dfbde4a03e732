import PledgewireWire
/// `pledgewire.v1.StatsService`: calls by method and status, latency, connections, bytes.
struct StatsServiceHandler: RPCService {
  let statistics: ServerStatistics
  let registry: ConnectionRegistry

  func register(in router: inout Router) {
    router.unary(StatsService.GetServerStats.self) { _, _ in
      let counts = registry.counts
      return statistics.snapshot(connectionsOpen: counts.open, accepted: counts.accepted, rejected: counts.rejected)
    }
  }
}
