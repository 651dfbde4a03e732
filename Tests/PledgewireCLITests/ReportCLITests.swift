import Foundation
import PledgewireTestSupport
import Testing

@Suite("pledgewire report", .serialized)
struct ReportCLITests {
  @Test("report actor, pledge and summary write HTML to stdout or --out")
  func reports() throws {
    try withSampleServer { cli in
      let directory = try TemporaryDirectory("report")
      defer { directory.remove() }

      let pledges = try jsonObjects(try cli("pledge", "list", "--json").stdout)
      let pledgeID = try #require(pledges.first?["id"] as? String)
      let actor = try #require(try jsonObjects(try cli("actor", "resolve", "Britain", "--json").stdout).first?["actor"] as? [String: Any])
      let name = try #require(actor["canonicalName"] as? String)

      let out = directory.path("actor.html")
      let byName = try cli("report", "actor", "Britain", "--affiliated", "--out", out)
      #expect(byName.status == 0, "\(byName.stderr)")
      #expect(byName.stdout.isEmpty)
      let file = try String(contentsOfFile: out, encoding: .utf8)
      #expect(file.hasPrefix("<!DOCTYPE html>") && file.hasSuffix("</html>\n"))
      #expect(file.contains("<h1>\(name)</h1>"))

      let pledge = try cli("report", "pledge", pledgeID)
      #expect(pledge.status == 0, "\(pledge.stderr)")
      #expect(pledge.stdout.contains("id=\"pledge-\(pledgeID)\""))

      let summary = try cli("report", "summary", "--after", "2025-01-01", "--category", "diplomatic")
      #expect(summary.status == 0, "\(summary.stderr)")
      #expect(summary.stdout.contains("categories: diplomatic"))
    }
  }

  @Test("errors: unknown records exit 1 with the status; bad flags exit 2 naming the flag; --out failures lose nothing")
  func errors() throws {
    try withSampleServer { cli in
      let missing = try cli("report", "pledge", "999999")
      #expect(missing.status == 1)
      #expect(missing.stderr.hasPrefix("error: NOT_FOUND"))
      #expect(missing.stdout.isEmpty)

      let nobody = try cli("report", "actor", "Qwxzyv Plorkington")
      #expect(nobody.status == 1)
      #expect(nobody.stderr.hasPrefix("error: NOT_FOUND"))

      let badDate = try cli("report", "summary", "--after", "yesterday")
      #expect(badDate.status == 2)
      #expect(badDate.stderr.contains("--after: \"yesterday\" is not a date"))
      let badCategory = try cli("report", "summary", "--category", "tea")
      #expect(badCategory.status == 2)
      #expect(badCategory.stderr.contains("--category: \"tea\" is not one of"))
      let json = try cli("report", "pledge", "1", "--json")
      #expect(json.status == 2)
      #expect(json.stderr.contains("--json, --csv and --output do not apply"))
      #expect(try cli("report", "pledge", "1", "-o", "csv").status == 2)

      let unwritable = try cli("report", "pledge", "1", "--out", "/nonexistent-directory/report.html")
      #expect(unwritable.status == 1)
      #expect(unwritable.stderr.hasPrefix("error: --out: cannot write /nonexistent-directory/report.html"))
    }
  }

  @Test("--open without a desktop writes the file and says where it is")
  func openWithoutDesktop() throws {
    try withSampleServer { cli in
      let out = FileManager.default.temporaryDirectory.appendingPathComponent("pledgewire-open-\(UUID().uuidString).html").path
      defer { try? FileManager.default.removeItem(atPath: out) }
      let process = Process()
      process.executableURL = CLI.executable
      process.arguments = ["report", "summary", "--out", out, "--open"]
      process.environment = ["PLEDGEWIRE_SERVER": cli.server, "PATH": "/usr/bin:/bin"]
      let errors = Pipe()
      process.standardError = errors
      process.standardOutput = FileHandle.nullDevice
      try process.run()
      let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
      process.waitUntilExit()
      #expect(process.terminationStatus == 1)
      #expect(stderr == "error: --open: no desktop here (neither DISPLAY nor WAYLAND_DISPLAY is set); the report is in \(out)\n")
      #expect(FileManager.default.fileExists(atPath: out))
    }
  }
}
