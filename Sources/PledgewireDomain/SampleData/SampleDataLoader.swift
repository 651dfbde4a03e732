import PledgewireWire
import PledgewireStorage

/// Loads ``LondonSummitSample`` through the services, so that the sample passes the same validation as any request.
public enum SampleDataLoader {
  /// What a load created.
  public struct Summary: Sendable, Hashable {
    public var actors = 0
    public var articles = 0
    public var pledges = 0
  }

  /// Loads the sample into an empty store and returns what it created; returns nil, changing nothing, when the
  /// store already holds data.
  public static func loadIfEmpty(store: any PledgewireStore, hub: PledgeEventHub, now: @escaping @Sendable () -> Int64 = WallClock.now) async throws -> Summary? {
    guard try await store.isEmpty() else { return nil }
    let actors = ActorServiceHandler(store: store, hub: hub, now: now)
    let articles = ArticleServiceHandler(store: store, hub: hub, now: now)
    let pledges = PledgeServiceHandler(store: store, hub: hub, now: now)
    let context = WriteContext(principal: "pledgewire-server", method: "sample-data", now: now())
    var summary = Summary()

    var actorIDs: [String: Int64] = [:]
    for seed in LondonSummitSample.actors {
      var actor = seed.actor
      actor.affiliations = try seed.affiliations.map { Affiliation(actorID: try id(of: $0.key, in: actorIDs), kind: $0.kind) }
      if !actor.labels.contains("sample") {
        actor.labels.append("sample")
      }
      actorIDs[seed.key] = try await actors.create([CreateActorRequest(actor: actor)], context)[0].get().id
      summary.actors += 1
    }

    var articleIDs: [String: Int64] = [:]
    for seed in LondonSummitSample.articles {
      var article = seed.article
      var nextSearch: [String: Int] = [:]
      for (actorKey, surface) in seed.mentions {
        guard let range = try TextRanges.find(surface, in: article.body, from: nextSearch[surface] ?? 0) else {
          throw RPCError(.internal, "sample article \(seed.key) does not contain \"\(surface)\" where expected")
        }
        nextSearch[surface] = Int(range.end)
        article.mentions.append(ActorMention(actorID: try id(of: actorKey, in: actorIDs), range: range, surfaceText: surface))
      }
      let prepared = try await articles.prepare(CreateArticleRequest(article: article), field: "article")
      articleIDs[seed.key] = try await articles.insert([prepared], context)[0].get().id
      summary.articles += 1
    }

    for seed in LondonSummitSample.pledges {
      var pledge = seed.pledge
      pledge.parties = try seed.parties.map { PledgeParty(actorID: try id(of: $0.actorKey, in: actorIDs), role: $0.role) }
      pledge.evidence = try seed.evidence.map {
        Evidence(articleID: try id(of: $0.articleKey, in: articleIDs), quote: $0.quote, stance: $0.stance)
      }
      _ = try await pledges.create([CreatePledgeRequest(pledge: pledge)], context)[0].get()
      summary.pledges += 1
    }
    return summary
  }

  private static func id(of key: String, in ids: [String: Int64]) throws -> Int64 {
    guard let id = ids[key] else {
      throw RPCError(.internal, "the sample refers to \(key), which it does not define first")
    }
    return id
  }
}
