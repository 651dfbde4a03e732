import Foundation
import PledgewireClient
import PledgewireStorage
import PledgewireTestSupport
import PledgewireWire
import Testing

@Suite("Durability of the real executable", .serialized)
struct DurabilityTests {
  @Test("every acknowledged write survives SIGKILL, and the database stays intact")
  func sigkill() async throws {
    let directory = try TemporaryDirectory("durability")
    defer { directory.remove() }
    let path = directory.path("pledgewire.sqlite")

    let server = try ServerProcess(arguments: ["--db", path, "--sample-data"])
    let client = try await PledgewireClient.connect(to: "127.0.0.1:\(server.port)")
    let ukraine = try #require(try await client.actor.resolveActor(ResolveActorRequest(name: "Ukraine", maxCandidates: 1)).candidates.first?.actor?.id)
    let article = try await client.article.createArticle(CreateArticleRequest(article: Article(
      canonicalURL: "https://durable.example/1", title: "Durable", publishedAtMs: 1, body: "Ukraine will be helped."
    )))
    var acknowledged: [Int64] = []
    let landed = Counter()
    // Writes from 16 tasks at once; the kill lands after the 150th acknowledgement, with writes still in flight.
    try await withThrowingTaskGroup(of: [Int64].self) { group in
      for worker in 0..<16 {
        group.addTask {
          var ids: [Int64] = []
          for index in 0..<100 {
            guard let id = try? await client.pledge.createPledge(CreatePledgeRequest(pledge: Pledge(
              parties: [PledgeParty(actorID: ukraine, role: .maker)], action: "write \(worker)-\(index)", category: .other,
              madeAtMs: 1_000 + Int64(index), evidence: [Evidence(articleID: article.id, quote: "Ukraine will be helped.", stance: .announces)]
            ))).id else { return ids }
            ids.append(id)
            if landed.increment() == 150 {
              server.signal(SIGKILL)
            }
          }
          return ids
        }
      }
      for try await ids in group {
        acknowledged += ids
      }
    }
    client.close()
    #expect(server.waitForExit(timeout: 10) != nil)
    #expect(acknowledged.count >= 100, "enough writes must land before the kill to mean something")

    let restarted = try ServerProcess(arguments: ["--db", path, "--sample-data"])
    #expect(restarted.log.contains("holds data already"))
    let again = try await PledgewireClient.connect(to: "127.0.0.1:\(restarted.port)")
    for id in acknowledged {
      #expect(try await again.pledge.getPledge(GetPledgeRequest(id: id)).id == id)
    }
    again.close()
    restarted.signal(SIGTERM)
    #expect(restarted.waitForExit(timeout: 15) == 0)
    #expect(try await SQLiteStore(path: path).integrityCheck() == ["ok"])
  }
}

final class Counter: Sendable {
  private let count = Locked(0)

  /// The count.
  var value: Int {
    count.withLock { $0 }
  }

  /// Adds one; returns the new count.
  func increment() -> Int {
    count.withLock { count in
      count += 1
      return count
    }
  }
}
