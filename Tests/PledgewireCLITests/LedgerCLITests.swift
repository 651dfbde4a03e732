import Foundation
import PledgewireTestSupport
import Testing

@Suite("The pledgewire command line: the ledger", .serialized)
struct LedgerCLITests {
  @Test("dates are strict ISO-8601 and errors name the flag; a year or a month means its start")
  func dates() throws {
    try withSampleServer { cli in
      let impossible = try cli("pledge", "add", "--maker", "4", "--action", "x", "--category", "other", "--made", "2025-02-30", "--article", "1", "--quote", "q")
      #expect(impossible.status == 2)
      #expect(impossible.stderr.contains("--made: \"2025-02-30\" is not a date: February 2025 has 28 days"))
      let number = try cli("pledge", "list", "--before", "1740931200000")
      #expect(number.status == 2 && number.stderr.contains("--before: \"1740931200000\" is not a date: a bare number"))
      for bad in ["2025-13", "2025-03-02T16:00", "2025-03-02T25:00Z", "25-03-02", "2025-3-2", "next week"] {
        let result = try cli("article", "list", "--after", bad)
        #expect(result.status == 2 && result.stderr.contains("--after: \"\(bad)\" is not a date"), "\(bad): \(result.stderr)")
      }
      // "--before 2026" is before 1 January 2026: every sample pledge; "--after 2025-03-03" none.
      #expect(try cli("pledge", "list", "--before", "2026", "--csv").lines.count == 11)
      #expect(try cli("pledge", "list", "--after", "2025-03-03", "--csv").lines.count == 1)
      #expect(try cli("pledge", "list", "--after", "2025-03-02T00:00:00-01:00", "--before", "2025-04", "--csv").lines.count == 1)
      #expect(try cli("pledge", "list", "--after", "2025-03-01T23:30Z", "--csv").lines.count == 11)
    }
  }

  @Test("tables put names beside ids; JSON and CSV lists leave the next page token on standard error")
  func namesAndPages() throws {
    try withSampleServer { cli in
      let table = try cli("pledge", "get", "4")
      #expect(table.stdout.contains("United Kingdom (4), France (7)"))
      #expect(table.stdout.contains("Keir Starmer (14)"))
      let json = try cli("actor", "list", "--limit", "2", "--json")
      #expect(try jsonObjects(json.stdout).count == 2)
      #expect(json.stderr.hasPrefix("next page: --page-token "))
      let csv = try cli("pledge", "list", "--limit", "3", "--csv")
      #expect(csv.lines.count == 4 && csv.stderr.hasPrefix("next page: --page-token "))
      let token = String(csv.stderr.dropFirst("next page: --page-token ".count)).trimmingCharacters(in: .whitespacesAndNewlines)
      let next = try cli("pledge", "list", "--limit", "3", "--csv", "--page-token", token)
      #expect(next.status == 0 && next.lines.count == 4 && Set(next.lines.dropFirst()).isDisjoint(with: csv.lines.dropFirst()))
      #expect(try cli("pledge", "list", "--limit", "3").stdout.contains("next page: --page-token "))
    }
  }

  @Test("pledge add lists similar pledges, refuses a likely duplicate unless --new, and --as-evidence-of attaches instead")
  func addSimilar() throws {
    try withSampleServer { cli in
      let duplicate = ["pledge", "add", "--maker", "4", "--maker", "7", "--action", "send British and French troops into Ukraine to keep the peace",
        "--category", "troop-deployment", "--made", "2025-03-03", "--article", "2", "--quote", "British and French troops could go to Ukraine"]
      let refused = try cli.run(duplicate)
      #expect(refused.status == 1)
      #expect(refused.stderr.contains("similar pledges already recorded:"))
      #expect(refused.stderr.contains("error: ALREADY_EXISTS: pledge 4 looks like the same pledge"))
      #expect(refused.stdout.isEmpty)
      #expect(try cli("pledge", "list", "--csv").lines.count == 11)

      let attached = try cli("pledge", "add", "--as-evidence-of", "4", "--article", "2", "--quote", "British and French troops could go to Ukraine",
        "--amount", "1600000000", "--currency", "GBP", "--amount-text", "£1.6bn", "--json")
      #expect(attached.status == 0, "\(attached.stderr)")
      let pledge = try #require(try jsonObjects(attached.stdout).first)
      let evidence = try #require((pledge["evidence"] as? [[String: Any]])?.last)
      #expect(evidence["stance"] as? String == "EVIDENCE_STANCE_REPORTS")
      #expect((evidence["reportedAmount"] as? [String: Any])?["text"] as? String == "£1.6bn")

      let forced = try cli.run(duplicate + ["--new", "--json"])
      #expect(forced.status == 0 && forced.stderr.contains("similar pledges already recorded:"))
      #expect(id(try jsonObjects(forced.stdout).first) == 11)
    }
  }

