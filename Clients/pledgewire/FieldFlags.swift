/// The command-line flags that set a request's fields, so that a server's INVALID_ARGUMENT names the flag to fix:
/// "pledge.evidence[0].quote: does not occur in the article body" reads "--quote: does not occur in the article body
/// (pledge.evidence[0].quote)".
struct FieldFlags: ExpressibleByDictionaryLiteral {
  /// Flags by field path without indices ("pledge.evidence.quote").
  let flags: [String: String]

  init(dictionaryLiteral elements: (String, String)...) {
    flags = Dictionary(elements, uniquingKeysWith: { first, _ in first })
  }

  /// `message` with its leading field path replaced by the flag that sets the field (or the nearest enclosing field
  /// one sets), the path kept in parentheses; unchanged when no flag sets it.
  func rename(_ message: String) -> String {
    guard let colon = message.range(of: ": ") else { return message }
    let path = String(message[..<colon.lowerBound])
    guard !path.contains(" ") else { return message }
    var key = path.replacing(/\[\d+\]/, with: "")
    while true {
      if let flag = flags[key] {
        return "\(flag): \(message[colon.upperBound...]) (\(path))"
      }
      guard let dot = key.lastIndex(of: ".") else { return message }
      key = String(key[..<dot])
    }
  }

  static let pledge: FieldFlags = [
    "pledge.parties": "--maker", "pledge.parties.actor_id": "--maker, --announcer or --beneficiary",
    "pledge.action": "--action", "pledge.category": "--category", "pledge.modality": "--modality",
    "pledge.condition": "--condition", "pledge.amount": "--amount", "pledge.amount.currency": "--currency",
    "pledge.quantity": "--quantity", "pledge.target": "--target", "pledge.made_at_ms": "--made", "pledge.due_at_ms": "--due",
    "pledge.evidence": "--article and --quote", "pledge.evidence.quote": "--quote", "pledge.evidence.article_id": "--article", "pledge.evidence.stance": "--stance",
    "pledge.note": "--note", "pledge.labels": "--label", "pledge.part_of_id": "--part-of", "pledge.supersedes_id": "--supersedes",
    "evidence": "--article and --quote", "evidence.quote": "--quote", "evidence.article_id": "--article", "evidence.stance": "--stance", "evidence.amount": "--amount",
    "evidence.reported_amount": "--amount", "evidence.reported_quantity": "--quantity", "pledge_id": "--as-evidence-of",
  ]

  static let actor: FieldFlags = [
    "actor.kind": "--kind", "actor.canonical_name": "--name", "actor.aliases": "--alias", "actor.role": "--role",
    "actor.country_code": "--country", "actor.affiliations": "--affiliation", "actor.external_ids": "--external-id",
    "actor.description": "--description", "actor.labels": "--label",
  ]

  static let article: FieldFlags = [
    "article.canonical_url": "--url", "article.title": "--title", "article.outlet": "--outlet", "article.byline": "--byline",
    "article.language": "--language", "article.published_at_ms": "--published", "article.dateline": "--dateline",
    "article.body": "--body-file", "article.labels": "--label",
  ]
}
