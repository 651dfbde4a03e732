import Foundation
import PledgewireTestSupport
import Testing

@Suite("The pledgewire command line", .serialized)
struct CLITests {
  @Test("resolve prints a table, JSON lines or CSV")
  func formats() throws {
    try withSampleServer { cli in
      let table = try cli("actor", "resolve", "Kyiv")
      #expect(table.status == 0)
      #expect(table.lines.first?.hasPrefix("ID  SCORE  NAME") == true)
      #expect(table.lines[2].contains("Ukraine") && table.lines[2].contains("Kyiv"))

      let json = try cli("actor", "resolve", "Washington", "--json")
      let first = try #require(try jsonObjects(json.stdout).first)
      // The proto3 JSON mapping: lowerCamelCase names, 64-bit integers as strings, enums by their schema names.
      #expect((first["actor"] as? [String: Any])?["canonicalName"] as? String == "United States")
      #expect((first["actor"] as? [String: Any])?["kind"] as? String == "ACTOR_KIND_COUNTRY")
      #expect(first["matchedName"] as? String == "Washington")

      let csv = try cli("actor", "list", "--kind", "country", "--csv")
      #expect(csv.lines.first == "ID,KIND,NAME,COUNTRY,ALIASES")
      #expect(csv.lines.count == 11)
      #expect(csv.lines.contains { $0.contains(",country,United Kingdom,GBR,\"UK, Britain") })
    }
  }

  @Test("errors: status name and message on stderr, exit status 1; usage errors exit 2")
  func errors() throws {
    try withSampleServer { cli in
      let missing = try cli("actor", "get", "999")
      #expect(missing.status == 1)
      #expect(missing.stderr == "error: NOT_FOUND: actor 999 does not exist\n")
      #expect(missing.stdout.isEmpty)

      let badQuote = try cli("pledge", "add", "--maker", "4", "--action", "x", "--category", "other", "--made", "2025-03-02", "--article", "1", "--quote", "words nowhere in the article")
      #expect(badQuote.status == 1)
      // The flag to fix is named, the field path kept.
      #expect(badQuote.stderr == "error: INVALID_ARGUMENT: --quote: does not occur in the article body (pledge.evidence[0].quote)\n")

      let usage = try cli("pledge", "add", "--maker", "4", "--action", "x", "--category", "tea", "--made", "2025-03-02", "--article", "1", "--quote", "q")
      #expect(usage.status == 2)
      #expect(usage.stderr.contains("--category: \"tea\" is not one of"))
    }
    let down = try CLI(server: "127.0.0.1:1")("health")
    #expect(down.status == 69)
    #expect(down.stderr.hasPrefix("error: UNAVAILABLE: cannot connect to 127.0.0.1:1"))
    #expect(down.stderr.contains("hint: is the server running? Start one with `pledgewire-server --db pledgewire.sqlite --port 1`"))
  }

