import ArgumentParser
import Foundation
import PledgewireClient

/// `pledgewire import`: JSON lines files written by `pledgewire export` (or by any protobuf library, in the proto3
/// JSON mapping), streamed through the client-streaming Import calls.
struct ImportCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "import",
    abstract: "Import actors, articles and pledges from JSON lines files, reporting failures by line.",
    discussion: """
      Each file holds one kind of record, found from its first line (or --kind). Files are imported actors first,
      then articles, then pledges, so that the ids a later file refers to are known: the server gives every record
      a new id, and references between the files — parties, quotes, mentions, affiliations, links between pledges —
      are carried over to the new ids. A reference to a merged duplicate lands on the survivor. A reference to an
      id that none of the files holds is kept as it is (a record already on the server).
      Example:
        pledgewire import actors.jsonl articles.jsonl pledges.jsonl
      """
  )

  @Argument(help: "JSON lines files.") var files: [String]
  @Option(help: "actors, articles or pledges: the kind of every file, instead of finding it from the first line.") var kind: ImportPlan.Kind?
  @OptionGroup var options: ClientOptions

  func validate() throws {
    guard !files.isEmpty else { throw ValidationError("name at least one file") }
  }

  func run() async throws {
    var loaded: [(file: String, kind: ImportPlan.Kind, lines: [(number: Int, text: String)])] = []
    for file in files {
      guard let data = FileManager.default.contents(atPath: file) else {
        throw ValidationError("\(file): cannot read it")
      }
      let lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).enumerated()
        .map { (number: $0.offset + 1, text: String($0.element)) }
        .filter { !$0.text.trimmingCharacters(in: .whitespaces).isEmpty }
      guard let found = try kind ?? ImportPlan.Kind.detect(lines.first?.text) else {
        throw ValidationError("\(file): cannot tell what it holds from its first line; give --kind")
      }
      loaded.append((file, found, lines))
    }
    loaded.sort { $0.kind.order < $1.kind.order }
    var failed = false
    try await options.run { client, output in
      var callOptions = options.callOptions
      callOptions.timeout = max(callOptions.timeout ?? .seconds(600), .seconds(600))
      var plan = ImportPlan(client: client, options: callOptions)
      for (file, kind, lines) in loaded {
        let report = try await plan.run(kind, lines)
        for failure in report.failures {
          Output.standardError("\(file):\(failure.line): \(failure.message)")
        }
        if report.omitted > 0 {
          Output.standardError("\(file): \(report.omitted) more failures not listed")
        }
        failed = failed || !report.failures.isEmpty || report.omitted > 0
        output.note("\(file): imported \(report.created) of \(lines.count) \(kind.rawValue)")
        if output.isJSON {
          print(Output.json(ImportSummary(file: file, kind: kind.rawValue, lines: lines.count, created: report.created, failed: report.failures.count + report.omitted)))
        }
      }
    }
    if failed {
      throw ExitCode(1)
    }
  }
}

/// The summary line of one file with --json.
struct ImportSummary: Encodable {
  let file: String
  let kind: String
  let lines: Int
  let created: Int
  let failed: Int
}
