import ArgumentParser

/// `pledgewire`: every call of a Pledgewire server from the command line.
@main
struct PledgewireCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "pledgewire",
    abstract: "Record articles, actors and the pledges they make, and follow the pledges over time.",
    discussion: """
      Talks to a pledgewire-server (--server host:port, or PLEDGEWIRE_SERVER; default 127.0.0.1:7979).
      Prints tables; --json prints one JSON object per line, --csv prints CSV (a list's next page token then goes
      to standard error). Dates are ISO-8601: 2025-03-02, 2025-03, 2025 or 2025-03-02T16:00Z. Errors go to
      standard error as "error: STATUS: message", with exit status 1; usage errors exit 64.

      Example:
        pledgewire actor resolve Kyiv
        pledgewire pledge list --actor 3 --affiliated
      """,
    version: "0.1.0",
    subcommands: [
      ArticleCommand.self, ActorCommand.self, PledgeCommand.self, ExtractCommand.self, ReviewCommand.self, AuditCommand.self, ExportCommand.self, ImportCommand.self,
      ReportCommand.self, HealthCommand.self, ServicesCommand.self, StatsCommand.self, BenchCommand.self,
    ]
  )
}
