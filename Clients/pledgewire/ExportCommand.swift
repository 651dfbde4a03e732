import ArgumentParser
import Foundation
import PledgewireClient

/// `pledgewire export`: every record of a kind, all pages, as JSON lines (the proto3 JSON mapping, which any
/// protobuf library reads back, and `pledgewire import` re-imports) or as flat CSV for people and spreadsheets.
struct ExportCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "export",
    abstract: "Export every pledge, actor or article as JSON lines or CSV; or every pledge's history as CSV rows.",
    discussion: """
      JSON lines hold one record per line in the proto3 JSON mapping (lowerCamel names, int64 as strings, enums by
      name), so that any protobuf library reads them back and pledgewire import re-imports them. CSV is flat and
      human-ready: names beside ids, dates in ISO-8601, the condition in its own columns, the evidence count and the
      first and latest source; `export history` gives one row per status change. Merged duplicates are not exported
      as records: the survivor lists them in mergedIds, and an import maps them to the survivor.
      Example:
        pledgewire export actors --file actors.jsonl
        pledgewire export pledges --format csv --file pledges.csv
        pledgewire export history --csv --file history.csv
      """
  )

  enum Kind: String, ExpressibleByArgument, CaseIterable {
    case pledges, actors, articles, history
  }

  enum Format: String, ExpressibleByArgument, CaseIterable {
    case jsonl, csv
  }

  @Argument(help: "pledges, actors, articles or history.") var kind: Kind
  @Option(help: "jsonl or csv (--csv and --output csv mean csv too). [default jsonl]") var format: Format?
  @Option(help: "The file to write; standard output when absent.") var file: String?
  @Option(help: "Only records with this label.") var label = ""
  @OptionGroup var options: ClientOptions

  /// --format, else the shared --output (csv or JSON lines).
  var chosenFormat: Format {
    format ?? (options.printer.format == .csv ? .csv : .jsonl)
  }

  func validate() throws {
    if kind == .history && chosenFormat == .jsonl {
      throw ValidationError("history is exported as CSV (--format csv); JSON lines of pledges hold their history")
    }
  }

  func run() async throws {
    let sink = try LineSink(path: file)
    let format = chosenFormat
    let progress = Progress(kind: kind.rawValue)
    try await options.run { client, _ in
      let exporter = Exporter(client: client, options: options.callOptions, label: label, progress: progress)
      switch (kind, format) {
      case (.actors, .jsonl):
        try await exporter.actors { for actor in $0 { sink.write(actor.jsonString()) } }
      case (.articles, .jsonl):
        try await exporter.articles(full: true) { for article in $0 { sink.write(article.jsonString()) } }
      case (.pledges, .jsonl):
        try await exporter.pledges { for pledge in $0 { sink.write(pledge.jsonString()) } }
      case (.actors, .csv):
        let names = try await exporter.actorNames()
        sink.write(CSVRows.actorHeader)
        try await exporter.actors { for actor in $0 { sink.write(CSVRows.actor(actor, names)) } }
      case (.articles, .csv):
        let names = try await exporter.actorNames()
        sink.write(CSVRows.articleHeader)
        try await exporter.articles(full: true) { for article in $0 { sink.write(CSVRows.article(article, names)) } }
      case (.pledges, .csv):
        let names = try await exporter.actorNames()
        let sources = try await exporter.sources()
        sink.write(CSVRows.pledgeHeader)
        try await exporter.pledges { for pledge in $0 { sink.write(CSVRows.pledge(pledge, names, sources)) } }
      case (.history, _):
        let sources = try await exporter.sources()
        sink.write(CSVRows.historyHeader)
        try await exporter.pledges { pledges in
          for pledge in pledges {
            for change in pledge.history { sink.write(CSVRows.history(change, of: pledge, sources)) }
          }
        }
      }
    }
    sink.close()
    progress.finish()
  }
}

/// Reads every page of a kind of record.
struct Exporter {
  let client: PledgewireClient
  let options: CallOptions
  let label: String
  let progress: Progress

  func actors(_ page: ([Actor]) throws -> Void) async throws {
    var request = ListActorsRequest(pageSize: 1_000, label: label)
    repeat {
      let response = try await client.actor.listActors(request, options: options)
      try page(response.actors)
      progress.add(response.actors.count)
      request.pageToken = response.nextPageToken
    } while !request.pageToken.isEmpty
  }

  func articles(full: Bool, _ page: ([Article]) throws -> Void) async throws {
    var request = ListArticlesRequest(view: full ? .full : .basic, pageSize: full ? 200 : 1_000, label: label)
    repeat {
      let response = try await client.article.listArticles(request, options: options)
      try page(response.articles)
      progress.add(response.articles.count)
      request.pageToken = response.nextPageToken
    } while !request.pageToken.isEmpty
  }

  func pledges(_ page: ([Pledge]) throws -> Void) async throws {
    var request = ListPledgesRequest(filter: PledgeFilter(label: label), pageSize: 1_000)
    repeat {
      let response = try await client.pledge.listPledges(request, options: options)
      try page(response.pledges)
      progress.add(response.pledges.count)
      request.pageToken = response.nextPageToken
    } while !request.pageToken.isEmpty
  }

  /// Every actor's name by id.
  func actorNames() async throws -> [Int64: String] {
    var names: [Int64: String] = [:]
    var request = ListActorsRequest(pageSize: 1_000)
    repeat {
      let response = try await client.actor.listActors(request, options: options)
      for actor in response.actors { names[actor.id] = actor.canonicalName }
      request.pageToken = response.nextPageToken
    } while !request.pageToken.isEmpty
    return names
  }

  /// Every article without its body, by id: the sources evidence cites.
  func sources() async throws -> [Int64: Article] {
    var articles: [Int64: Article] = [:]
    var request = ListArticlesRequest(view: .basic, pageSize: 1_000)
    repeat {
      let response = try await client.article.listArticles(request, options: options)
      for article in response.articles { articles[article.id] = article }
      request.pageToken = response.nextPageToken
    } while !request.pageToken.isEmpty
    return articles
  }
}

/// Lines to a file or standard output, buffered.
final class LineSink {
  private let handle: FileHandle
  private let closes: Bool
  private var buffer = Data()

  init(path: String?) throws {
    if let path, path != "-" {
      guard FileManager.default.createFile(atPath: path, contents: nil), let handle = FileHandle(forWritingAtPath: path) else {
        throw ValidationError("--file: cannot write \(path)")
      }
      self.handle = handle
      closes = true
    } else {
      handle = FileHandle.standardOutput
      closes = false
    }
  }

  func write(_ line: String) {
    buffer.append(contentsOf: Array(line.utf8))
    buffer.append(0x0a)
    if buffer.count >= 1 << 16 {
      flush()
    }
  }

  func flush() {
    handle.write(buffer)
    buffer.removeAll(keepingCapacity: true)
  }

  func close() {
    flush()
    if closes {
      try? handle.close()
    }
  }
}

/// "exporting pledges: 12,000" on standard error, rewritten in place, when standard error is a terminal.
final class Progress {
  private let kind: String
  private let shown = isatty(STDERR_FILENO) == 1
  private var count = 0

  init(kind: String) {
    self.kind = kind
  }

  func add(_ records: Int) {
    count += records
    if shown {
      FileHandle.standardError.write(Data("\rexporting \(kind): \(count)".utf8))
    }
  }

  func finish() {
    if shown {
      FileHandle.standardError.write(Data("\rexported \(kind): \(count)\n".utf8))
    }
  }
}
