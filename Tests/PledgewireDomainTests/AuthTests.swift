import Foundation
import PledgewireClient
import PledgewireDomain
import PledgewireServer
import PledgewireStorage
import PledgewireTestSupport
import Testing

@Suite("Authentication and roles over TCP")
struct AuthTests {
  @Test("every method of the schema declares who may call it, and nothing else is declared")
  func everyMethodDeclared() {
    let schema = Set(ServiceCatalog.services.flatMap(\.methods).map(\.fullName))
    #expect(schema.subtracting(MethodAccess.table.keys).sorted() == [])
    #expect(Set(MethodAccess.table.keys).subtracting(schema).sorted() == [])
    #expect(MethodAccess.table["/pledgewire.v1.HealthService/Check"] == .open)
    #expect(MethodAccess.table["/pledgewire.v1.ArticleService/DeleteArticle"] == .role(.admin))
  }

  /// One call of each class of methods, as the outcome each caller must get.
  enum Outcome: Equatable {
    case ok
    case failed(StatusCode)
  }

  static func outcome(_ body: () async throws -> Void) async -> Outcome {
    do {
      try await body()
      return .ok
    } catch let error as RPCError {
      return .failed(error.code)
    } catch {
      return .failed(.unknown)
    }
  }

  @Test("each role may call its class of methods and those below; no token may call only the open ones", arguments: [
    (nil, [Outcome.ok, .failed(.unauthenticated), .failed(.unauthenticated), .failed(.unauthenticated)]),
    (TokenRole.reader, [.ok, .ok, .failed(.permissionDenied), .failed(.permissionDenied)]),
    (TokenRole.editor, [.ok, .ok, .ok, .failed(.permissionDenied)]),
    (TokenRole.admin, [.ok, .ok, .ok, .ok]),
  ])
  func roles(_ role: TokenRole?, _ expected: [Outcome]) async throws {
    try await withAuthServer { server in
      let admin = try await server.client(.admin)
      defer { admin.close() }
      let existing = try await admin.actor.createActor(CreateActorRequest(actor: validActor("France")))
      let client = try await server.client(role.flatMap { server.tokens[$0] })
      defer { client.close() }
      let open = await Self.outcome { _ = try await client.health.check(HealthCheckRequest()) }
      let read = await Self.outcome {
        _ = try await client.actor.getActor(GetActorRequest(id: existing.id))
        _ = try await client.pledge.listPledges(ListPledgesRequest())
      }
      let write = await Self.outcome { _ = try await client.actor.createActor(CreateActorRequest(actor: validActor("Italy"))) }
      let destroy = await Self.outcome { _ = try await client.actor.deleteActor(DeleteActorRequest(id: existing.id)) }
      #expect([open, read, write, destroy] == expected)
      // A refused write or deletion changed nothing.
      let names = try await admin.actor.listActors(ListActorsRequest()).actors.map(\.canonicalName)
      #expect(names.contains("Italy") == (write == .ok))
      #expect(names.contains("France") == (destroy != .ok))
    }
  }

  @Test("refusals say why: no token, a malformed one, an unknown one, a role too low")
  func messages() async throws {
    try await withAuthServer { server in
      let none = try await server.client(nil)
      defer { none.close() }
      let missing = await rpcError { _ = try await none.pledge.listPledges(ListPledgesRequest()) }
      #expect(missing?.code == .unauthenticated)
      #expect(missing?.message.contains("authorization: Bearer <token>") == true)

      let basic = await rpcError {
        _ = try await none.pledge.listPledges(ListPledgesRequest(), options: CallOptions(metadata: ["authorization": "Basic abc"]))
      }
      #expect(basic?.code == .unauthenticated)
      #expect(basic?.message.contains("must be \"Bearer <token>\"") == true)

      let unknown = try await server.client("pw_" + String(repeating: "0", count: 64))
      defer { unknown.close() }
      let wrong = await rpcError { _ = try await unknown.pledge.listPledges(ListPledgesRequest()) }
      #expect(wrong?.code == .unauthenticated && wrong?.message == "the token is not valid")

      let reader = try await server.client(.reader)
      defer { reader.close() }
      let denied = await rpcError { _ = try await reader.article.deleteArticle(DeleteArticleRequest(id: 1)) }
      #expect(denied?.code == .permissionDenied)
      #expect(denied?.message == "the token \"reader-token\" has role reader; /pledgewire.v1.ArticleService/DeleteArticle needs admin")

      // Reflection stays open, and a call's own metadata wins over the client's token.
      #expect(try await none.reflection.listServices(ListServicesRequest()).services.isEmpty == false)
      let overridden = await rpcError {
        _ = try await reader.pledge.listPledges(ListPledgesRequest(), options: CallOptions(metadata: ["authorization": "Bearer nope"]))
      }
      #expect(overridden?.code == .unauthenticated)
    }
  }

