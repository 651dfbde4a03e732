import ArgumentParser
import Foundation
import PledgewireBench
import PledgewireClient

struct BenchCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "bench",
    abstract: "Load-test a server: closed or open loop, one method or a weighted mix, with an HdrHistogram report.",
    discussion: """
      Operations: \(Operation.mixable.map(\.rawValue).joined(separator: ", ")); or any unary method with --call METHOD
      -d JSON (ghz style; a method that is not idempotent writes, so it needs an empty database or --allow-writes).
      Without seeding it calls with the actors, pledges and articles the server has.
      A run that writes (seeding, create-pledge, update-status) needs a server with an empty database, or
      --allow-writes. Everything bench creates is labelled \(SyntheticData.label); --delete-seeded deletes it.

      Examples:
        pledgewire bench --seed-actors 10000 --method get-actor --connections 4 \\
          --concurrency 256 --duration 10
        pledgewire bench --mix get-actor=80,list-pledges=15,create-pledge=5 \\
          --rate 20000 --duration 30 --json
        pledgewire bench --call PledgeService/GetPledge -d '{"id": 1}' \\
          --concurrency 64 --duration 10
        pledgewire bench --delete-seeded
      """
  )

  @Option(help: "The server, host:port. [PLEDGEWIRE_SERVER, default 127.0.0.1:7979]") var server: String?
  @Option(help: "TCP connections.") var connections = 1
  @Option(help: "Calls in flight at once.") var concurrency = 16
  @Option(help: "Seconds to measure (default 10 unless --requests).") var duration: Double?
  @Option(help: "Calls to measure, instead of --duration.") var requests: Int?
  @Option(help: "Seconds of calls before measuring.") var warmup: Double = 1
  @Option(help: "Open loop: calls per second, latency measured from the scheduled send time.") var rate: Double?
  @Option(help: "Each call's deadline in seconds.") var timeout: Double = 5
  @Option(help: "One operation to call.") var method: String?
  @Option(help: "A weighted mix, e.g. get-actor=80,list-pledges=15,create-pledge=5.") var mix: String?
  @Option(help: ArgumentHelp("Instead of an operation: any unary method, e.g. PledgeService/GetPledge, with -d.", valueName: "method")) var call: String?
  @Option(
    name: [.customShort("d"), .customLong("data")],
    help: ArgumentHelp("The request of --call: JSON (proto3 mapping), @FILE, or @- for standard input.", valueName: "json|@file|@-")
  ) var data: String?
  @Option(help: "Actors to create first.") var seedActors = 0
  @Option(help: "Articles to create first.") var seedArticles = 0
  @Option(help: "Pledges to create first (needs actors and articles).") var seedPledges = 0
  @Option(help: "Instead of calls: read this many events of a Watch replaying the event log, and report events/s; --timeout is the whole Watch's deadline.") var watchReplay: Int?
  @Flag(help: "Seed and write even into a server whose database holds data bench did not create.") var allowWrites = false
  @Flag(help: "Instead of a load test: delete every pledge, article and actor labelled \(SyntheticData.label).") var deleteSeeded = false
  @Flag(help: "No progress line.") var quiet = false
  @Flag(help: "Print the report as JSON.") var json = false
  @Flag(help: "Print the report as CSV.") var csv = false
  @OptionGroup var tokenOptions: TokenOptions

  func makeConfiguration(call unaryCall: UnaryCall? = nil) throws -> BenchConfiguration {
    guard [method, mix, call].compactMap({ $0 }).count <= 1 else { throw ValidationError("give one of --method, --mix and --call") }
    guard data == nil || call != nil else { throw ValidationError("-d: gives the request of --call; add --call METHOD") }
    guard !(json && csv) else { throw ValidationError("choose one of --json and --csv") }
    guard !(duration != nil && requests != nil) else { throw ValidationError("give --duration or --requests, not both") }
    let configuration = BenchConfiguration(
      target: server ?? ProcessInfo.processInfo.environment["PLEDGEWIRE_SERVER"].flatMap { $0.isEmpty ? nil : $0 } ?? "127.0.0.1:7979",
      connections: connections, concurrency: concurrency,
      duration: requests == nil ? .milliseconds(Int64((duration ?? 10) * 1_000)) : nil, requests: requests,
      warmup: .milliseconds(Int64(warmup * 1_000)), rate: rate, timeout: .milliseconds(Int64(timeout * 1_000)),
      mix: try Mix(parsing: mix ?? method ?? "get-actor"),
      seedActors: seedActors, seedArticles: seedArticles, seedPledges: seedPledges, progress: !quiet, allowWrites: allowWrites,
      call: unaryCall, token: try tokenOptions.resolved()
    )
    try configuration.validate()
    return configuration
  }

  /// The method and request of --call, read through the generated types' JSON mapping.
  func unaryCall() throws -> UnaryCall? {
    guard let call else { return nil }
    let method = try MethodName.resolve(call, argument: "--call")
    guard method.kind == .unary else { throw ValidationError("--call: \(call) is not unary; bench calls unary methods") }
    guard let input = ServiceCatalog.messages[method.inputType], let output = ServiceCatalog.messages[method.outputType] else {
      throw ValidationError("--call: \(call) has no message types in this build's schema")
    }
    let (text, source) = try RequestText.read(argument: nil, data: data ?? "{}")
    return UnaryCall(method: method, request: try RequestText.decode(input, text, source), responseType: output)
  }

  func validate() throws {
    do {
      _ = try makeConfiguration()
      if let call {
        let method = try MethodName.resolve(call, argument: "--call")
        guard method.kind == .unary else { throw ValidationError("--call: \(call) is not unary; bench calls unary methods") }
      }
    } catch let error as BenchError {
      throw ValidationError(error.description)
    }
  }

  func run() async throws {
    let configuration = try makeConfiguration(call: try unaryCall())
    do {
      if deleteSeeded {
        let client = try await PledgewireClient.connect(to: configuration.target, configuration: ClientConfiguration(token: configuration.token))
        defer { client.close() }
        let deletion = try await SeededData.delete(client, progress: quiet ? nil : BenchRunner.standardError)
        print("deleted \(deletion.pledges) pledges, \(deletion.articles) articles and \(deletion.actors) actors labelled \(SyntheticData.label)")
        for failure in deletion.failures {
          FileHandle.standardError.write(Data("not deleted: \(failure)\n".utf8))
        }
        if !deletion.failures.isEmpty {
          throw ExitCode(1)
        }
        return
      }
      if let watchReplay {
        let result = try await WatchReplay.run(target: configuration.target, events: watchReplay, timeout: .milliseconds(Int64(timeout * 1_000)), token: configuration.token)
        print(json ? "{\"events\": \(result.events), \"seconds\": \(result.seconds), \"events_per_second\": \(Int(result.eventsPerSecond))}"
          : "\(result.events) events in \(String(format: "%.2f", result.seconds)) s: \(Int(result.eventsPerSecond)) events/s")
        return
      }
      let report = try await BenchRunner(configuration: configuration).run()
      print(json ? report.json : csv ? report.csv : report.text)
    } catch let error as RPCError {
      FileHandle.standardError.write(Data("error: \(error)\n".utf8))
      throw ExitStatus.of(error)
    } catch let error as BenchError {
      FileHandle.standardError.write(Data("error: \(error)\n".utf8))
      throw ExitCode(1)
    }
  }
}
