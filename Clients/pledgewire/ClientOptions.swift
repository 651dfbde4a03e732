import ArgumentParser
import Foundation
import PledgewireClient

/// The options every command that talks to a server shares, accepted before or after the subcommand
/// (``GlobalArguments`` moves them). Each falls back to its environment variable, then to the profile's setting
/// (``Profile``), then to its default.
struct ClientOptions: ParsableArguments {
  @Option(help: ArgumentHelp("The server, host:port. [PLEDGEWIRE_SERVER; default 127.0.0.1:7979]", valueName: "host:port"))
  var server: String?

  @OptionGroup var tokenOptions: TokenOptions

  @Option(help: "A profile of the config file (~/.config/pledgewire/config.toml or config.json). [PLEDGEWIRE_PROFILE]")
  var profile: String?

  @Option(help: "Seconds a call may take before it fails with DEADLINE_EXCEEDED. [PLEDGEWIRE_TIMEOUT; default 10]")
  var timeout: Double?

  @Option(
    name: [.customShort("o"), .long],
    help: ArgumentHelp("table, json (a list as one array), jsonl (one object per line) or csv. [PLEDGEWIRE_OUTPUT; default table]", valueName: "format"),
    completion: .list(Output.Format.allCases.map(\.rawValue))
  )
  var output: Output.Format?

  @Flag(help: "Short for --output json.")
  var json = false

  @Flag(help: "Short for --output csv.")
  var csv = false

  @Option(help: ArgumentHelp("The columns of a table or CSV, by title, comma-separated (e.g. id,status,action).", valueName: "a,b,c"))
  var fields: String?

  @Flag(name: [.customShort("q"), .long], help: "Print only the ids of the records, one a line.")
  var quiet = false

  func validate() throws {
    let chosen = [output.map { "--output \($0.rawValue)" }, json ? "--json" : nil, csv ? "--csv" : nil].compactMap { $0 }
    guard chosen.count <= 1 else { throw ValidationError("choose one of \(chosen.joined(separator: " and "))") }
    if let timeout, !(timeout > 0) { throw ValidationError("--timeout: must be a positive number of seconds") }
    if let fields, Output.fieldList(fields).isEmpty { throw ValidationError("--fields: name at least one column") }
    _ = try settings()
  }

  /// The settings after flags, environment and profile are combined.
  func settings() throws -> Settings {
    let environment = ProcessInfo.processInfo.environment
    func variable(_ name: String) -> String? { environment[name].flatMap { $0.isEmpty ? nil : $0 } }
    let profileName = profile ?? variable("PLEDGEWIRE_PROFILE")
    let profile = try Profile.load(named: profileName, environment: environment)
    var settings = Settings()
    settings.target = server ?? variable("PLEDGEWIRE_SERVER") ?? profile?.server ?? settings.target
    settings.token = try tokenOptions.resolved() ?? profile?.token
    if let timeout {
      settings.timeout = timeout
      settings.timeoutGiven = true
    } else if let text = variable("PLEDGEWIRE_TIMEOUT") {
      guard let seconds = Double(text), seconds > 0 else {
        throw ValidationError("PLEDGEWIRE_TIMEOUT: \"\(text)\" is not a positive number of seconds")
      }
      settings.timeout = seconds
      settings.timeoutGiven = true
    } else if let seconds = profile?.timeout {
      settings.timeout = seconds
      settings.timeoutGiven = true
    }
    if let format = output ?? (json ? .json : csv ? .csv : nil) {
      settings.format = format
    } else if let text = variable("PLEDGEWIRE_OUTPUT") {
      guard let format = Output.Format(rawValue: text) else {
        throw ValidationError("PLEDGEWIRE_OUTPUT: \"\(text)\" is not one of \(Output.Format.allCases.map(\.rawValue).joined(separator: ", "))")
      }
      settings.format = format
    } else if let format = profile?.format {
      settings.format = format
    }
    return settings
  }

  /// What the flags, environment and profile settle on.
  struct Settings {
    var target = "127.0.0.1:7979"
    var token: String?
    var timeout: Double = 10
    /// Whether a flag, variable or profile set the timeout (streams that run until stopped have none otherwise).
    var timeoutGiven = false
    var format = Output.Format.table
  }

  var target: String { (try? settings().target) ?? Settings().target }

  /// The call's deadline (the token goes with every call through the client's configuration).
  var callOptions: CallOptions {
    let settings = (try? settings()) ?? Settings()
    return CallOptions(timeout: .milliseconds(Int64(settings.timeout * 1_000)))
  }

  /// ``callOptions`` for a stream that runs until stopped (a Watch): a deadline only when one was asked for.
  var streamOptions: CallOptions {
    var options = callOptions
    if (try? settings().timeoutGiven) != true {
      options.timeout = nil
    }
    return options
  }

  /// How results are printed.
  var printer: Output {
    let settings = (try? settings()) ?? Settings()
    return Output(format: settings.format, fields: fields.map(Output.fieldList), quiet: quiet)
  }

  /// Connects, runs `body`, and turns an RPCError into "error: CODE: message" on standard error and the exit status
  /// of ``ExitStatus``; a refused connection adds a hint on how to start a server.
  /// `flags` name the flags that set the request's fields, for INVALID_ARGUMENT (see ``FieldFlags``).
  func run(flags: FieldFlags = [:], _ body: (PledgewireClient, Output) async throws -> Void) async throws {
    let output = printer
    let target = self.target
    do {
      let client = try await PledgewireClient.connect(
        to: target, configuration: ClientConfiguration(connectTimeout: .seconds(5), token: try settings().token)
      )
      defer { client.close() }
      try await body(client, output)
    } catch let error as RPCError {
      output.fail(error, flags: flags)
      if error.code == .unavailable && error.message.contains("cannot connect") {
        Output.standardError("""
          hint: is the server running? Start one with `pledgewire-server --db pledgewire.sqlite --port \
          \(target.split(separator: ":").last ?? "7979")`, or point --server, PLEDGEWIRE_SERVER or --profile at one
          """)
      }
      throw ExitStatus.of(error)
    }
  }
}
