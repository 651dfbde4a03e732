import PledgewireClient

/// The flat CSV of `pledgewire export`: one header, one row per record, names beside ids, ISO-8601 dates.
enum CSVRows {
  static func row(_ values: [String]) -> String {
    values.map(Output.csvField).joined(separator: ",")
  }

  static func names(_ ids: [Int64], _ names: [Int64: String]) -> String {
    ids.map { names[$0] ?? "actor \($0)" }.joined(separator: "; ")
  }

  static func ids(_ ids: [Int64]) -> String {
    ids.map(String.init).joined(separator: " ")
  }

  // MARK: Pledges

  static let pledgeHeader = row([
    "id", "made", "due", "status", "category", "modality", "action", "makers", "maker_ids", "makers_incomplete", "opted_out",
    "announcers", "announcer_ids", "beneficiaries", "beneficiary_ids", "condition", "condition_state", "amount", "currency",
    "amount_qualifier", "amount_period", "quantity", "unit", "target_percent", "target_of", "evidence_count", "first_source",
    "first_source_date", "first_source_url", "latest_source", "latest_source_date", "latest_source_url", "part_of_id",
    "supersedes_id", "merged_ids", "labels", "note", "version", "updated",
  ])

  static func pledge(_ pledge: Pledge, _ names: [Int64: String], _ sources: [Int64: Article]) -> String {
    func parties(_ role: PartyRole) -> [Int64] { pledge.parties.filter { $0.role == role }.map(\.actorID) }
    let cited = pledge.evidence.compactMap { sources[$0.articleID] }.sorted { ($0.publishedAtMs, $0.id) < ($1.publishedAtMs, $1.id) }
    let first = cited.first
    let latest = cited.last
    return row([
      String(pledge.id), Dates.format(pledge.madeAtMs, pledge.madePrecision), Dates.format(pledge.dueAtMs, pledge.duePrecision),
      EnumArgument.display(pledge.status), EnumArgument.display(pledge.category),
      pledge.modality == .unspecified ? "" : EnumArgument.display(pledge.modality), pledge.action,
      self.names(parties(.maker), names), ids(parties(.maker)), pledge.makersIncomplete ? "yes" : "no",
      self.names(pledge.parties.filter(\.optedOut).map(\.actorID), names),
      self.names(parties(.announcer), names), ids(parties(.announcer)),
      self.names(parties(.beneficiary), names), ids(parties(.beneficiary)),
      pledge.condition?.text ?? "", pledge.condition.map { EnumArgument.display($0.state) } ?? "",
      pledge.amount?.amount ?? "", pledge.amount?.currency ?? "", pledge.amount.map { $0.qualifier == .unspecified ? "" : EnumArgument.display($0.qualifier) } ?? "",
      pledge.amount.map { $0.period == .unspecified ? "" : EnumArgument.display($0.period) } ?? "",
      pledge.quantity?.value ?? "", pledge.quantity?.unit ?? "", pledge.target?.percent ?? "", pledge.target?.of ?? "",
      String(pledge.evidence.count),
      first?.outlet ?? "", first.map { Dates.format($0.publishedAtMs) } ?? "", first?.canonicalURL ?? "",
      latest?.outlet ?? "", latest.map { Dates.format($0.publishedAtMs) } ?? "", latest?.canonicalURL ?? "",
      pledge.partOfID == 0 ? "" : String(pledge.partOfID), pledge.supersedesID == 0 ? "" : String(pledge.supersedesID),
      ids(pledge.mergedIDs), pledge.labels.joined(separator: "; "), pledge.note, String(pledge.version), Dates.format(pledge.updatedAtMs),
    ])
  }

  // MARK: History

  static let historyHeader = row([
    "pledge_id", "action", "at", "from", "to", "reopened", "note", "changed_by", "recorded_at", "evidence_article_id",
    "evidence_source", "evidence_stance", "evidence_quote",
  ])

  static func history(_ change: StatusChange, of pledge: Pledge, _ sources: [Int64: Article]) -> String {
    let evidence = change.evidence
    return row([
      String(pledge.id), pledge.action, Dates.format(change.atMs),
      change.fromStatus == .unspecified ? "" : EnumArgument.display(change.fromStatus), EnumArgument.display(change.toStatus),
      change.reopened ? "yes" : "no", change.note, change.changedBy, Dates.format(change.recordedAtMs),
      evidence.map { String($0.articleID) } ?? "", evidence.flatMap { sources[$0.articleID]?.outlet } ?? "",
      evidence.map { EnumArgument.display($0.stance) } ?? "", evidence?.quote ?? "",
    ])
  }

  // MARK: Actors

  static let actorHeader = row([
    "id", "kind", "name", "aliases", "role", "country", "affiliations", "external_ids", "labels", "merged_ids", "description",
    "version", "updated",
  ])

  static func actor(_ actor: Actor, _ names: [Int64: String]) -> String {
    row([
      String(actor.id), EnumArgument.display(actor.kind), actor.canonicalName, actor.aliases.joined(separator: "; "), actor.role,
      actor.countryCode,
      actor.affiliations.map { "\(EnumArgument.display($0.kind)) \(names[$0.actorID] ?? "actor") (\($0.actorID))" }.joined(separator: "; "),
      actor.externalIDs.map { "\($0.scheme):\($0.value)" }.joined(separator: "; "), actor.labels.joined(separator: "; "),
      ids(actor.mergedIDs), actor.description, String(actor.version), Dates.format(actor.updatedAtMs),
    ])
  }

  // MARK: Articles

  static let articleHeader = row([
    "id", "published", "outlet", "title", "url", "byline", "language", "dateline", "labels", "mentioned_actors", "content_hash",
    "ingested",
  ])

  static func article(_ article: Article, _ names: [Int64: String]) -> String {
    var mentioned: [Int64] = []
    for mention in article.mentions where !mentioned.contains(mention.actorID) {
      mentioned.append(mention.actorID)
    }
    return row([
      String(article.id), Dates.format(article.publishedAtMs), article.outlet, article.title, article.canonicalURL, article.byline,
      article.language, article.dateline, article.labels.joined(separator: "; "), self.names(mentioned, names), article.contentHash,
      Dates.format(article.ingestedAtMs),
    ])
  }
}
