import ArgumentParser
import Foundation
import PledgewireClient

/// How records from exported files go back in: parsed line by line, their references moved to the ids the server
/// gives them, streamed through one Import call per file, then the references between records of the same file
/// (affiliations, links between pledges), which exist only once both ends do, added with updates.
struct ImportPlan {
  enum Kind: String, ExpressibleByArgument, CaseIterable {
    case actors, articles, pledges

    /// Actors before the articles that mention them, before the pledges that cite both.
    var order: Int {
      switch self {
      case .actors: 0
      case .articles: 1
      case .pledges: 2
      }
    }

    /// The kind of record a JSON line holds, by its keys.
    static func detect(_ line: String?) throws -> Kind? {
      guard let line, let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else { return nil }
      if object["canonicalUrl"] != nil || object["canonical_url"] != nil { return .articles }
      if object["canonicalName"] != nil || object["canonical_name"] != nil { return .actors }
      if object["action"] != nil { return .pledges }
      return nil
    }
  }

  /// What importing one file did.
  struct Report {
    var created = 0
    var failures: [(line: Int, message: String)] = []
    /// Failures the server counted but did not list.
    var omitted = 0
  }

  let client: PledgewireClient
  let options: CallOptions
  /// Old id to new id, per kind, across the files of one run.
  private(set) var actorIDs: [Int64: Int64] = [:]
  private(set) var articleIDs: [Int64: Int64] = [:]
  private(set) var pledgeIDs: [Int64: Int64] = [:]

  init(client: PledgewireClient, options: CallOptions) {
    self.client = client
    self.options = options
  }

  mutating func run(_ kind: Kind, _ lines: [(number: Int, text: String)]) async throws -> Report {
    switch kind {
    case .actors: try await importActors(lines)
    case .articles: try await importArticles(lines)
    case .pledges: try await importPledges(lines)
    }
  }

  /// Decodes each line; a line that does not decode is a failure of its own.
  private func parse<M: ProtobufMessage>(_ type: M.Type, _ lines: [(number: Int, text: String)], _ report: inout Report) -> [(line: Int, record: M)] {
    lines.compactMap { line in
      do {
        return (line.number, try M(jsonString: line.text))
      } catch let error as RPCError {
        report.failures.append((line.number, "\(error)"))
        return nil
      } catch {
        report.failures.append((line.number, "\(error)"))
        return nil
      }
    }
  }

  /// Streams the requests; returns the new id of each record, nil for those that failed (reported by line).
  private func stream<Request: Sendable>(
    _ records: [(line: Int, request: Request)], _ report: inout Report,
    _ call: ([Request]) async throws -> ImportResponse
  ) async throws -> [Int64?] {
    guard !records.isEmpty else { return [] }
    let response = try await call(records.map(\.request))
    var failed = Set<Int>()
    for failure in response.failures {
      failed.insert(Int(failure.index))
      report.failures.append((records[Int(failure.index)].line, "\(failure.code.name): \(failure.message)"))
    }
    report.omitted += Int(response.failuresOmitted)
    report.created += Int(response.created)
    guard response.failuresOmitted == 0 else {
      throw RPCError(.aborted, "more than \(response.failures.count) records failed; the ids of the others cannot be matched, so the import stops here")
    }
    var ids = response.ids.makeIterator()
    return records.indices.map { failed.contains($0) ? nil : ids.next() }
  }

  private mutating func importActors(_ lines: [(number: Int, text: String)]) async throws -> Report {
    var report = Report()
    let parsed = parse(Actor.self, lines, &report).filter { $0.record.mergedIntoID == 0 }
    let inFile = Set(parsed.map(\.record.id))
    var deferred: [(line: Int, old: Int64, affiliations: [Affiliation])] = []
    let requests = parsed.map { line, actor -> (line: Int, request: CreateActorRequest) in
      var actor = actor
      let later = actor.affiliations.filter { inFile.contains($0.actorID) }
      if !later.isEmpty {
        deferred.append((line, actor.id, later))
      }
      actor.affiliations = actor.affiliations.filter { !inFile.contains($0.actorID) }.map { affiliation in
        var affiliation = affiliation
        affiliation.actorID = actorIDs[affiliation.actorID] ?? affiliation.actorID
        return affiliation
      }
      return (line, CreateActorRequest(actor: actor))
    }
    let client = client
    let options = options
    let ids = try await stream(requests, &report) { try await client.actor.importActors($0, options: options) }
    for ((_, actor), id) in zip(parsed, ids) {
      guard let id else { continue }
      actorIDs[actor.id] = id
      for merged in actor.mergedIDs { actorIDs[merged] = id }
    }
    for (line, old, affiliations) in deferred {
      guard let id = actorIDs[old] else { continue }
      do {
        let current = try await client.actor.getActor(GetActorRequest(id: id), options: options)
        let mapped = affiliations.map { Affiliation(actorID: actorIDs[$0.actorID] ?? $0.actorID, kind: $0.kind) }
        _ = try await client.actor.updateActor(UpdateActorRequest(actor: Actor(id: id, version: current.version), addAffiliations: mapped), options: options)
      } catch let error as RPCError {
        report.failures.append((line, "affiliations: \(error)"))
      }
    }
    return report
  }

