import ArgumentParser
import Foundation
import PledgewireClient

/// Options every command that talks to a server shares.
struct ClientOptions: ParsableArguments {
  @Option(help: "The server, host:port. [PLEDGEWIRE_SERVER, default 127.0.0.1:7979]")
  var server: String?

  @Option(help: "Seconds a call may take before it fails with DEADLINE_EXCEEDED.")
  var timeout: Double = 10

  @Flag(help: "Print JSON: one object per line for lists and streams.")
  var json = false

  @Flag(help: "Print CSV with a header row, for lists.")
  var csv = false

  func validate() throws {
    guard !(json && csv) else { throw ValidationError("choose one of --json and --csv") }
    guard timeout > 0 else { throw ValidationError("--timeout must be positive") }
  }

  var target: String {
    server ?? ProcessInfo.processInfo.environment["PLEDGEWIRE_SERVER"].flatMap { $0.isEmpty ? nil : $0 } ?? "127.0.0.1:7979"
  }

  var output: Output {
    Output(format: json ? .json : csv ? .csv : .table)
  }

  var callOptions: CallOptions {
    CallOptions(timeout: .milliseconds(Int64(timeout * 1_000)))
  }

  /// Connects, runs `body`, and turns an RPCError into "error: CODE: message" on standard error and exit status 1.
  func run(_ body: (PledgewireClient, Output) async throws -> Void) async throws {
    let output = self.output
    do {
      let client = try await PledgewireClient.connect(to: target, configuration: ClientConfiguration(connectTimeout: .seconds(5)))
      defer { client.close() }
      try await body(client, output)
    } catch let error as RPCError {
      output.fail(error)
      throw ExitCode(1)
    }
  }
}
