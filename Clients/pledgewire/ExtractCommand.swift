import ArgumentParser
import Foundation
import PledgewireClient

/// `pledgewire extract`: what the server's extractor finds in a text, stored nowhere.
struct ExtractCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "extract",
    abstract: "Show the actors and candidate pledges the server's extractor finds in a text; nothing is stored.",
    discussion: """
      FILE holds the text (an article body); - reads standard input. With --json, one object in the shape
      scripts/eval-extraction scores: {"mentions":[{"text","start","end","actor","kind","confidence",…}],
      "candidates":[{"quote","start","end","makers","announcers","beneficiaries","action","category","modality",
      "condition","amount":{"value","currency","qualifier"},"confidence",…}]}, ranges in Unicode scalars of the text.
      Example:
        echo "Norway will send 200 engineers to Kenya, its defence minister said." | pledgewire extract -
      """
  )
  @Argument(help: "A file holding the text, or - for standard input.") var file: String
  @Option(help: "When the text was published (dates \"by next year\"); default: now.") var published: String?
  @OptionGroup var options: ClientOptions

  func run() async throws {
    let text = try Self.read(file, argument: "FILE")
    let publishedAt = try published.map { try Dates.milliseconds($0, option: "--published") } ?? 0
    try await options.run { client, output in
      let response = try await client.extraction.extract(ExtractRequest(text: text, publishedAtMs: publishedAt), options: options.callOptions)
      if output.format == .json {
        print(Self.scorerJSON(response))
        return
      }
      output.list(response.mentions, Self.mentionColumns, empty: "no actors found")
      output.note("")
      output.list(response.candidates, ReviewCommand.candidateColumns, empty: "no candidate pledges found")
    }
  }

  /// The text of `file`, or of standard input for "-".
  static func read(_ file: String, argument: String) throws -> String {
    if file == "-" {
      return String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
    }
    guard let text = try? String(contentsOfFile: file, encoding: .utf8) else {
      throw ValidationError("\(argument): cannot read \(file)")
    }
    return text
  }

  static let mentionColumns: [Output.Column<ExtractedMention>] = [
    .init(title: "TEXT", value: { $0.text }, wraps: true),
    .init(title: "AT", value: { "\($0.range?.start ?? 0)-\($0.range?.end ?? 0)" }),
    .init(title: "ACTOR", value: { $0.actorName + ($0.actorID != 0 ? " (\($0.actorID))" : $0.proposed ? " [new]" : "") }, wraps: true),
    .init(title: "KIND", value: { EnumArgument.display($0.kind) }),
    .init(title: "CONF", value: { String(format: "%.2f", $0.confidence) }),
  ]

  /// The object of `--json`: the schema's fields under the names the dev set's scorer reads, lower-case enums.
  static func scorerJSON(_ response: ExtractResponse) -> String {
    func name(_ value: some ProtobufEnum) -> String { value.name.lowercased() }
    func names(_ parties: [CandidateParty]) -> [String] { parties.map(\.name) }
    let mentions: [[String: Any]] = response.mentions.map { mention in
      [
        "text": mention.text, "start": mention.range?.start ?? 0, "end": mention.range?.end ?? 0, "actor": mention.actorName,
        "actor_id": mention.actorID == 0 ? NSNull() : mention.actorID as Any, "kind": name(mention.kind),
        "proposed": mention.proposed, "confidence": mention.confidence, "explanation": mention.rules,
      ]
    }
    let candidates: [[String: Any]] = response.candidates.map { candidate in
      [
        "quote": candidate.quote, "start": candidate.range?.start ?? 0, "end": candidate.range?.end ?? 0,
        "makers": names(candidate.makers), "makers_incomplete": candidate.makersIncomplete,
        "announcers": names(candidate.announcers), "beneficiaries": names(candidate.beneficiaries), "action": candidate.action,
        "category": name(candidate.category), "modality": name(candidate.modality),
        "condition": candidate.condition.isEmpty ? NSNull() : candidate.condition as Any,
        "amount": candidate.amount.map { amount -> Any in
          ["value": amount.amount, "currency": amount.currency, "qualifier": name(amount.qualifier), "period": name(amount.period)]
        } ?? NSNull(),
        "quantity": candidate.quantity.map { ["value": $0.value, "unit": $0.unit, "qualifier": name($0.qualifier)] as Any } ?? NSNull(),
        "target": candidate.target.map { ["percent": $0.percent, "of": $0.of, "qualifier": name($0.qualifier)] as Any } ?? NSNull(),
        "deadline": candidate.dueAtMs == 0 ? NSNull() : ["ms": candidate.dueAtMs, "precision": name(candidate.duePrecision)] as Any,
        "confidence": candidate.confidence, "explanation": candidate.rules,
      ]
    }
    let object: [String: Any] = ["mentions": mentions, "candidates": candidates, "extractor": response.extractor]
    guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]) else { return "{}" }
    return String(decoding: data, as: UTF8.self)
  }
}