  private mutating func importArticles(_ lines: [(number: Int, text: String)]) async throws -> Report {
    var report = Report()
    let parsed = parse(Article.self, lines, &report)
    let requests = parsed.map { line, article -> (line: Int, request: CreateArticleRequest) in
      var article = article
      for index in article.mentions.indices {
        article.mentions[index].actorID = actorIDs[article.mentions[index].actorID] ?? article.mentions[index].actorID
      }
      return (line, CreateArticleRequest(article: article))
    }
    let client = client
    let options = options
    let ids = try await stream(requests, &report) { try await client.article.importArticles($0, options: options) }
    for ((_, article), id) in zip(parsed, ids) {
      if let id { articleIDs[article.id] = id }
    }
    return report
  }

  private mutating func importPledges(_ lines: [(number: Int, text: String)]) async throws -> Report {
    var report = Report()
    let parsed = parse(Pledge.self, lines, &report).filter { $0.record.mergedIntoID == 0 }
    let inFile = Set(parsed.map(\.record.id))
    var deferred: [(line: Int, old: Int64, partOf: Int64, supersedes: Int64)] = []
    let requests = parsed.map { line, original -> (line: Int, request: CreatePledgeRequest) in
      let partOf = inFile.contains(original.partOfID) ? original.partOfID : 0
      let supersedes = inFile.contains(original.supersedesID) ? original.supersedesID : 0
      if partOf != 0 || supersedes != 0 {
        deferred.append((line, original.id, partOf, supersedes))
      }
      var pledge = remap(original)
      if partOf != 0 { pledge.partOfID = 0 }
      if supersedes != 0 { pledge.supersedesID = 0 }
      return (line, CreatePledgeRequest(pledge: pledge))
    }
    let client = client
    let options = options
    let ids = try await stream(requests, &report) { try await client.pledge.importPledges($0, options: options) }
    for ((_, pledge), id) in zip(parsed, ids) {
      guard let id else { continue }
      pledgeIDs[pledge.id] = id
      for merged in pledge.mergedIDs { pledgeIDs[merged] = id }
    }
    for (line, old, partOf, supersedes) in deferred {
      guard let id = pledgeIDs[old] else { continue }
      do {
        let current = try await client.pledge.getPledge(GetPledgeRequest(id: id), options: options)
        var links = Pledge(id: id, version: current.version)
        var mask: [String] = []
        if partOf != 0 {
          links.partOfID = pledgeIDs[partOf] ?? partOf
          mask.append("part_of_id")
        }
        if supersedes != 0 {
          links.supersedesID = pledgeIDs[supersedes] ?? supersedes
          mask.append("supersedes_id")
        }
        _ = try await client.pledge.updatePledge(UpdatePledgeRequest(pledge: links, updateMask: mask), options: options)
      } catch let error as RPCError {
        report.failures.append((line, "links: \(error)"))
      }
    }
    return report
  }

  /// A pledge with its references to actors, articles and earlier pledges moved to their new ids.
  private func remap(_ pledge: Pledge) -> Pledge {
    var pledge = pledge
    func actor(_ id: Int64) -> Int64 { actorIDs[id] ?? id }
    func remap(_ evidence: inout Evidence) {
      evidence.articleID = articleIDs[evidence.articleID] ?? evidence.articleID
      if evidence.partyActorID != 0 { evidence.partyActorID = actor(evidence.partyActorID) }
    }
    for index in pledge.parties.indices {
      pledge.parties[index].actorID = actor(pledge.parties[index].actorID)
    }
    for index in pledge.evidence.indices {
      remap(&pledge.evidence[index])
    }
    for index in pledge.history.indices where pledge.history[index].evidence != nil {
      remap(&pledge.history[index].evidence!)
    }
    if pledge.partOfID != 0 { pledge.partOfID = pledgeIDs[pledge.partOfID] ?? pledge.partOfID }
    if pledge.supersedesID != 0 { pledge.supersedesID = pledgeIDs[pledge.supersedesID] ?? pledge.supersedesID }
    return pledge
  }
}
