import PledgewireWire

/// `pledgewire.v1.HealthService`: the serving status of the server ("") or of one service.
struct HealthServiceHandler: HealthService.ServiceProtocol {
  let monitor: HealthMonitor

  func check(_ request: HealthCheckRequest, context: ServerContext) async throws -> HealthCheckResponse {
    guard let status = monitor.status(of: request.service) else {
      throw RPCError(.notFound, "service \(request.service) is not served here")
    }
    return HealthCheckResponse(status: status)
  }

  func watch(_ request: HealthCheckRequest, writer: ResponseWriter<HealthCheckResponse>, context: ServerContext) async throws {
    var last: ServingStatus?
    for await status in monitor.updates(for: request.service) where status != last {
      last = status
      try await writer.send(HealthCheckResponse(status: status))
    }
  }
}
