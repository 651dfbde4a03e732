import Foundation
import PledgewireTestSupport
import PledgewireWire
import Testing

@Suite("The pledgewire command line: export and import", .serialized)
struct RoundTripCLITests {
  @Test("export → import into an empty server → export gives the same records: terms, evidence, history, links, opt-outs, merges")
  func roundTrip() throws {
    let files = try TemporaryDirectory("roundtrip")
    defer { files.remove() }
    try withSampleServer { cli in
      // A ledger with a little of everything.
      #expect(try cli("pledge", "status", "4", "in-progress", "--article", "2", "--quote", "Until then the offer stays on paper.", "--at", "2025-03-10").status == 0)
      #expect(try cli("pledge", "evidence", "4", "--article", "1", "--quote", "both have said", "--stance", "opts-out", "--party", "7",
        "--amount", "2000000000", "--currency", "USD", "--amount-text", "$2bn").status == 0)
      #expect(try cli("pledge", "update", "2", "--version", "1", "--part-of", "1", "--due", "2025-06", "--add-label", "plan").status == 0)
      #expect(try cli("pledge", "update", "5", "--version", "1", "--supersedes", "7").status == 0)
      #expect(try cli("pledge", "merge", "1", "3").status == 0)
      #expect(try cli("actor", "update", "4", "--version", "1", "--add-alias", "U.K.", "--add-affiliation", "25:member-of").status == 0)
      for kind in ["actors", "articles", "pledges"] {
        let exported = try cli("export", kind, "--file", files.path("a-\(kind).jsonl"))
        #expect(exported.status == 0, "\(exported.stderr)")
      }
      // CSV for people, with names and the history as its own rows.
      let csv = try cli("export", "pledges", "--format", "csv")
      #expect(csv.lines.first?.hasPrefix("id,made,due,status,category,modality,action,makers,maker_ids") == true)
      #expect(csv.lines.count == 10)
      #expect(csv.lines.contains { $0.hasPrefix("4,2025-03-02,,in-progress,troop-deployment,offer,") && $0.contains("United Kingdom; France,4 7,no,France,") })
      let history = try cli("export", "history", "--format", "csv")
      #expect(history.lines.first == "pledge_id,action,at,from,to,reopened,note,changed_by,recorded_at,evidence_article_id,evidence_source,evidence_stance,evidence_quote")
      #expect(history.lines.contains { $0.hasPrefix("4,") && $0.contains(",2025-03-10T00:00:00Z,announced,in-progress,no,") })
      #expect(try cli("export", "history").status == 2)
    }
    try withServer(sample: false) { cli in
      // Files in any order: actors go first, then articles, then pledges.
      let imported = try cli("import", files.path("a-pledges.jsonl"), files.path("a-articles.jsonl"), files.path("a-actors.jsonl"))
      #expect(imported.status == 0, "\(imported.stderr)")
      #expect(imported.stdout.contains("a-pledges.jsonl: imported 9 of 9 pledges"))
      for kind in ["actors", "articles", "pledges"] {
        #expect(try cli("export", kind, "--file", files.path("b-\(kind).jsonl")).status == 0)
      }
    }
    let before = try Self.normalized(files.path("a-actors.jsonl"), files.path("a-articles.jsonl"), files.path("a-pledges.jsonl"))
    let after = try Self.normalized(files.path("b-actors.jsonl"), files.path("b-articles.jsonl"), files.path("b-pledges.jsonl"))
    #expect(before.actors == after.actors)
    #expect(before.articles == after.articles)
    #expect(before.pledges.count == 9)
    for (key, pledge) in before.pledges {
      #expect(after.pledges[key] == pledge, "\(key)")
    }
  }

  @Test("import reports each bad line by number, imports the rest, and exits 1")
  func badLines() throws {
    let files = try TemporaryDirectory("roundtrip")
    defer { files.remove() }
    let file = files.path("actors.jsonl")
    let lines = [
      #"{"canonicalName":"Spain","kind":"ACTOR_KIND_COUNTRY"}"#,
      #"{"canonicalName":"","kind":"ACTOR_KIND_COUNTRY"}"#,
      "",
      #"{"canonicalName":"Portugal","kind":"ACTOR_KIND_COUNTRY","colour":"green"}"#,
      #"{"canonicalName":"Greece","kind":"ACTOR_KIND_COUNTRY"}"#,
    ]
    try lines.joined(separator: "\n").write(toFile: file, atomically: true, encoding: .utf8)
    try withServer(sample: false) { cli in
      let result = try cli("import", file)
      #expect(result.status == 1)
      #expect(result.stdout.contains("imported 2 of 4 actors"))
      #expect(result.stderr.contains("actors.jsonl:2: INVALID_ARGUMENT: actor.canonical_name: is required"))
      #expect(result.stderr.contains("actors.jsonl:4: INVALID_ARGUMENT: colour"))
      #expect(try cli("actor", "list", "--csv").lines.count == 3)
      let unknown = try cli("import", "/nonexistent.jsonl")
      #expect(unknown.status == 2)
    }
  }

  /// The records of three export files with every id replaced by what it names, and what a server sets on import
  /// (versions, times of the import, merged ids) left out: the same ledger compares equal whatever its ids.
  static func normalized(_ actorsFile: String, _ articlesFile: String, _ pledgesFile: String) throws
    -> (actors: Set<String>, articles: Set<String>, pledges: [String: String])
  {
    func records<M: ProtobufMessage>(_ type: M.Type, _ file: String) throws -> [M] {
      try String(contentsOfFile: file, encoding: .utf8).split(separator: "\n").map { try M(jsonString: String($0)) }
    }
    let actors = try records(Actor.self, actorsFile)
    let articles = try records(Article.self, articlesFile)
    let pledges = try records(Pledge.self, pledgesFile)
    // Ids become the rank of what they name: actors by name, articles by URL, pledges by action.
    let actorRank = Dictionary(uniqueKeysWithValues: actors.sorted { $0.canonicalName < $1.canonicalName }.enumerated().map { ($1.id, Int64($0 + 1)) })
    let articleRank = Dictionary(uniqueKeysWithValues: articles.sorted { $0.canonicalURL < $1.canonicalURL }.enumerated().map { ($1.id, Int64($0 + 1)) })
    let pledgeRank = Dictionary(uniqueKeysWithValues: pledges.sorted { $0.action < $1.action }.enumerated().map { ($1.id, Int64($0 + 1)) })
    let normalizedActors = actors.map { actor -> String in
      var actor = actor
      actor.id = actorRank[actor.id]!
      actor.affiliations = actor.affiliations.map { Affiliation(actorID: actorRank[$0.actorID] ?? -$0.actorID, kind: $0.kind) }
      actor.version = 0
      actor.createdAtMs = 0
      actor.updatedAtMs = 0
      actor.mergedIDs = []
      return actor.jsonString()
    }
    let normalizedArticles = articles.map { article -> String in
      var article = article
      article.id = articleRank[article.id]!
      article.ingestedAtMs = 0
      for index in article.mentions.indices {
        article.mentions[index].actorID = actorRank[article.mentions[index].actorID]!
      }
      return article.jsonString()
    }
    var normalizedPledges: [String: String] = [:]
    for pledge in pledges {
      var pledge = pledge
      var evidenceRank: [Int64: Int64] = [:]
      for (index, evidence) in pledge.evidence.enumerated() {
        evidenceRank[evidence.id] = Int64(index + 1)
      }
      func normalize(_ evidence: Evidence) -> Evidence {
        var evidence = evidence
        evidence.id = evidenceRank[evidence.id]!
        evidence.articleID = articleRank[evidence.articleID]!
        if evidence.partyActorID != 0 { evidence.partyActorID = actorRank[evidence.partyActorID]! }
        return evidence
      }
      pledge.id = pledgeRank[pledge.id]!
      pledge.evidence = pledge.evidence.map(normalize)
      for index in pledge.history.indices {
        pledge.history[index].evidence = pledge.history[index].evidence.map(normalize)
      }
      for index in pledge.parties.indices {
        pledge.parties[index].actorID = actorRank[pledge.parties[index].actorID]!
        pledge.parties[index].optOutEvidenceID = evidenceRank[pledge.parties[index].optOutEvidenceID] ?? 0
      }
      let conditionEvidence = pledge.condition?.evidenceID ?? 0
      pledge.condition?.evidenceID = evidenceRank[conditionEvidence] ?? 0
      pledge.partOfID = pledgeRank[pledge.partOfID] ?? 0
      pledge.supersedesID = pledgeRank[pledge.supersedesID] ?? 0
      pledge.version = 0
      pledge.createdAtMs = 0
      pledge.updatedAtMs = 0
      pledge.mergedIDs = []
      normalizedPledges[pledge.action] = pledge.jsonString()
    }
    return (Set(normalizedActors), Set(normalizedArticles), normalizedPledges)
  }
}
