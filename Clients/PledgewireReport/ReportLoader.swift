import Foundation
import PledgewireClient

/// Gathers what a report needs from a server: the pledges (every page), then the actors and articles they refer
/// to, a few calls at a time.
public struct ReportLoader: Sendable {
  public let client: PledgewireClient
  public let options: CallOptions
  /// How many Get calls run at once while filling the directory.
  public var concurrency = 8

  public init(client: PledgewireClient, options: CallOptions = CallOptions()) {
    self.client = client
    self.options = options
  }

  private var source: String { client.target.description }

  /// The scorecard of the actor with id or name `actor` (a name is resolved; an ambiguous one is refused with
  /// INVALID_ARGUMENT listing the candidates). A merged actor's report is its survivor's, with a note.
  public func actorReport(_ actor: String, includeAffiliated: Bool, now: Int64) async throws -> ActorReport {
    var found = try await resolve(actor)
    var notes: [String] = []
    if found.mergedIntoID != 0 {
      notes.append("\(found.canonicalName) (actor \(found.id)) was merged into actor \(found.mergedIntoID); this is the survivor's report.")
      found = try await client.actor.getActor(GetActorRequest(id: found.mergedIntoID), options: options)
    }
    let pledges = try await allPledges(PledgeFilter(actorID: found.id, includeAffiliated: includeAffiliated))
    var directory = try await directory(for: pledges)
    directory.actors[found.id] = found
    return ActorReport(actor: found, pledges: pledges, includesAffiliated: includeAffiliated, directory: directory, now: now, source: source, notes: notes)
  }

  /// The report of pledge `id` with its parent, sub-pledges, superseded pledge and merged duplicates. A merged
  /// pledge's report is its survivor's, with a note.
  public func pledgeReport(_ id: Int64, now: Int64) async throws -> PledgeReport {
    var pledge = try await getPledge(id)
    var notes: [String] = []
    if pledge.mergedIntoID != 0 {
      notes.append("Pledge \(pledge.id) was merged into pledge \(pledge.mergedIntoID); this is the survivor's report.")
      pledge = try await getPledge(pledge.mergedIntoID)
    }
    let parent = pledge.partOfID == 0 ? nil : try await optionalPledge(pledge.partOfID)
    let supersedes = pledge.supersedesID == 0 ? nil : try await optionalPledge(pledge.supersedesID)
    let parts = try await allPledges(PledgeFilter(partOfID: pledge.id)).filter { $0.partOfID == pledge.id && $0.id != pledge.id }
    var merged: [Pledge] = []
    for duplicate in pledge.mergedIDs {
      if let tombstone = try await optionalPledge(duplicate) { merged.append(tombstone) }
    }
    let directory = try await directory(for: [pledge] + parts + merged + [parent, supersedes].compactMap { $0 })
    return PledgeReport(pledge: pledge, parent: parent, parts: parts, supersedes: supersedes, merged: merged, directory: directory, now: now, source: source, notes: notes)
  }

  /// The summary of the pledges made in [after, before) in `categories` (every category when empty).
  public func summaryReport(after: Int64?, before: Int64?, categories: [PledgeCategory], dueWithinDays: Int = 90, now: Int64) async throws -> SummaryReport {
    let pledges = try await allPledges(PledgeFilter(categories: categories, madeAfterMs: after ?? 0, madeBeforeMs: before ?? 0))
    let directory = try await directory(for: pledges, articles: false)
    return SummaryReport(pledges: pledges, madeAfter: after, madeBefore: before, categories: categories, dueWithinDays: dueWithinDays, directory: directory, now: now, source: source)
  }

  /// Every pledge the filter selects, page by page (1,000 a page).
  public func allPledges(_ filter: PledgeFilter) async throws -> [Pledge] {
    var pledges: [Pledge] = []
    var token = ""
    repeat {
      let page = try await client.pledge.listPledges(ListPledgesRequest(filter: filter, pageSize: 1_000, pageToken: token), options: options)
      pledges += page.pledges
      token = page.nextPageToken
    } while !token.isEmpty
    return pledges
  }

  /// The actors the pledges name and, unless `articles` is false, the articles their evidence cites. A record that
  /// no longer exists is left out; the report names it by id.
  public func directory(for pledges: [Pledge], articles: Bool = true) async throws -> ReportDirectory {
    var actorIDs = Set(pledges.flatMap { pledge in pledge.parties.map(\.actorID) + pledge.evidence.map(\.partyActorID) })
    actorIDs.remove(0)
    var articleIDs = articles ? Set(pledges.flatMap { pledge in pledge.evidence.map(\.articleID) + pledge.history.compactMap { $0.evidence?.articleID } }) : []
    articleIDs.remove(0)
    let actor = client.actor
    let article = client.article
    let options = options
    let actors = try await fetchEach(actorIDs.sorted()) { try await actor.getActor(GetActorRequest(id: $0), options: options) }
    let found = try await fetchEach(articleIDs.sorted()) { try await article.getArticle(GetArticleRequest(id: $0), options: options) }
    return ReportDirectory(actors: actors, articles: found)
  }

  /// Runs `get` for every id, `concurrency` at a time; ids the server no longer has are skipped.
  private func fetchEach<T: Sendable>(_ ids: [Int64], _ get: @escaping @Sendable (Int64) async throws -> T) async throws -> [T] {
    try await withThrowingTaskGroup(of: T?.self) { group in
      var results: [T] = []
      var next = ids.makeIterator()
      func addNext() {
        guard let id = next.next() else { return }
        group.addTask {
          do {
            return try await get(id)
          } catch let error as RPCError where error.code == .notFound {
            return nil
          }
        }
      }
      for _ in 0..<max(1, concurrency) { addNext() }
      while let result = try await group.next() {
        if let result { results.append(result) }
        addNext()
      }
      return results
    }
  }

  private func resolve(_ actor: String) async throws -> Actor {
    let trimmed = actor.trimmingCharacters(in: .whitespaces)
    if let id = Int64(trimmed) {
      return try await client.actor.getActor(GetActorRequest(id: id), options: options)
    }
    let candidates = try await client.actor.resolveActor(ResolveActorRequest(name: trimmed, maxCandidates: 5), options: options).candidates
    guard let best = candidates.first, let found = best.actor else {
      throw RPCError(.notFound, "no actor is named \"\(trimmed)\"")
    }
    let tied = candidates.filter { $0.score == best.score && $0.actor?.id != found.id }
    guard tied.isEmpty else {
      let names = ([best] + tied).compactMap { $0.actor.map { "\($0.id) \($0.canonicalName)" } }.joined(separator: ", ")
      throw RPCError.invalidArgument(field: "actor", "\"\(trimmed)\" matches several actors equally well (\(names)); give the id")
    }
    return found
  }

  private func getPledge(_ id: Int64) async throws -> Pledge {
    try await client.pledge.getPledge(GetPledgeRequest(id: id), options: options)
  }

  /// The pledge, or nil when it no longer exists.
  private func optionalPledge(_ id: Int64) async throws -> Pledge? {
    do {
      return try await getPledge(id)
    } catch let error as RPCError where error.code == .notFound {
      return nil
    }
  }
}
