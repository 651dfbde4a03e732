import Foundation
import PledgewireExtraction

/// The `pledgewire extract --json` object of issue 11 (and of ../shared/extraction-dev/README.md), with extra
/// fields the scorer ignores: ids, sources, explanations, quantities, deadlines.
enum JSONOutput {
  static func render(_ extraction: Extraction) throws -> String {
    let object: [String: Any] = [
      "mentions": extraction.mentions.map(mention),
      "candidates": extraction.candidates.map(candidate),
    ]
    let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
    return String(decoding: data, as: UTF8.self)
  }

  private static func mention(_ mention: ActorMention) -> [String: Any] {
    [
      "text": mention.text, "start": mention.range.start, "end": mention.range.end, "actor": mention.actor.name,
      "kind": mention.actor.kind.rawValue, "actor_id": mention.actor.id.map { $0 as Any } ?? NSNull(),
      "source": mention.actor.source.rawValue, "confidence": rounded(mention.confidence),
      "explanation": mention.explanation,
    ]
  }

  private static func candidate(_ c: PledgeCandidate) -> [String: Any] {
    [
      "quote": c.quote.text, "start": c.quote.range.start, "end": c.quote.range.end,
      "makers": c.makers.map(\.actor.name), "makers_incomplete": c.makersIncomplete,
      "announcers": c.announcers.map(\.actor.name),
      "beneficiaries": c.beneficiaries.map(\.actor.name), "action": c.action, "category": c.category.rawValue,
      "modality": c.modality.rawValue, "condition": c.condition.map { $0.text as Any } ?? NSNull(),
      "amount": c.amount.map { amount -> Any in
        [
          "value": amount.value, "currency": amount.currency, "qualifier": amount.qualifier.rawValue,
          "period": amount.period.rawValue,
        ]
      } ?? NSNull(),
      "quantities": c.quantities.map { ["value": $0.value, "unit": $0.unit, "qualifier": $0.qualifier.rawValue] },
      "target": c.target.map { t -> Any in ["percent": t.percent, "of": t.of, "qualifier": t.qualifier.rawValue] }
        ?? NSNull(),
      "deadline": c.deadline.map { d -> Any in
        ["ms": d.ms, "precision": d.precision.rawValue, "text": d.excerpt.text]
      } ?? NSNull(),
      "cue": c.cue.text, "additional_quotes": c.additionalQuotes.map(\.text), "confidence": rounded(c.confidence),
      "explanation": c.explanation,
    ]
  }

  private static func rounded(_ value: Double) -> Double { (value * 1000).rounded() / 1000 }
}
