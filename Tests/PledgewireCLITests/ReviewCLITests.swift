import Foundation
import PledgewireTestSupport
import Testing

@Suite("The pledgewire command line: extraction and review", .serialized)
struct ReviewCLITests {
  static let body = "Norway pledged $50 million to Kenya for flood relief, Prime Minister Ola Berg said on Monday. Finland will send 200 engineers to Kenya by June 2026 if parliament approves the plan. Sweden said it hoped the talks would continue."

  @Test("extract prints tables, or with --json the object the dev set's scorer reads; bad input names the argument")
  func extract() throws {
    try withServer(sample: false) { cli in
      let table = try cli("extract", "-", stdin: Self.body)
      #expect(table.status == 0 && table.stdout.contains("Ola Berg") && table.stdout.contains("send 200 engineers to Kenya by June 2026"))
      let json = try cli("extract", "-", "--json", "--published", "2025-03-02", stdin: Self.body)
      let object = try #require(try jsonObjects(json.stdout).first)
      let candidates = try #require(object["candidates"] as? [[String: Any]])
      #expect(candidates.count == 2 && candidates[0]["start"] as? Int == 0 && candidates[0]["end"] as? Int == 93)
      #expect(candidates[0]["makers"] as? [String] == ["Norway"] && candidates[0]["category"] as? String == "humanitarian_aid")
      #expect((candidates[0]["amount"] as? [String: Any])?["value"] as? String == "50000000")
      #expect(candidates[1]["condition"] as? String == "if parliament approves the plan")
      let mentions = try #require(object["mentions"] as? [[String: Any]])
      #expect(mentions.contains { $0["text"] as? String == "Norway" && $0["actor"] as? String == "Norway" && $0["kind"] as? String == "country" })
      let missing = try cli("extract", "/nonexistent/body.txt")
      #expect(missing.status == 2 && missing.stderr.contains("FILE: cannot read /nonexistent/body.txt"))
      let empty = try cli("extract", "-", stdin: " ")
      #expect(empty.status == 1 && empty.stderr.contains("INVALID_ARGUMENT") && empty.stderr.contains("text"))
      let badDate = try cli("extract", "-", "--published", "March", stdin: Self.body)
      #expect(badDate.status == 2 && badDate.stderr.contains("--published"))
    }
  }

  @Test("article add --extract queues candidates; review lists, shows, accepts with corrections, attaches and rejects")
  func review() throws {
    try withServer(sample: false) { cli in
      #expect(try cli("actor", "add", "--kind", "country", "--name", "Norway", "--alias", "Oslo").status == 0)
      let added = try cli(
        "article", "add", "--url", "https://news.example/floods", "--title", "Flood aid", "--published", "2025-03-02", "--extract",
        stdin: Self.body
      )
      #expect(added.status == 0 && added.stdout.contains("candidates to review") && added.stdout.contains("Norway (1)"))
      let queue = try jsonObjects(try cli("review", "--json").stdout)
      #expect(queue.count == 2 && queue.allSatisfy { $0["state"] as? String == "CANDIDATE_STATE_PENDING" })
      let first = try #require(queue[0]["id"] as? String), second = try #require(queue[1]["id"] as? String)

      let shown = try cli("review", "show", first)
      #expect(shown.stdout.contains("»Norway pledged $50 million to Kenya for flood relief, Prime Minister Ola Berg said on Monday.«"))
      #expect(try cli("review", "next").stdout.contains("id") && (try cli("review", "next").stdout.contains(first)))

      // Unknown parties need --create-actors; the error says so and nothing changes.
      let refused = try cli("review", "accept", first)
      #expect(refused.status == 1 && refused.stderr.contains("announcers[0] is not a recorded actor: accept with --create-actors"))
      #expect(try cli("pledge", "list", "--csv").lines.count == 1)

      let accepted = try cli("review", "accept", first, "--action", "give $50 million for flood relief in Kenya", "--create-actors", "--version", "1")
      #expect(accepted.status == 0 && accepted.stdout.contains("recorded as pledge 1") && accepted.stdout.contains("give $50 million for flood relief in Kenya"))
      let twice = try cli("review", "accept", first, "--create-actors")
      #expect(twice.status == 1 && twice.stderr.contains("FAILED_PRECONDITION") && twice.stderr.contains("reviewed once"))

      // A second outlet's report is attached to the recorded pledge.
      let report = try cli(
        "article", "add", "--url", "https://news.example/floods-2", "--title", "Aid confirmed", "--published", "2025-03-03", "--extract",
        stdin: "Oslo has pledged $50 million to Kenya for flood relief, the Norwegian government confirmed."
      )
      #expect(report.status == 0)
      let third = try #require(try jsonObjects(try cli("review", "list", "--article", "2", "--json").stdout).first?["id"] as? String)
      let similar = try cli("review", "accept", third, "--create-actors")
      #expect(similar.status == 1 && similar.stderr.contains("similar pledges already recorded") && similar.stderr.contains("--as-evidence-of 1"))
      let attached = try cli("review", "accept", third, "--as-evidence-of", "1", "--amount", "50000000", "--currency", "USD")
      #expect(attached.status == 0 && attached.stdout.contains("attached to pledge 1"))
      let conflicting = try cli("review", "accept", third, "--as-evidence-of", "1", "--action", "x")
      #expect(conflicting.status == 2 && conflicting.stderr.contains("--as-evidence-of"))

      let noReason = try cli("review", "reject", second)
      #expect(noReason.status == 2 && noReason.stderr.contains("--reason"))
      let badReason = try cli("review", "reject", second, "--reason", "boring")
      #expect(badReason.status == 2 && badReason.stderr.contains("--reason: \"boring\" is not one of"))
      let stale = try cli("review", "reject", second, "--reason", "out-of-scope", "--version", "3")
      #expect(stale.status == 1 && stale.stderr.contains("ABORTED"))
      let rejected = try cli("review", "reject", second, "--reason", "out-of-scope", "--note", "not tracked")
      #expect(rejected.status == 0 && rejected.stdout.contains("out-of-scope: not tracked"))
      #expect(try cli("review").stdout.contains("no candidates to review"))
      #expect(try cli("review", "list", "--state", "all", "--csv").lines.count == 4)
      #expect(try cli("pledge", "list", "--csv").lines.count == 2)
    }
  }
}
