import PledgewireClient

/// The harness's own records on a server: it writes only into a database it created (an empty one, unless told
/// otherwise), and everything it creates carries ``SyntheticData/label``, so it can be found and deleted.
public enum SeededData {
  /// Throws a ``BenchError`` unless the server holds no actor, article or pledge.
  public static func requireEmptyServer(_ client: PledgewireClient) async throws {
    let actors = try await client.actor.listActors(ListActorsRequest(pageSize: 1)).actors.count
    let articles = try await client.article.listArticles(ListArticlesRequest(pageSize: 1)).articles.count
    let pledges = try await client.pledge.listPledges(ListPledgesRequest(pageSize: 1)).pledges.count
    guard actors + articles + pledges == 0 else {
      throw BenchError("""
        the server's database holds data, and this run would write into it (seeding, create-pledge or update-status): \
        point bench at a server with an empty database (pledgewire-server --db :memory:), or pass --allow-writes to \
        write anyway; what bench creates is labelled \(SyntheticData.label) and `pledgewire bench --delete-seeded` deletes it
        """)
    }
  }

  /// What ``delete(_:progress:)`` removed, and what it could not.
  public struct Deletion: Sendable, Hashable {
    public var pledges = 0
    public var articles = 0
    public var actors = 0
    /// Records that could not be deleted, with why: an actor that other data still refers to, say.
    public var failures: [String] = []
  }

  /// Deletes every pledge, article and actor labelled ``SyntheticData/label``, in that order.
  public static func delete(_ client: PledgewireClient, progress: (@Sendable (String) -> Void)? = nil) async throws -> Deletion {
    var deletion = Deletion()
    let options = CallOptions(timeout: .seconds(60))
    while true {
      let page = try await client.pledge.listPledges(ListPledgesRequest(filter: PledgeFilter(label: SyntheticData.label), pageSize: 1_000), options: options)
      var progressed = false
      for pledge in page.pledges {
        do {
          _ = try await client.pledge.deletePledge(DeletePledgeRequest(id: pledge.id), options: options)
          deletion.pledges += 1
          progressed = true
        } catch let error as RPCError where error.code == .notFound {
          continue
        } catch let error as RPCError {
          deletion.failures.append("pledge \(pledge.id): \(error)")
        }
      }
      progress?("deleted \(deletion.pledges) pledges")
      if page.nextPageToken.isEmpty || !progressed { break }
    }
    var token = ""
    var articleIDs: [Int64] = []
    repeat {
      let page = try await client.article.listArticles(ListArticlesRequest(pageSize: 1_000, pageToken: token, label: SyntheticData.label), options: options)
      articleIDs += page.articles.map(\.id)
      token = page.nextPageToken
    } while !token.isEmpty
    for id in articleIDs {
      do {
        _ = try await client.article.deleteArticle(DeleteArticleRequest(id: id, force: true), options: options)
        deletion.articles += 1
      } catch let error as RPCError {
        deletion.failures.append("article \(id): \(error)")
      }
    }
    progress?("deleted \(deletion.articles) articles")
    var actorIDs: [Int64] = []
    repeat {
      let page = try await client.actor.listActors(ListActorsRequest(pageSize: 1_000, pageToken: token, label: SyntheticData.label), options: options)
      actorIDs += page.actors.map(\.id)
      token = page.nextPageToken
    } while !token.isEmpty
    for id in actorIDs {
      do {
        _ = try await client.actor.deleteActor(DeleteActorRequest(id: id), options: options)
        deletion.actors += 1
      } catch let error as RPCError {
        deletion.failures.append("actor \(id): \(error)")
      }
    }
    progress?("deleted \(deletion.actors) actors")
    return deletion
  }
}
