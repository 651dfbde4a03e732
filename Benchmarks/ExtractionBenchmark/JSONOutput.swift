import PledgewireExtraction

/// The `pledgewire extract --json` object of issue 11 (and of ../shared/extraction-dev/README.md), with extra
/// fields the scorer ignores: ids, sources, explanations, quantities, deadlines.
enum JSONOutput {
  static func render(_ extraction: Extraction) -> String {
    let mentions = extraction.mentions.map { mention in
      object([
        ("text", string(mention.text)), ("start", "\(mention.range.start)"), ("end", "\(mention.range.end)"),
        ("actor", string(mention.actor.name)), ("kind", string(mention.actor.kind.rawValue)),
        ("actor_id", mention.actor.id.map { "\($0)" } ?? "null"), ("source", string(mention.actor.source.rawValue)),
        ("confidence", number(mention.confidence)), ("explanation", array(mention.explanation.map(string))),
      ])
    }
    let candidates = extraction.candidates.map { c in
      object([
        ("quote", string(c.quote.text)), ("start", "\(c.quote.range.start)"), ("end", "\(c.quote.range.end)"),
        ("makers", array(c.makers.map { string($0.actor.name) })),
        ("announcers", array(c.announcers.map { string($0.actor.name) })),
        ("beneficiaries", array(c.beneficiaries.map { string($0.actor.name) })),
        ("action", string(c.action)), ("category", string(c.category.rawValue)),
        ("modality", string(c.modality.rawValue)), ("condition", c.condition.map { string($0.text) } ?? "null"),
        ("amount", c.amount.map { amount in
          object([
            ("value", string(amount.value)), ("currency", string(amount.currency)),
            ("qualifier", string(amount.qualifier.rawValue)),
          ])
        } ?? "null"),
        ("quantities", array(c.quantities.map { object([("value", string($0.value)), ("unit", string($0.unit))]) })),
        ("deadline", c.deadline.map { d in
          object([("ms", "\(d.ms)"), ("precision", string(d.precision.rawValue)), ("text", string(d.excerpt.text))])
        } ?? "null"),
        ("cue", string(c.cue.text)),
        ("additional_quotes", array(c.additionalQuotes.map { string($0.text) })),
        ("confidence", number(c.confidence)), ("explanation", array(c.explanation.map(string))),
      ])
    }
    return object([("mentions", array(mentions)), ("candidates", array(candidates))])
  }

  private static func object(_ fields: [(String, String)]) -> String {
    "{" + fields.map { string($0.0) + ":" + $0.1 }.joined(separator: ",") + "}"
  }

  private static func array(_ items: [String]) -> String { "[" + items.joined(separator: ",") + "]" }

  private static func number(_ value: Double) -> String {
    let rounded = (value * 1000).rounded() / 1000
    return "\(rounded)"
  }

  private static func string(_ value: String) -> String {
    var out = "\""
    for scalar in value.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      default:
        if scalar.value < 0x20 {
          let hex = String(scalar.value, radix: 16)
          out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out + "\""
  }
}