  @Test("pledge update, evidence, merge, delete and audit")
  func pledgeLedger() throws {
    try withSampleServer { cli in
      let updated = try cli("pledge", "update", "4", "--version", "1", "--due", "2026", "--add-label", "watch", "--remove-label", "london-summit",
        "--add-maker", "6", "--target", "2.5", "--of", "GDP", "--note", "check in 2026")
      #expect(updated.status == 0, "\(updated.stderr)")
      #expect(updated.stdout.contains("2026") && updated.stdout.contains("United States (6)") && updated.stdout.contains("2.5% of GDP"))
      #expect(updated.stdout.contains("synthetic-sample, watch"))
      let stale = try cli("pledge", "update", "4", "--version", "1", "--note", "x")
      #expect(stale.status == 1 && stale.stderr.hasPrefix("error: ABORTED: pledge 4 is at version 2"))
      let nothing = try cli("pledge", "update", "4", "--version", "2")
      #expect(nothing.status == 2)

      let evidence = try cli("pledge", "evidence", "4", "--article", "2", "--quote", "Until then the offer stays on paper.", "--stance", "reaffirms", "--condition", "failed")
      #expect(evidence.status == 0, "\(evidence.stderr)")
      #expect(evidence.stdout.contains("if a peace agreement is reached [failed]"))
      let optOut = try cli("pledge", "evidence", "4", "--article", "1", "--quote", "both have said", "--stance", "opts-out", "--party", "6")
      #expect(optOut.status == 0, "\(optOut.stderr)")
      #expect(optOut.stdout.contains("United States (6) [opted out]"))

      let merged = try cli("pledge", "merge", "1", "3")
      #expect(merged.status == 0 && merged.stdout.contains("pledge 3"))
      #expect(try cli("pledge", "get", "3").stdout.contains("merged into"))
      let deleteLinked = try cli("pledge", "delete", "3")
      #expect(deleteLinked.status == 0)
      #expect(try cli("pledge", "get", "3").status == 1)

      let audit = try cli("pledge", "audit", "4", "--csv")
      #expect(audit.lines.first == "AT,RECORD,VERSION,WHO,METHOD,SUMMARY")
      #expect(audit.lines.count == 5)
      #expect(audit.lines[2].contains("pledge 4,1 → 2,anonymous,UpdatePledge,"))
      #expect(audit.lines[3].contains("AddEvidence") && audit.lines[3].contains("condition PENDING -> FAILED"))
      let all = try cli("audit", "--type", "pledge", "--id", "1", "--json")
      #expect(try jsonObjects(all.stdout).map { $0["method"] as? String } == ["sample-data", "/pledgewire.v1.PledgeService/MergePledges"])
    }
  }

  @Test("actor update adds and removes aliases one by one; merge and delete; audit")
  func actorLedger() throws {
    try withSampleServer { cli in
      let added = try cli("actor", "update", "4", "--version", "1", "--add-alias", "U.K.", "--remove-alias", "london", "--add-affiliation", "24:member-of")
      #expect(added.status == 0, "\(added.stderr)")
      #expect(added.stdout.contains("UK, Britain, Great Britain, U.K."))
      #expect(added.stdout.contains("member-of Leaders at the London summit (24)"))
      let missing = try cli("actor", "update", "4", "--version", "2", "--remove-alias", "Paris")
      #expect(missing.status == 1 && missing.stderr.contains("remove_aliases[0]: \"Paris\" is not an alias of actor 4"))

      let copy = try cli("actor", "add", "--kind", "country", "--name", "Grande-Bretagne", "--alias", "GB", "--json")
      let copyID = try #require(id(try jsonObjects(copy.stdout).first))
      let refused = try cli("actor", "delete", "4")
      #expect(refused.status == 1 && refused.stderr.contains("FAILED_PRECONDITION") && refused.stderr.contains("merge it into another actor instead"))
      let merged = try cli("actor", "merge", "4", String(copyID))
      #expect(merged.status == 0 && merged.stdout.contains("Grande-Bretagne, GB"))
      #expect(try cli("actor", "get", String(copyID)).stdout.contains("United Kingdom (4) (this actor is a merged duplicate)"))
      #expect(try cli("actor", "delete", String(copyID)).status == 0)
      let audit = try cli("actor", "audit", "4", "--csv")
      #expect(audit.lines.count == 4 && audit.lines[3].contains("MergeActors"))
    }
  }

  @Test("article add canonicalizes the URL, refuses a cosmetic copy and warns about the same body elsewhere")
  func articleDuplicates() throws {
    try withSampleServer { cli in
      let body = "Denmark said it would send more air-defence systems."
      let first = try cli("article", "add", "--url", "HTTPS://News.Example/denmark/?utm_campaign=x", "--title", "Denmark", "--published", "2025-04-02", stdin: body)
      #expect(first.status == 0 && first.stdout.contains("https://news.example/denmark"))
      let copy = try cli("article", "add", "--url", "https://news.example/denmark#top", "--title", "Denmark", "--published", "2025-04-02", stdin: "other")
      #expect(copy.status == 1 && copy.stderr.contains("ALREADY_EXISTS"))
      let twin = try cli("article", "add", "--url", "https://other.example/dk", "--title", "Denmark", "--published", "2025-04-02", stdin: body)
      #expect(twin.status == 0 && twin.stderr.hasPrefix("warning: SAME_CONTENT: the same body is article 3"))
    }
  }
}