  @Test("a revoked token and an expired one stop working within the cache's lifetime; last use is recorded")
  func revokedAndExpired() async throws {
    let clock = TestClock(1_750_000_000_000)
    try await withAuthServer(clock: clock) { server in
      let expiring = TokenText.generate()
      _ = try await server.store.insertToken(AccessToken(
        name: "temp", role: .reader, hash: TokenText.hash(expiring), createdAtMs: clock.now(), expiresAtMs: clock.now() + 60_000
      ))
      let editor = try await server.client(.editor)
      defer { editor.close() }
      let temp = try await server.client(expiring)
      defer { temp.close() }
      _ = try await editor.pledge.listPledges(ListPledgesRequest())
      _ = try await temp.pledge.listPledges(ListPledgesRequest())
      #expect(try await server.store.tokens().first { $0.name == "editor-token" }?.lastUsedAtMs == clock.now())
      #expect(try await server.store.tokens().first { $0.name == "admin-token" }?.lastUsedAtMs == 0)

      _ = try await server.store.revokeToken(name: "editor-token", at: clock.now())
      clock.advance(5_000)  // the cache's lifetime
      let revoked = await rpcError { _ = try await editor.pledge.listPledges(ListPledgesRequest()) }
      #expect(revoked?.code == .unauthenticated && revoked?.message == "the token \"editor-token\" was revoked")
      _ = try await temp.pledge.listPledges(ListPledgesRequest())

      clock.advance(55_000)  // the temporary token's expiry
      let expired = await rpcError { _ = try await temp.pledge.listPledges(ListPledgesRequest()) }
      #expect(expired?.code == .unauthenticated && expired?.message == "the token \"temp\" expired")
      #expect(server.log.text.contains("token revoked") && server.log.text.contains("token expired"))
    }
  }

  @Test("failed attempts are limited per address: RESOURCE_EXHAUSTED with a retry hint, then one try per second")
  func failureLimit() async throws {
    let clock = TestClock(1_750_000_000_000)
    try await withAuthServer(clock: clock, failureBurst: 3) { server in
      let guesser = try await server.client("pw_guess")
      defer { guesser.close() }
      for _ in 0..<3 {
        #expect(await rpcError { _ = try await guesser.pledge.listPledges(ListPledgesRequest()) }?.code == .unauthenticated)
      }
      let limited = await rpcError { _ = try await guesser.pledge.listPledges(ListPledgesRequest()) }
      #expect(limited?.code == .resourceExhausted)
      #expect(limited?.details?.reason == "AUTH_RATE_LIMITED" && limited?.details?.retryAfterMs == 1_000)
      // From the same address, a valid token the server has not seen yet waits too; one it knows does not.
      let admin = try await server.client(.admin)
      defer { admin.close() }
      #expect(await rpcError { _ = try await admin.pledge.listPledges(ListPledgesRequest()) }?.code == .resourceExhausted)
      clock.advance(1_000)
      _ = try await admin.pledge.listPledges(ListPledgesRequest())
      #expect(await rpcError { _ = try await guesser.pledge.listPledges(ListPledgesRequest()) }?.code == .unauthenticated)
      _ = try await admin.pledge.listPledges(ListPledgesRequest())
      #expect(await rpcError { _ = try await guesser.pledge.listPledges(ListPledgesRequest()) }?.code == .resourceExhausted)
      #expect(server.log.text.components(separatedBy: "authentication failed: no such token").count - 1 == 4)
    }
  }

  @Test("every write's audit entry names the token; tokens appear neither in the logs nor in the database file")
  func principalAndSecrecy() async throws {
    let directory = try TemporaryDirectory("auth")
    defer { directory.remove() }
    let path = directory.path("auth.sqlite")
    let tokens = try await withAuthServer(path: path) { server in
      let editor = try await server.client(.editor)
      defer { editor.close() }
      let actor = try await editor.actor.createActor(CreateActorRequest(actor: validActor("Norway")))
      let admin = try await server.client(.admin)
      defer { admin.close() }
      _ = try await admin.actor.deleteActor(DeleteActorRequest(id: actor.id))
      let entries = try await admin.audit.listAuditEntries(ListAuditEntriesRequest(recordType: .actor, recordID: actor.id)).entries
      #expect(entries.map(\.principal) == ["editor-token", "admin-token"])
      // Failures are logged, without the token.
      let wrong = try await server.client("pw_secret-guess")
      defer { wrong.close() }
      _ = await rpcError { _ = try await wrong.pledge.listPledges(ListPledgesRequest()) }
      #expect(server.log.text.contains("authentication failed"))
      #expect(!server.log.text.contains("secret-guess"))
      for token in server.tokens.values {
        #expect(!server.log.text.contains(token))
      }
      return server.tokens
    }
    var bytes = Data()
    for file in try FileManager.default.contentsOfDirectory(atPath: directory.url.path) {
      bytes.append(try Data(contentsOf: directory.url.appendingPathComponent(file)))
    }
    for token in tokens.values {
      #expect(bytes.range(of: Data(token.utf8)) == nil)
      #expect(bytes.range(of: Data(TokenText.hash(token).utf8)) != nil)
    }
  }

  @Test("tokens are 256 random bits, and their hash is SHA-256")
  func tokenText() {
    let token = TokenText.generate()
    #expect(token.hasPrefix("pw_") && token.count == 67 && token.dropFirst(3).allSatisfy(\.isHexDigit))
    #expect(TokenText.generate() != token)
    #expect(TokenText.hash("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
  }
}
