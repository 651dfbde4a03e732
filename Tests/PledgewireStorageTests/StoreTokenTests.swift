import PledgewireStorage
import PledgewireWire
import Testing

@Suite("Store contract: access tokens")
struct StoreTokenTests {
  static let hashA = String(repeating: "a1", count: 32)
  static let hashB = String(repeating: "b2", count: 32)

  @Test("a token is stored with its hash, found by it, and listed by name", arguments: StoreFactory.all)
  func insertAndFind(_ factory: StoreFactory) async throws {
    let store = try await factory.make()
    let admin = try await store.insertToken(AccessToken(name: "root", role: .admin, hash: Self.hashA, createdAtMs: 10, expiresAtMs: 99))
    let reader = try await store.insertToken(AccessToken(name: "ci", role: .reader, hash: Self.hashB, createdAtMs: 20))
    #expect(admin.id > 0 && reader.id > 0 && admin.id != reader.id)
    #expect(admin == AccessToken(id: admin.id, name: "root", role: .admin, hash: Self.hashA, createdAtMs: 10, expiresAtMs: 99))
    #expect(try await store.token(hash: Self.hashB) == reader)
    #expect(try await store.token(hash: String(repeating: "0", count: 64)) == nil)
    #expect(try await store.tokens().map(\.name) == ["ci", "root"])
  }

  @Test("a second token with a taken name is ALREADY_EXISTS and changes nothing", arguments: StoreFactory.all)
  func duplicateName(_ factory: StoreFactory) async throws {
    let store = try await factory.make()
    let first = try await store.insertToken(AccessToken(name: "ci", role: .reader, hash: Self.hashA, createdAtMs: 1))
    let error = await storeError { _ = try await store.insertToken(AccessToken(name: "ci", role: .admin, hash: Self.hashB, createdAtMs: 2)) }
    #expect(error?.code == .alreadyExists)
    #expect(error?.message.contains("\"ci\"") == true)
    #expect(try await store.tokens() == [first])
    #expect(try await store.token(hash: Self.hashB) == nil)
  }

  @Test("revoking keeps the first revocation time; an unknown name is NOT_FOUND", arguments: StoreFactory.all)
  func revoke(_ factory: StoreFactory) async throws {
    let store = try await factory.make()
    _ = try await store.insertToken(AccessToken(name: "ci", role: .editor, hash: Self.hashA, createdAtMs: 1))
    let revoked = try await store.revokeToken(name: "ci", at: 50)
    #expect(revoked.revokedAtMs == 50)
    #expect(!revoked.isValid(at: 51))
    #expect(try await store.revokeToken(name: "ci", at: 70).revokedAtMs == 50)
    #expect(try await store.token(hash: Self.hashA)?.revokedAtMs == 50)
    #expect(await storeError { _ = try await store.revokeToken(name: "nobody", at: 1) }?.code == .notFound)
  }

  @Test("last use only moves forward", arguments: StoreFactory.all)
  func lastUse(_ factory: StoreFactory) async throws {
    let store = try await factory.make()
    let token = try await store.insertToken(AccessToken(name: "ci", role: .reader, hash: Self.hashA, createdAtMs: 1))
    try await store.recordTokenUse(id: token.id, at: 500)
    try await store.recordTokenUse(id: token.id, at: 300)
    #expect(try await store.token(hash: Self.hashA)?.lastUsedAtMs == 500)
  }

  @Test("validity: revoked or expired tokens do not work")
  func validity() {
    let token = AccessToken(name: "t", role: .reader, hash: Self.hashA, createdAtMs: 0, expiresAtMs: 100)
    #expect(token.isValid(at: 99))
    #expect(!token.isValid(at: 100))
    #expect(AccessToken(name: "t", role: .reader, hash: Self.hashA, createdAtMs: 0).isValid(at: .max))
    #expect(TokenRole.reader < .editor && TokenRole.editor < .admin)
  }
}
