import ArgumentParser
import Foundation

/// `pledgewire`: every call of a Pledgewire server from the command line.
@main
struct PledgewireCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "pledgewire",
    abstract: "Record articles, actors and the pledges they make, and follow the pledges over time.",
    discussion: """
      Talks to a pledgewire-server: --server host:port, PLEDGEWIRE_SERVER, or a profile of
      ~/.config/pledgewire/config.toml (--profile); default 127.0.0.1:7979. The shared options (--server, --token,
      --profile, --timeout, --output/-o, --json, --csv, --fields, --quiet/-q) go before or after the subcommand.
      Prints tables; --output json prints JSON (a list as one array), jsonl one object per line, csv a header and
      rows (a list's next page token then goes to standard error); --fields id,status picks columns; --quiet prints
      only ids. Dates are ISO-8601: 2025-03-02, 2025-03, 2025 or 2025-03-02T16:00Z.
      Exit statuses: 0 done; 1 the server answered with an error (on standard error as "error: STATUS: message");
      2 a usage error, naming the flag (nothing was sent); 69 the server could not be reached or did not answer
      in time.

      Examples:
        pledgewire actor resolve Kyiv
        pledgewire --json pledge list --actor 3 --affiliated
        pledgewire call pledgewire.v1.PledgeService/GetPledge -d '{"id": 4}'
      """,
    version: "0.1.0",
    subcommands: [
      ArticleCommand.self, ActorCommand.self, PledgeCommand.self, ExtractCommand.self, ReviewCommand.self, AuditCommand.self, ExportCommand.self, ImportCommand.self,
      ReportCommand.self, HealthCommand.self, ServicesCommand.self, StatsCommand.self, BenchCommand.self,
      CallCommand.self, DescribeCommand.self, CompletionsCommand.self,
    ]
  )

  /// Parses the line with the shared options moved after the subcommand (``GlobalArguments``), runs the command,
  /// and exits with the statuses of ``ExitStatus``.
  static func main() async {
    let arguments = GlobalArguments.reorder(Array(CommandLine.arguments.dropFirst()), root: Self.self)
    do {
      var command = try await asyncParseAsRoot(arguments)
      if var command = command as? AsyncParsableCommand {
        try await command.run()
      } else {
        try command.run()
      }
    } catch {
      let code = ExitStatus.code(for: error, of: Self.self)
      let message = fullMessage(for: error)
      if !message.isEmpty {
        if code == 0 {
          print(message)
        } else {
          Output.standardError(message)
        }
      }
      terminate(code)
    }
  }
}

/// Ends the process with `code` (`exit` inside a command means ArgumentParser's).
private func terminate(_ code: Int32) -> Never {
  exit(code)
}
