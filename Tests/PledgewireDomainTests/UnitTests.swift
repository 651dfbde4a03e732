@testable import PledgewireDomain
@testable import PledgewireStorage
import PledgewireWire
import Testing

@Suite("Domain building blocks")
struct UnitTests {
  @Test("SHA-256 matches the FIPS 180-4 test vectors", arguments: [
    ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
    ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
    ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
  ])
  func sha256(_ input: String, _ digest: String) {
    #expect(SHA256Hex.of(input) == digest)
    #expect(SHA256Hex.of(String(repeating: "a", count: 1_000_000)) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0" || input != "")
  }

  @Test("names fold: case, accents, punctuation, a leading 'the'")
  func folding() {
    #expect(NameFolding.fold("  Türkiye ") == "turkiye")
    #expect(NameFolding.fold("The U.K.") == "u k")
    #expect(NameFolding.fold("Łukasz Żółw") == "lukasz zolw")
    #expect(NameFolding.fold("Côte d'Ivoire") == "cote divoire")
    #expect(NameFolding.fold("ZELENSKYY") == "zelenskyy")
  }

  @Test("the matcher prefers exact names, tolerates spelling and missing words, rejects strangers")
  func matcher() {
    #expect(NameMatcher.score(query: "zelensky", name: "zelensky") == 1)
    let variant = NameMatcher.score(query: "zelenskyy", name: "zelensky")
    let partial = NameMatcher.score(query: "zelensky", name: "volodymyr zelenskyy")
    #expect(variant > partial && partial > NameMatcher.threshold)
    #expect(NameMatcher.score(query: "macron", name: "zelensky") < NameMatcher.threshold)
  }

  /// FTS5 operators and stray quotes arrive as quoted terms, never as syntax.
  @Test("search text becomes safe FTS5", arguments: [
    ("troops peace", "\"troops\" AND \"peace\""),
    ("\"keep the peace\" troops", "\"keep the peace\" AND \"troops\""),
    ("a OR b", "(\"a\" OR \"b\")"),
    ("a OR b OR c d", "(\"a\" OR \"b\" OR \"c\") AND \"d\""),
    ("a -b -c", "(\"a\") NOT (\"b\" OR \"c\")"),
    ("summit -tariffs", "(\"summit\") NOT \"tariffs\""),
    ("defen*", "\"defen\"*"),
    ("say \"\"\" NEAR(x)", "\"say\" AND \" NEAR(x)\""),
    ("x AND y", "\"x\" AND \"AND\" AND \"y\""),
  ])
  func search(_ text: String, _ expected: String) throws {
    #expect(try SearchQuery.fts5(text) == expected)
  }

  @Test("status rules: final statuses need reopen, reopen only leaves one, outcomes need evidence, the status must change")
  func statusRules() {
    func check(_ from: PledgeStatus, _ to: PledgeStatus, reopen: Bool = false, note: String = "", evidence: Bool = false) -> StatusCode? {
      do {
        let quote = evidence ? Evidence(articleID: 1, quote: "q", stance: .progress) : nil
        try PledgeStatusRules.check(from: from, UpdatePledgeStatusRequest(status: to, evidence: quote, note: note, reopen: reopen))
        return nil
      } catch {
        return (error as? RPCError)?.code
      }
    }
    #expect(check(.announced, .inProgress) == nil)
    #expect(check(.announced, .withdrawn) == nil)
    #expect(check(.stalled, .broken, evidence: true) == nil)
    #expect(check(.fulfilled, .inProgress) == .failedPrecondition)
    #expect(check(.fulfilled, .inProgress, reopen: true) == nil)
    #expect(check(.inProgress, .stalled, reopen: true, evidence: true) == .invalidArgument)
    #expect(check(.withdrawn, .withdrawn, reopen: true) == .invalidArgument)
    // The same status again is evidence alone: AddEvidence, not a status change.
    #expect(check(.inProgress, .inProgress) == .invalidArgument)
    #expect(check(.inProgress, .inProgress, note: "again", evidence: true) == .invalidArgument)
    // An outcome needs a quote that shows it.
    for status in [PledgeStatus.fulfilled, .partiallyFulfilled, .broken, .stalled] {
      #expect(check(.inProgress, status) == .invalidArgument, "\(status)")
      #expect(check(.inProgress, status, evidence: true) == nil, "\(status)")
    }
    #expect(check(.broken, .inProgress, reopen: true) == nil)
  }

  @Test("text ranges count Unicode scalars")
  func ranges() throws {
    let text = "Zürich 🇺🇦 Kyiv"
    #expect(try TextRanges.find("Kyiv", in: text) == TextRange(start: 10, end: 14))
    // Knuth–Morris–Pratt: overlapping partial matches, a start position, and no match.
    #expect(try TextRanges.find("aab", in: "aaaab") == TextRange(start: 2, end: 5))
    #expect(try TextRanges.find("abab", in: "abacababab", from: 5) == TextRange(start: 6, end: 10))
    #expect(try TextRanges.find("abab", in: "abacababab") == TextRange(start: 4, end: 8))
    #expect(try TextRanges.find("abc", in: "ababab") == nil)
    #expect(try TextRanges.find("", in: "abc") == nil)
    #expect(TextRanges.text(in: text, at: TextRange(start: 0, end: 6)) == "Zürich")
    #expect(TextRanges.text(in: text, at: TextRange(start: 5, end: 99)) == nil)
    #expect(TextRanges.text(in: text, at: TextRange(start: 3, end: 3)) == nil)
  }

  @Test("page tokens round-trip and refuse other queries")
  func pageTokens() throws {
    let query = ListPledgesRequest(filter: PledgeFilter(actorID: 3))
    let token = PageToken.encode(scope: "pledges", query: query, fields: ["123", "45"])
    #expect(try PageToken.decode(token, scope: "pledges", query: query, fieldCount: 2) == ["123", "45"])
    #expect(throws: RPCError.self) { try PageToken.decode(token, scope: "articles", query: query, fieldCount: 2) }
    #expect(throws: RPCError.self) { try PageToken.decode(token, scope: "pledges", query: ListPledgesRequest(), fieldCount: 2) }
    #expect(try PageToken.decode("", scope: "pledges", query: query, fieldCount: 2) == nil)
  }
}

@Suite("Actor cache")
struct ActorCacheTests {
  @Test("a slower writer or reader never puts an older version back")
  func keepsNewest() {
    let cache = PledgewireStorage.ActorCache(capacity: 10)
    cache.store([Actor(id: 1, canonicalName: "new", version: 3)])
    cache.store([Actor(id: 1, canonicalName: "old", version: 2)])
    #expect(cache.actor(1)?.canonicalName == "new")
    cache.store([Actor(id: 1, canonicalName: "newer", version: 4)])
    #expect(cache.actor(1)?.version == 4)
  }

  @Test("when full it starts over instead of growing")
  func bounded() {
    let cache = PledgewireStorage.ActorCache(capacity: 3)
    cache.store((1...3).map { Actor(id: $0, version: 1) })
    cache.store([Actor(id: 4, version: 1)])
    #expect(cache.actor(4) != nil)
    #expect(cache.actor(1) == nil)
  }
}