  @Test("a session: add an article from stdin, record a pledge, move its status, read its history")
  func session() throws {
    try withSampleServer { cli in
      let body = "Britain said on Tuesday that the first British engineers had reached Ukraine, as promised."
      let added = try cli("article", "add", "--url", "https://news.example/engineers", "--title", "Engineers arrive", "--outlet", "Example News", "--published", "2025-04-01", "--json", stdin: body)
      #expect(added.status == 0, "\(added.stderr)")
      let article = try #require(try jsonObjects(added.stdout).first)
      let articleID = try #require((article["id"] as? String).flatMap { Int($0) })
      #expect(try cli("article", "get", String(articleID)).stdout.contains(body))

      let uk = (try #require(try jsonObjects(try cli("actor", "resolve", "Britain", "--json").stdout).first?["actor"] as? [String: Any])["id"] as? String).flatMap { Int($0) }
      let created = try cli("pledge", "add", "--maker", String(uk!), "--action", "send engineers to Ukraine", "--category", "military-aid", "--made", "2025-04-01", "--article", String(articleID), "--quote", "the first British engineers had reached Ukraine", "--json")
      #expect(created.status == 0, "\(created.stderr)")
      let pledgeID = try #require((try jsonObjects(created.stdout).first?["id"] as? String).flatMap { Int($0) })

      let bare = try cli("pledge", "status", String(pledgeID), "fulfilled", "--note", "they arrived")
      #expect(bare.status == 1)
      #expect(bare.stderr.hasPrefix("error: INVALID_ARGUMENT: --article and --quote: is required to move a pledge to FULFILLED"))
      let moved = try cli("pledge", "status", String(pledgeID), "fulfilled", "--note", "they arrived", "--article", String(articleID), "--quote", "as promised", "--stance", "fulfils")
      #expect(moved.status == 0, "\(moved.stderr)")
      #expect(moved.stdout.contains("fulfilled"))
      let locked = try cli("pledge", "status", String(pledgeID), "stalled")
      #expect(locked.status == 1)
      #expect(locked.stderr.hasPrefix("error: FAILED_PRECONDITION"))

      let history = try cli("pledge", "history", String(pledgeID), "--csv")
      #expect(history.lines.first == "AT,FROM,TO,NOTE,EVIDENCE,BY")
      #expect(history.lines.count == 3)
      #expect(history.lines[2].contains("announced,fulfilled,they arrived,\"article \(articleID): \"\"as promised\"\"\",anonymous"))

      let listed = try cli("pledge", "list", "--status", "fulfilled")
      #expect(listed.lines.count == 3)
      #expect(listed.stdout.contains("send engineers to Ukraine"))

      let search = try cli("article", "search", "engineers")
      #expect(search.stdout.contains("[engineers]"))
      let deleted = try cli("article", "delete", String(articleID))
      #expect(deleted.status == 1)
      #expect(deleted.stderr.hasPrefix("error: FAILED_PRECONDITION"))
    }
  }

  @Test("pledge watch prints events as they arrive and exits 0 on Ctrl-C")
  func watch() throws {
    try withSampleServer { cli in
      let process = Process()
      process.executableURL = CLI.executable
      process.arguments = ["pledge", "watch", "--json"]
      process.environment = ["PLEDGEWIRE_SERVER": cli.server]
      let output = Pipe()
      process.standardOutput = output
      process.standardError = FileHandle.nullDevice
      try process.run()
      Thread.sleep(forTimeInterval: 1)
      let moved = try cli("pledge", "status", "4", "in-progress", "--note", "troops assembling")
      #expect(moved.status == 0)
      // The event line must arrive within 10 s.
      let line = try #require(firstLine(of: output, from: process, within: 10))
      let event = try #require(try jsonObjects(line).first)
      #expect(event["kind"] as? String == "PLEDGE_EVENT_KIND_STATUS_CHANGED")
      #expect((event["pledge"] as? [String: Any])?["status"] as? String == "PLEDGE_STATUS_IN_PROGRESS")
      #expect((event["resumeToken"] as? String)?.isEmpty == false)
      kill(process.processIdentifier, SIGINT)
      process.waitUntilExit()
      #expect(process.terminationStatus == 0)
    }
  }

  @Test("services, stats and health")
  func serverCommands() throws {
    try withSampleServer { cli in
      let services = try cli("services")
      #expect(services.lines.contains { $0.hasPrefix("/pledgewire.v1.PledgeService/WatchPledges ") && $0.contains(" server-streaming ") })
      #expect(services.lines.contains { $0.hasPrefix("/pledgewire.v1.ArticleService/ImportArticles ") && $0.contains(" client-streaming ") })
      // Reflection says which methods may be retried.
      #expect(services.lines.contains { $0.hasPrefix("/pledgewire.v1.PledgeService/GetPledge ") && $0.contains(" idempotent ") })
      #expect(services.lines.contains { $0.hasPrefix("/pledgewire.v1.PledgeService/CreatePledge ") && !$0.contains("idempotent") })
      let health = try cli("health")
      #expect(health.status == 0 && health.stdout.contains("SERVING"))
      let stats = try cli("stats", "--json")
      let object = try #require(try jsonObjects(stats.stdout).first)
      #expect((object["methods"] as? [[String: Any]])?.contains { $0["method"] as? String == "/pledgewire.v1.HealthService/Check" } == true)
    }
  }

  @Test("every command's --help shows an example that fits 80 columns: no argument wrapped onto a line of its own", arguments: [
    ["article", "add"], ["article", "get"], ["article", "list"], ["article", "search"], ["article", "delete"], ["article", "audit"],
    ["actor", "add"], ["actor", "get"], ["actor", "list"], ["actor", "update"], ["actor", "resolve"], ["actor", "merge"],
    ["actor", "delete"], ["actor", "audit"],
    ["pledge", "add"], ["pledge", "get"], ["pledge", "list"], ["pledge", "status"], ["pledge", "evidence"], ["pledge", "update"],
    ["pledge", "merge"], ["pledge", "delete"], ["pledge", "similar"], ["pledge", "history"], ["pledge", "audit"], ["pledge", "watch"],
    ["audit"], ["export"], ["import"], ["health"], ["services"], ["stats"], ["bench"], ["call"], ["describe"], ["completions"], [],
  ])
  func help(_ command: [String]) throws {
    var cli = CLI(server: "127.0.0.1:1")
    cli.environment["COLUMNS"] = "80"
    let result = try cli.run(command + ["--help"])
    #expect(result.status == 0)
    var inExamples = false
    var examples = 0
    for line in result.lines {
      if line.hasPrefix("Example") {
        inExamples = true
      } else if line.hasPrefix("USAGE:") {
        inExamples = false
      } else if inExamples {
        #expect(line.hasPrefix("  "), "\(command): an example wrapped: \(line)")
        examples += 1
      }
    }
    #expect(examples > 0, "\(command) has an example")
  }
}
