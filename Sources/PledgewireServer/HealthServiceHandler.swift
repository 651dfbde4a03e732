import PledgewireWire
/// `pledgewire.v1.HealthService`: the serving status of the server ("") or of one service.
struct HealthServiceHandler: RPCService {
  let monitor: HealthMonitor

  func register(in router: inout Router) {
    router.unary(HealthService.Check.self) { request, _ in
      guard let status = monitor.status(of: request.service) else {
        throw RPCError(.notFound, "service \(request.service) is not served here")
      }
      return HealthCheckResponse(status: status)
    }
    router.serverStreaming(HealthService.Watch.self) { request, writer, _ in
      var last: ServingStatus?
      for await status in monitor.updates(for: request.service) where status != last {
        last = status
        try await writer.send(HealthCheckResponse(status: status))
      }
    }
  }
}
