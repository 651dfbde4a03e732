import ArgumentParser
import PledgewireClient

/// `pledgewire audit`: the audit log, oldest first; `pledge audit`, `actor audit` and `article audit` show one
/// record's.
struct AuditCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "audit",
    abstract: "Show the audit log: every write, who made it, when, through which call, with versions before and after.",
    discussion: """
      Example:
        pledgewire audit --principal anonymous --after 2025-03-01
        pledgewire audit --type pledge --id 4
      """
  )
  @Option(help: "article, actor, pledge or candidate.") var type: String?
  @Option(help: "One record's entries (with --type).") var id: Int64 = 0
  @Option(help: "Only this caller's writes.") var principal = ""
  @Option(help: "At or after this date.") var after: String?
  @Option(help: "Before this date.") var before: String?
  @OptionGroup var paging: PagingOptions
  @OptionGroup var options: ClientOptions

  func run() async throws {
    let request = ListAuditEntriesRequest(
      recordType: try type.map { try EnumArgument.parse($0, option: "--type") } ?? .unspecified, recordID: id, principal: principal,
      afterMs: try after.map { try Dates.milliseconds($0, option: "--after") } ?? 0,
      beforeMs: try before.map { try Dates.milliseconds($0, option: "--before") } ?? 0
    )
    try await Self.list(request, paging, options)
  }

  /// Prints the entries `request` selects, page by page as `paging` says.
  static func list(_ request: ListAuditEntriesRequest, _ paging: PagingOptions, _ options: ClientOptions) async throws {
    var request = request
    request.pageSize = paging.limit
    request.pageToken = paging.pageToken
    try await options.run { client, output in
      var entries: [AuditEntry] = []
      repeat {
        let page = try await client.audit.listAuditEntries(request, options: options.callOptions)
        entries += page.entries
        request.pageToken = page.nextPageToken
      } while paging.all && !request.pageToken.isEmpty
      output.list(entries, [
        .init(title: "AT", value: { Dates.format($0.atMs) }),
        .init(title: "RECORD", value: { "\(EnumArgument.display($0.recordType)) \($0.recordID)" }),
        .init(title: "VERSION", value: { "\($0.versionBefore == 0 ? "new" : String($0.versionBefore)) → \($0.versionAfter == 0 ? "deleted" : String($0.versionAfter))" }),
        .init(title: "WHO", value: { $0.principal }),
        .init(title: "METHOD", value: { $0.method.split(separator: "/").last.map(String.init) ?? $0.method }),
        .init(title: "SUMMARY", value: { $0.summary }, wraps: true),
      ], empty: "(no entries)")
      output.nextPage(request.pageToken)
    }
  }
}

/// Paging options of the list commands.
struct PagingOptions: ParsableArguments {
  @Option(help: "Rows per page, 1...1000.") var limit: Int32 = 50
  @Option(help: "Continue from a page token.") var pageToken = ""
  @Flag(help: "Fetch every page.") var all = false
}
