import ArgumentParser
import PledgewireClient

struct HealthCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "health",
    abstract: "Ask whether the server (or one service) is serving. Exits 1 unless SERVING.",
    discussion: "Example:\n  pledgewire health --service pledgewire.v1.PledgeService"
  )
  @Option(help: "A service name; empty: the whole server.") var service = ""
  @OptionGroup var options: ClientOptions

  func run() async throws {
    try await options.run { client, output in
      let response = try await client.health.check(HealthCheckRequest(service: service), options: options.callOptions)
      output.record(response, [("service", service.isEmpty ? "(server)" : service), ("status", response.status.name)])
      if response.status != .serving {
        throw ExitCode(1)
      }
    }
  }
}

struct ServicesCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "services",
    abstract: "List the server's services and methods with their streaming kinds and which are idempotent (safe to retry).",
    discussion: "Example:\n  pledgewire services"
  )
  @OptionGroup var options: ClientOptions

  func run() async throws {
    try await options.run { client, output in
      let response = try await client.reflection.listServices(ListServicesRequest(), options: options.callOptions)
      let methods = response.services.flatMap(\.methods)
      output.list(methods, [
        .init(title: "METHOD", value: { $0.fullName }),
        .init(title: "KIND", value: { EnumArgument.display($0.kind) }),
        .init(title: "RETRY", value: { $0.idempotent ? "idempotent" : "" }),
        .init(title: "REQUEST", value: { $0.inputType }),
        .init(title: "RESPONSE", value: { $0.outputType }),
      ])
      output.note("protocol \(response.protocolVersion), \(response.serverAgent)")
    }
  }
}

struct StatsCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "stats",
    abstract: "Show server statistics: calls by method and status, latency, connections.",
    discussion: "Example:\n  pledgewire stats --json"
  )
  @OptionGroup var options: ClientOptions

  func run() async throws {
    try await options.run { client, output in
      let stats = try await client.stats.getServerStats(GetServerStatsRequest(), options: options.callOptions)
      if output.isJSON {
        print(Output.json(stats))
        return
      }
      output.note("""
        uptime \(stats.uptimeMs / 1_000) s, \(stats.connectionsOpen) connections open (\(stats.connectionsAccepted) accepted, \
        \(stats.connectionsRejected) rejected), \(stats.streamsOpen) calls open, \(stats.bytesReceived) bytes in, \
        \(stats.bytesSent) bytes out, \(stats.protocolErrors) protocol errors
        """)
      output.list(stats.methods, [
        .init(title: "METHOD", value: { $0.method }),
        .init(title: "CALLS", value: { String($0.calls) }),
        .init(title: "STATUSES", value: { $0.statuses.map { "\($0.code.name) \($0.count)" }.joined(separator: ", ") }, wraps: true),
        .init(title: "P50 µs", value: { String($0.latency?.p50Us ?? 0) }),
        .init(title: "P99 µs", value: { String($0.latency?.p99Us ?? 0) }),
        .init(title: "MAX µs", value: { String($0.latency?.maxUs ?? 0) }),
      ])
    }
  }
}
