import ArgumentParser
import Foundation
import PledgewireClient

/// Prints results as an aligned table, JSON, JSON lines or CSV (with the columns `--fields` chooses, or only ids with
/// `--quiet`), and errors on standard error.
struct Output: Sendable {
  /// `--output`: how records are printed.
  enum Format: String, Sendable, CaseIterable, ExpressibleByArgument {
    /// Aligned columns for people.
    case table
    /// A record as one JSON object; a list as one JSON array; a stream's events one object a line.
    case json
    /// One JSON object a line, lists and streams alike.
    case jsonl
    /// A header row, then a row a record.
    case csv
  }

  /// A column of a table or CSV.
  struct Column<Row>: Sendable {
    let title: String
    let value: @Sendable (Row) -> String
    /// Long values wrap in this column instead of widening the table.
    var wraps = false
  }

  let format: Format
  /// The columns to print, by title (case-insensitive), from `--fields`; nil: all.
  var fields: [String]? = nil
  /// Print only ids (`--quiet`).
  var quiet = false

  /// Whether records print as JSON (json or jsonl).
  var isJSON: Bool { format == .json || format == .jsonl }

  /// "a, B ,c" as ["a", "b", "c"].
  static func fieldList(_ text: String) -> [String] {
    text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }.filter { !$0.isEmpty }
  }

  /// The columns `--fields` chooses, in its order; a usage error naming --fields for a title no column has.
  func chosen<Row>(_ columns: [Column<Row>]) -> [Column<Row>] {
    guard let fields else { return columns }
    return fields.map { field in
      guard let column = columns.first(where: { $0.title.lowercased() == field }) else {
        Self.standardError("error: --fields: no column \"\(field)\" here; columns: \(columns.map { $0.title.lowercased() }.joined(separator: ","))")
        exit(ExitStatus.usage.rawValue)
      }
      return column
    }
  }

  /// The fields of a record `--fields` chooses, in its order.
  private func chosen(_ fields: [(String, String)]) -> [(String, String)] {
    chosen(fields.map { field in Column<Void>(title: field.0, value: { _ in field.1 }) }).map { ($0.title, $0.value(())) }
  }

  /// The id column: the one titled ID, else the first.
  private func idColumn<Row>(_ columns: [Column<Row>]) -> Column<Row>? {
    columns.first { $0.title.lowercased() == "id" } ?? columns.first
  }
  /// One record: "field  value" lines in a table; one JSON object; a CSV header and row.
  func record<M: Encodable>(_ message: M, _ fields: [(String, String)]) {
    if quiet {
      if let id = fields.first(where: { $0.0.lowercased() == "id" }) ?? fields.first { print(id.1) }
      return
    }
    let fields = chosen(fields)
    switch format {
    case .json, .jsonl:
      print(Self.json(message))
    case .csv:
      print(fields.map { Self.csvField($0.0) }.joined(separator: ","))
      print(fields.map { Self.csvField($0.1) }.joined(separator: ","))
    case .table:
      let rows = fields.filter { !$0.1.isEmpty }
      print(Table(columns: [("", false), ("", true)], rows: rows.map { [$0.0, $0.1] }, header: false).render(width: Terminal.width))
    }
  }

  /// Many records of one kind.
  func list<Row: Encodable>(_ rows: [Row], _ columns: [Column<Row>], empty: String = "(none)") {
    if quiet {
      if let id = idColumn(columns) { for row in rows { print(id.value(row)) } }
      return
    }
    let columns = chosen(columns)
    switch format {
    case .json:
      print("[" + rows.map { Self.json($0) }.joined(separator: ",\n") + "]")
    case .jsonl:
      for row in rows {
        print(Self.json(row))
      }
    case .csv:
      print(columns.map { Self.csvField($0.title) }.joined(separator: ","))
      for row in rows {
        print(columns.map { Self.csvField($0.value(row)) }.joined(separator: ","))
      }
    case .table:
      if rows.isEmpty {
        print(empty)
        return
      }
      let table = Table(columns: columns.map { ($0.title, $0.wraps) }, rows: rows.map { row in columns.map { $0.value(row) } })
      print(table.render(width: Terminal.width))
    }
  }

  /// One event of a stream, printed as it arrives.
  func event<Row: Encodable>(_ row: Row, _ columns: [Column<Row>]) {
    if quiet {
      if let id = idColumn(columns) { print(id.value(row)) }
      Terminal.flush()
      return
    }
    let columns = chosen(columns)
    switch format {
    case .json, .jsonl:
      print(Self.json(row))
    case .csv, .table:
      print(columns.map { format == .csv ? Self.csvField($0.value(row)) : $0.value(row) }.joined(separator: format == .csv ? "," : "  "))
    }
    Terminal.flush()
  }

  /// A line for people (not printed with --json or --csv).
  func note(_ text: String) {
    if format == .table && !quiet {
      print(text)
    }
  }

  /// The token of the next page: after the table, or on standard error with --json, --csv or --quiet, where
  /// standard output holds only records.
  func nextPage(_ token: String) {
    guard !token.isEmpty else { return }
    if format == .table && !quiet {
      print("next page: --page-token \(token)")
    } else {
      Self.standardError("next page: --page-token \(token)")
    }
  }

  /// A warning on standard error: "warning: SAME_CONTENT: the same body is article 12".
  func warn(_ text: String) {
    Self.standardError("warning: \(text)")
  }

  static func standardError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
  }

  /// "error: STATUS: message" on standard error, and the field violations the message does not name; with
  /// `flags`, an INVALID_ARGUMENT message names the flag that sets the field.
  func fail(_ error: RPCError, flags: FieldFlags = [:]) {
    let message = error.code == .invalidArgument ? flags.rename(error.message) : error.message
    var text = "error: \(error.code.name): \(message)\n"
    for violation in error.details?.fieldViolations ?? [] where !error.message.hasPrefix(violation.field + ":") {
      text += "  \(violation.field): \(violation.description)\n"
    }
    FileHandle.standardError.write(Data(text.utf8))
  }

  static func json(_ value: some Encodable) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    guard let data = try? encoder.encode(value) else { return "{}" }
    return String(decoding: data, as: UTF8.self)
  }

  static func csvField(_ value: String) -> String {
    guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
    return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }
}

extension Terminal {
  /// Sends buffered standard output now, so that streamed events appear as they arrive.
  static func flush() {
    fflush(nil)
  }
}

/// The terminal's width, or 120 when the output is not a terminal (COLUMNS wins when set).
enum Terminal {
  static var width: Int {
    if let columns = ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init), columns > 20 {
      return columns
    }
    var size = winsize()
    if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0 && size.ws_col > 20 {
      return Int(size.ws_col)
    }
    return 120
  }
}
