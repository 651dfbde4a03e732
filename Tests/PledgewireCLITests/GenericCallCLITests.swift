import Foundation
import PledgewireTestSupport
import Testing

@Suite("pledgewire call, describe, bench --call and --json-input", .serialized)
struct GenericCallCLITests {
  @Test("call a unary method with the request as an argument, -d, -d @file or standard input")
  func unary() throws {
    try withSampleServer { cli in
      let expected = try cli("pledge", "get", "4", "--json").stdout
      let file = FileManager.default.temporaryDirectory.appendingPathComponent("pledgewire-call-\(UUID().uuidString).json")
      try #"{"id": "4"}"#.write(to: file, atomically: true, encoding: .utf8)
      defer { try? FileManager.default.removeItem(at: file) }
      let calls = [
        ["call", "pledgewire.v1.PledgeService/GetPledge", #"{"id": 4}"#],
        ["call", "/pledgewire.v1.PledgeService/GetPledge", "-d", #"{"id": 4}"#],
        ["call", "PledgeService/GetPledge", "-d", "@" + file.path],
        ["--server", cli.server, "call", "GetPledge", "--data", "@-"],
      ]
      for arguments in calls {
        let result = try cli.run(arguments, stdin: #"{"id": 4}"#)
        #expect(result.status == 0, "\(arguments): \(result.stderr)")
        #expect(result.stdout == expected, "\(arguments)")
      }
      let empty = try cli("call", "HealthService/Check")
      #expect(empty.status == 0)
      #expect(empty.stdout == "{\"status\":\"SERVING_STATUS_SERVING\"}\n")

      let missing = try cli("call", "GetPledge", #"{"id": 999}"#)
      #expect(missing.status == 1)
      #expect(missing.stderr.hasPrefix("error: NOT_FOUND"))
      let badField = try cli("call", "GetPledge", #"{"idd": 4}"#)
      #expect(badField.status == 2)
      #expect(badField.stderr.contains("REQUEST: "))
      #expect(badField.stderr.contains("idd"))
      let badMethod = try cli("call", "PledgeService/GetPledges", "{}")
      #expect(badMethod.status == 2)
      #expect(badMethod.stderr.contains("METHOD: no method \"PledgeService/GetPledges\""))
      let both = try cli("call", "GetPledge", "{}", "-d", "{}")
      #expect(both.status == 2)
    }
  }

  @Test("call a server-streaming method: each response a line as it arrives; the deadline when asked")
  func serverStreaming() throws {
    try withSampleServer { cli in
      let watch = try cli("call", "HealthService/Watch", "-d", "{}", "--timeout", "1")
      #expect(watch.lines.first == "{\"status\":\"SERVING_STATUS_SERVING\"}")
      #expect(watch.stderr.hasPrefix("error: DEADLINE_EXCEEDED"))
      #expect(watch.status == 69)
    }
  }

  @Test("call a client-streaming method with JSON lines; a bad line sends nothing")
  func clientStreaming() throws {
    try withSampleServer { cli in
      let before = try cli("actor", "list", "--all", "-q").lines.count
      let lines = """
        {"actor": {"kind": "ACTOR_KIND_PERSON", "canonicalName": "Ada Example"}}

        {"actor": {"kind": "PERSON", "canonicalName": "Bo Example"}}
        """
      let bad = try cli("call", "ActorService/ImportActors", stdin: lines + "\n{\"actor\": {\"kind\": \"PLANET\"}}\n")
      #expect(bad.status == 2)
      #expect(bad.stderr.contains("standard input, line 4: "))
      #expect(try cli("actor", "list", "--all", "-q").lines.count == before)

      let imported = try cli("call", "ActorService/ImportActors", "-d", "@-", stdin: lines)
      #expect(imported.status == 0, "\(imported.stderr)")
      let response = try #require(try jsonObjects(imported.stdout).first)
      #expect(response["received"] as? Int == 2 && response["created"] as? Int == 2)
      #expect(try cli("actor", "list", "--all", "-q").lines.count == before + 2)
      #expect(try cli("actor", "resolve", "Bo Example").stdout.contains("Bo Example"))
    }
  }

  @Test("describe prints services, methods with their messages, messages and enums from reflection")
  func describe() throws {
    try withSampleServer { cli in
      let all = try cli("describe")
      #expect(all.status == 0, "\(all.stderr)")
      #expect(all.lines.contains("pledgewire.v1.PledgeService"))
      #expect(all.lines.contains("  pledgewire.v1.PledgeService/WatchPledges"))
      let service = try cli("describe", "PledgeService")
      #expect(service.stdout.contains("service pledgewire.v1.PledgeService {"))
      #expect(service.stdout.contains("  rpc WatchPledges(pledgewire.v1.WatchPledgesRequest) returns (stream pledgewire.v1.PledgeEvent);"))
      #expect(service.stdout.contains("  rpc ImportPledges(stream pledgewire.v1.CreatePledgeRequest) returns (pledgewire.v1.ImportResponse);"))
      #expect(service.stdout.contains("rpc GetPledge(pledgewire.v1.GetPledgeRequest) returns (pledgewire.v1.Pledge); // no side effects"))
      let method = try cli("describe", "pledgewire.v1.PledgeService/GetPledge")
      #expect(method.stdout.contains("message pledgewire.v1.GetPledgeRequest {\n"))
      #expect(method.stdout.contains("  int64 id = 1;\n}"))
      #expect(method.stdout.contains("message pledgewire.v1.Pledge {"))
      #expect(method.stdout.contains("  repeated pledgewire.v1.Evidence evidence = "))
      let enumType = try cli("describe", "PledgeStatus")
      #expect(enumType.stdout.contains("enum pledgewire.v1.PledgeStatus {"))
      #expect(enumType.stdout.contains("  PLEDGE_STATUS_IN_PROGRESS = "))
      let unknown = try cli("describe", "Nothing")
      #expect(unknown.status == 2)
      #expect(unknown.stderr.contains("no service, method, message or enum \"Nothing\""))
    }
  }

  @Test("bench --call loads any unary method; a writing method needs --allow-writes")
  func benchCall() throws {
    try withSampleServer { cli in
      let run = try cli("bench", "--call", "PledgeService/GetPledge", "-d", #"{"id": 4}"#, "--requests", "200", "--warmup", "0", "--quiet", "--json")
      #expect(run.status == 0, "\(run.stderr)")
      let report = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
      #expect("\(report)".contains("call"))
      let writes = try cli("bench", "--call", "ActorService/CreateActor", "-d", #"{"actor": {"kind": "PERSON", "canonicalName": "X"}}"#, "--requests", "10", "--quiet")
      #expect(writes.status != 0)
      #expect(writes.stderr.contains("allow-writes"))
      let streaming = try cli("bench", "--call", "WatchPledges", "--requests", "10")
      #expect(streaming.status == 2)
      #expect(streaming.stderr.contains("--call: WatchPledges is not unary"))
      let badRequest = try cli("bench", "--call", "GetPledge", "-d", #"{"id": "four"}"#, "--requests", "10")
      #expect(badRequest.status == 2)
      #expect(badRequest.stderr.contains("-d: "))
    }
  }

  @Test("--json-input creates an actor, an article and a pledge from the proto3 JSON mapping")
  func jsonInput() throws {
    try withSampleServer { cli in
      let actor = try cli("actor", "add", "--json-input", "-", "--json", stdin: #"{"kind": "ACTOR_KIND_PERSON", "canonicalName": "Ada Example", "aliases": ["Ada"]}"#)
      #expect(actor.status == 0, "\(actor.stderr)")
      let created = try #require(try jsonObjects(actor.stdout).first)
      #expect(created["canonicalName"] as? String == "Ada Example")

      let body = "Ada Example promised on Monday to open a school in Kyiv."
      let article = try cli("article", "add", "--json-input", "-", "-q", stdin: """
        {"canonicalUrl": "https://news.example/school", "title": "A school", "publishedAtMs": "1740873600000", "body": "\(body)"}
        """)
      #expect(article.status == 0, "\(article.stderr)")
      let articleID = try #require(Int(article.stdout.trimmingCharacters(in: .whitespacesAndNewlines)))

      let pledge = """
        {"parties": [{"actorId": "\(id(created)!)", "role": "MAKER"}], "action": "open a school in Kyiv", "category": "OTHER",
         "madeAtMs": "1740873600000", "madePrecision": "DAY", "evidence": [{"articleId": "\(articleID)", "quote": "open a school in Kyiv", "stance": "ANNOUNCES"}]}
        """
      let recorded = try cli("pledge", "add", "--json-input", "-", "--json", stdin: pledge)
      #expect(recorded.status == 0, "\(recorded.stderr)")
      #expect(try jsonObjects(recorded.stdout).first?["action"] as? String == "open a school in Kyiv")

      let mixed = try cli("actor", "add", "--json-input", "-", "--name", "Bo", stdin: "{}")
      #expect(mixed.status == 2)
      #expect(mixed.stderr.contains("--json-input: give the record as JSON or with --name, not both"))
      let badField = try cli("actor", "add", "--json-input", "-", stdin: #"{"kind": "PLANET", "canonicalName": "Mars"}"#)
      #expect(badField.status == 2)
      #expect(badField.stderr.contains("--json-input: kind"))
      let noFile = try cli("pledge", "add", "--json-input", "/nonexistent/pledge.json")
      #expect(noFile.status == 2)
      #expect(noFile.stderr.contains("--json-input: cannot read /nonexistent/pledge.json"))
    }
  }
}
