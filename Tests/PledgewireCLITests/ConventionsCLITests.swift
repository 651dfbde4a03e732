import Foundation
import PledgewireTestSupport
import Testing

@Suite("Command-line conventions: shared options anywhere, formats, exit statuses, profiles, completions", .serialized)
struct ConventionsCLITests {
  @Test("the shared options work before, between and after the subcommand names")
  func optionsAnywhere() throws {
    try withSampleServer { cli in
      let after = try cli("pledge", "get", "4", "--json")
      #expect(after.status == 0, "\(after.stderr)")
      let expected = try #require(try jsonObjects(after.stdout).first)
      #expect(id(expected) == 4)
      for arguments in [["--json", "pledge", "get", "4"], ["pledge", "--json", "get", "4"], ["-o", "json", "pledge", "get", "4"], ["--output=json", "pledge", "get", "4"]] {
        let result = try cli.run(arguments)
        #expect(result.status == 0, "\(arguments): \(result.stderr)")
        #expect(result.stdout == after.stdout, "\(arguments)")
      }
      // A value-taking option before the subcommand, with the server named there instead of in the environment.
      var elsewhere = CLI(server: "127.0.0.1:1")
      elsewhere.environment["PLEDGEWIRE_SERVER"] = .some(nil)
      let named = try elsewhere("--server", cli.server, "--timeout", "5", "pledge", "get", "4", "--json")
      #expect(named.status == 0, "\(named.stderr)")
      #expect(named.stdout == after.stdout)
      // A `--` ends the options: what follows is an argument, even when it looks like a shared option.
      let terminated = try cli("--json", "call", "GetPledge", "--", #"{"id": 4}"#)
      #expect(terminated.status == 0, "\(terminated.stderr)")
      #expect(terminated.stdout == after.stdout)
    }
  }

  @Test("--output table, json (an array), jsonl and csv; --fields picks columns; --quiet prints ids")
  func formats() throws {
    try withSampleServer { cli in
      let jsonl = try cli("actor", "list", "--kind", "country", "--output", "jsonl")
      #expect(jsonl.lines.count == 10)
      let array = try cli("actor", "list", "--kind", "country", "-o", "json")
      let parsed = try #require(try JSONSerialization.jsonObject(with: Data(array.stdout.utf8)) as? [[String: Any]])
      #expect(parsed.map { id($0) } == (try jsonObjects(jsonl.stdout)).map { id($0) })

      let csv = try cli("actor", "list", "--kind", "country", "--csv", "--fields", "name,id")
      #expect(csv.lines.first == "NAME,ID")
      #expect(csv.lines.contains { $0.hasPrefix("United Kingdom,") })
      let table = try cli("actor", "list", "--kind", "country", "--fields", "NAME")
      #expect(table.lines.first?.trimmingCharacters(in: .whitespaces) == "NAME")
      #expect(table.lines.contains { $0.hasPrefix("United Kingdom") })
      let unknown = try cli("actor", "list", "--fields", "name,colour")
      #expect(unknown.status == 2)
      #expect(unknown.stderr.contains("--fields: no column \"colour\""))

      let quiet = try cli("actor", "list", "--kind", "country", "-q")
      #expect(quiet.lines == (try jsonObjects(jsonl.stdout)).map { String(id($0) ?? 0) })
      #expect(try cli("pledge", "get", "4", "--quiet").stdout == "4\n")

      let both = try cli("actor", "list", "--json", "--csv")
      #expect(both.status == 2)
      #expect(both.stderr.contains("choose one of --json and --csv"))
      let badFormat = try cli("actor", "list", "--output", "yaml")
      #expect(badFormat.status == 2)
      #expect(badFormat.stderr.contains("--output"))
    }
  }

  @Test("exit statuses: 0 done, 1 server error, 2 usage (nothing sent), 69 unavailable with a hint")
  func exitStatuses() throws {
    try withSampleServer { cli in
      #expect(try cli("actor", "get", "3").status == 0)
      let missing = try cli("actor", "get", "999")
      #expect(missing.status == 1)
      #expect(missing.stderr == "error: NOT_FOUND: actor 999 does not exist\n")
      let unknownFlag = try cli("actor", "get", "3", "--colour", "red")
      #expect(unknownFlag.status == 2)
      #expect(unknownFlag.stderr.contains("--colour"))
      let badTimeout = try cli("--timeout", "0", "actor", "get", "3")
      #expect(badTimeout.status == 2)
      #expect(badTimeout.stderr.contains("--timeout: must be a positive number of seconds"))
      // A usage error sends nothing: the actor count is unchanged.
      let before = try cli("actor", "list", "--all", "-q").lines.count
      let refused = try cli("actor", "add", "--kind", "planet", "--name", "Mars")
      #expect(refused.status == 2)
      #expect(refused.stderr.contains("--kind: \"planet\" is not one of"))
      #expect(try cli("actor", "list", "--all", "-q").lines.count == before)
    }
    let down = try CLI(server: "127.0.0.1:1")("pledge", "get", "1")
    #expect(down.status == 69)
    #expect(down.stderr.contains("hint: is the server running?"))
  }

  @Test("a server's INVALID_ARGUMENT names the flag that sets the field, the field path kept; JSON input keeps the path")
  func errorsNameTheFlag() throws {
    try withSampleServer { cli in
      let actor = try cli("actor", "add", "--kind", "person", "--name", "")
      #expect(actor.status == 1)
      #expect(actor.stderr.hasPrefix("error: INVALID_ARGUMENT: --name: is required"))
      #expect(actor.stderr.contains("(actor.canonical_name)"))
      let article = try cli("article", "add", "--url", "https://news.example/x", "--title", "", "--published", "2025-03-02", stdin: "Words.")
      #expect(article.status == 1)
      #expect(article.stderr.hasPrefix("error: INVALID_ARGUMENT: --title: is required"))
      let json = try cli("actor", "add", "--json-input", "-", stdin: #"{"kind": "PERSON"}"#)
      #expect(json.status == 1)
      #expect(json.stderr.hasPrefix("error: INVALID_ARGUMENT: actor.canonical_name: is required"))
    }
  }

  @Test("profiles from config.toml and config.json; flags beat variables beat the profile")
  func profiles() throws {
    try withSampleServer { cli in
      let folder = try TemporaryDirectory("profiles")
      defer { folder.remove() }
      try FileManager.default.createDirectory(atPath: folder.path("pledgewire"), withIntermediateDirectories: true)
      let toml = URL(fileURLWithPath: folder.path("pledgewire/config.toml"))
      try """
        # Pledgewire servers
        default = "down"

        [profiles.down]
        server = "127.0.0.1:1"

        [profiles.local]
        server = "\(cli.server)"   # the test server
        output = "csv"
        timeout = 5
        """.write(to: toml, atomically: true, encoding: .utf8)
      var configured = CLI(server: cli.server)
      configured.environment = ["XDG_CONFIG_HOME": folder.url.path, "PLEDGEWIRE_SERVER": nil]

      let byDefault = try configured("actor", "get", "3")
      #expect(byDefault.status == 69, "the default profile points at a closed port: \(byDefault.stderr)")
      let local = try configured("--profile", "local", "actor", "list", "--kind", "country")
      #expect(local.status == 0, "\(local.stderr)")
      #expect(local.lines.first == "ID,KIND,NAME,COUNTRY,ALIASES")
      let flagWins = try configured("actor", "list", "--kind", "country", "--profile", "local", "--output", "jsonl")
      #expect(try jsonObjects(flagWins.stdout).count == 10)
      configured.environment["PLEDGEWIRE_OUTPUT"] = "jsonl"
      #expect(try jsonObjects(try configured("actor", "list", "--kind", "country", "--profile", "local").stdout).count == 10)
      configured.environment["PLEDGEWIRE_OUTPUT"] = .some(nil)
      configured.environment["PLEDGEWIRE_PROFILE"] = "local"
      #expect(try configured("actor", "get", "3").status == 0)

      let missing = try configured("--profile", "staging", "actor", "get", "3")
      #expect(missing.status == 2)
      #expect(missing.stderr.contains("--profile: no profile \"staging\" in \(toml.path) (it has: down, local)"))

      try "[profiles.local]\nserver = 7979\n".write(to: toml, atomically: true, encoding: .utf8)
      let badValue = try configured("actor", "get", "3")
      #expect(badValue.status == 2)
      #expect(badValue.stderr.contains("[profiles.local]: server must be a string"))
      try "[profiles.local]\nserver \"x\"\n".write(to: toml, atomically: true, encoding: .utf8)
      #expect(try configured("actor", "get", "3").stderr.contains("config.toml:2: expected key = value"))

      try FileManager.default.removeItem(at: toml)
      try #"{"profiles": {"local": {"server": "\#(cli.server)", "output": "jsonl"}}}"#.write(
        to: folder.url.appendingPathComponent("pledgewire/config.json"), atomically: true, encoding: .utf8
      )
      let json = try configured("actor", "list", "--kind", "country")
      #expect(json.status == 0, "\(json.stderr)")
      #expect(try jsonObjects(json.stdout).count == 10)
    }
  }

  @Test("completions for bash, zsh and fish, with enum values")
  func completions() throws {
    let cli = CLI(server: "127.0.0.1:1")
    for shell in ["bash", "zsh", "fish"] {
      let script = try cli("completions", shell)
      #expect(script.status == 0, "\(shell): \(script.stderr)")
      #expect(script.stdout.contains("pledgewire"))
      #expect(script.stdout.contains("troop-deployment"), "\(shell): the categories complete")
      #expect(script.stdout.contains("in-progress"), "\(shell): the statuses complete")
      #expect(script.stdout.contains("describe") && script.stdout.contains("call"))
    }
    let unknown = try cli("completions", "tcsh")
    #expect(unknown.status == 2)
  }
}

