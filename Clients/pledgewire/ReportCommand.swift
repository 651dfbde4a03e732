import ArgumentParser
import Foundation
import PledgewireClient
import PledgewireReport

/// `pledgewire report`: self-contained HTML reports built from the server's data.
struct ReportCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "report",
    abstract: "Write a self-contained HTML report: an actor's scorecard, a pledge's record, or a summary.",
    discussion: """
      The report is one HTML file with inline CSS and SVG and no script: it
      opens from disk and prints cleanly to PDF. It goes to standard output
      unless --out names a file; --open also opens it in the desktop's browser.

      Example:
        pledgewire report actor "United Kingdom" --affiliated --out uk.html
        pledgewire report pledge 4 --open
        pledgewire report summary --after 2025-01-01 > summary.html
      """,
    subcommands: [ActorScorecard.self, PledgeRecord.self, Summary.self]
  )

  struct ActorScorecard: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "actor",
      abstract: "An actor's scorecard: pledges by status, a timeline of every pledge, and the evidence.",
      discussion: "Example:\n  pledgewire report actor Starmer --out starmer.html"
    )

    @Argument(help: "The actor's id, or a name to resolve (\"Britain\", \"Zelensky\").") var actor: String
    @Flag(help: "Also the pledges of the actor's officials and members (a country and its prime minister).") var affiliated = false
    @OptionGroup var destination: ReportDestination
    @OptionGroup var client: ClientOptions

    func validate() throws { try destination.check(client) }

    func run() async throws {
      try await client.run { client, _ in
        let report = try await ReportLoader(client: client, options: self.client.callOptions)
          .actorReport(actor, includeAffiliated: affiliated, now: ReportDestination.now)
        try destination.deliver(report.html(), name: "actor-\(report.actor.id)")
      }
    }
  }

  struct PledgeRecord: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "pledge",
      abstract: "A pledge's record: history, condition, figures by source, merged duplicates, sub-pledges, evidence.",
      discussion: "Example:\n  pledgewire report pledge 4 --out pledge-4.html"
    )

    @Argument(help: "The pledge's id.") var id: Int64
    @OptionGroup var destination: ReportDestination
    @OptionGroup var client: ClientOptions

    func validate() throws {
      guard id > 0 else { throw ValidationError("<id>: must be a pledge id (a positive number)") }
      try destination.check(client)
    }

    func run() async throws {
      try await client.run { client, _ in
        let report = try await ReportLoader(client: client, options: self.client.callOptions).pledgeReport(id, now: ReportDestination.now)
        try destination.deliver(report.html(), name: "pledge-\(report.pledge.id)")
      }
    }
  }

  struct Summary: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Pledges by category and status per month, top makers, pledges overdue or due soon.",
      discussion: "Example:\n  pledgewire report summary --after 2025-01-01 --category military-aid"
    )

    @Option(help: "Pledges made at or after this time (2025-03-02, 2025-03, 2025 or 2025-03-02T16:00Z).") var after: String?
    @Option(help: "Pledges made before this time.") var before: String?
    @Option(help: "Category (repeatable): \(EnumArgument.choices(PledgeCategory.self)).", completion: EnumArgument.completion(PledgeCategory.self)) var category: [String] = []
    @Option(help: "Open pledges falling due within this many days are listed as due soon.") var dueWithin = 90
    @OptionGroup var destination: ReportDestination
    @OptionGroup var client: ClientOptions

    func validate() throws {
      guard (1...3_660).contains(dueWithin) else { throw ValidationError("--due-within: must be 1...3660 days") }
      let after = try after.map { try Dates.milliseconds($0, option: "--after") }
      let before = try before.map { try Dates.milliseconds($0, option: "--before") }
      if let after, let before, after >= before { throw ValidationError("--before: must be later than --after") }
      _ = try categories()
      try destination.check(client)
    }

    func categories() throws -> [PledgeCategory] {
      try category.map { try EnumArgument.parse($0, option: "--category") }
    }

    func run() async throws {
      let after = try after.map { try Dates.milliseconds($0, option: "--after") }
      let before = try before.map { try Dates.milliseconds($0, option: "--before") }
      let categories = try categories()
      try await client.run { client, _ in
        let report = try await ReportLoader(client: client, options: self.client.callOptions)
          .summaryReport(after: after, before: before, categories: categories, dueWithinDays: dueWithin, now: ReportDestination.now)
        try destination.deliver(report.html(), name: "summary")
      }
    }
  }
}

/// Where a report goes: standard output, a file, and the desktop's browser.
struct ReportDestination: ParsableArguments {
  @Option(help: "Write the report to this file instead of standard output.") var out: String?
  @Flag(help: "Open the report with xdg-open where a desktop exists (without --out it is written to a temporary file).") var open = false

  static var now: Int64 { Int64(Date().timeIntervalSince1970 * 1_000) }

  func check(_ client: ClientOptions) throws {
    guard !client.json && !client.csv && client.output == nil else {
      throw ValidationError("a report is HTML: --json, --csv and --output do not apply")
    }
    if let out, out.isEmpty { throw ValidationError("--out: give a file name") }
  }

  /// Writes the report (atomically, so a failed write leaves any earlier file whole) and opens it when asked.
  func deliver(_ html: String, name: String) throws {
    let path = out ?? (open ? FileManager.default.temporaryDirectory.appendingPathComponent("pledgewire-\(name)-\(Self.now).html").path : nil)
    guard let path else {
      FileHandle.standardOutput.write(Data(html.utf8))
      return
    }
    do {
      try Data(html.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
    } catch {
      throw Self.fail("--out: cannot write \(path): \((error as NSError).localizedDescription)")
    }
    if open {
      try Self.openOnDesktop(path)
    }
  }

  /// Runs xdg-open on the file, or explains why it cannot.
  static func openOnDesktop(_ path: String) throws {
    let environment = ProcessInfo.processInfo.environment
    guard !(environment["DISPLAY"] ?? "").isEmpty || !(environment["WAYLAND_DISPLAY"] ?? "").isEmpty else {
      throw fail("--open: no desktop here (neither DISPLAY nor WAYLAND_DISPLAY is set); the report is in \(path)")
    }
    let searchPath = (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
    guard let opener = searchPath.map({ "\($0)/xdg-open" }).first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
      throw fail("--open: xdg-open is not installed (Debian: xdg-utils); the report is in \(path)")
    }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: opener)
    process.arguments = [path]
    do {
      try process.run()
      process.waitUntilExit()
    } catch {
      throw fail("--open: cannot run \(opener): \(error); the report is in \(path)")
    }
    guard process.terminationStatus == 0 else {
      throw fail("--open: xdg-open exited with status \(process.terminationStatus); the report is in \(path)")
    }
  }

  /// Prints "error: message" on standard error; the command exits with status 1.
  private static func fail(_ message: String) -> ExitCode {
    FileHandle.standardError.write(Data("error: \(message)\n".utf8))
    return ExitCode(1)
  }
}
