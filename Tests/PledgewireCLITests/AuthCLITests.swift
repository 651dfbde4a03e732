import Foundation
import PledgewireTestSupport
import Testing

@Suite("Tokens on the command line", .serialized)
struct AuthCLITests {
  @Test("pledgewire-server token create|list|revoke; pledgewire sends a token from --token, --token-file or PLEDGEWIRE_TOKEN")
  func tokens() throws {
    let directory = try TemporaryDirectory("cli-auth")
    defer { directory.remove() }
    let db = directory.path("auth.sqlite")
    let admin = CLI(server: "", program: ServerProcess.executable)

    let created = try admin("token", "create", "--db", db, "--name", "alice", "--role", "editor")
    #expect(created.status == 0)
    let token = created.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    #expect(token.hasPrefix("pw_") && token.count == 67)
    #expect(created.stderr.contains("created token \"alice\" (editor)"))
    let taken = try admin("token", "create", "--db", db, "--name", "alice", "--role", "admin")
    #expect(taken.status == 1 && taken.stderr == "error: ALREADY_EXISTS: a token named \"alice\" exists already\n")
    let badRole = try admin("token", "create", "--db", db, "--name", "bob", "--role", "owner")
    #expect(badRole.status == 64 && badRole.stderr.contains("--role must be reader, editor or admin, not owner"))
    let bob = try admin("token", "create", "--db", db, "--name", "bob", "--role", "reader").stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    #expect(try admin("token", "revoke", "--db", db, "--name", "bob").status == 0)
    #expect(try admin("token", "revoke", "--db", db, "--name", "carol").stderr == "error: NOT_FOUND: no token is named \"carol\"\n")

    let list = try admin("token", "list", "--db", db)
    #expect(list.lines.first?.hasPrefix("NAME   ROLE    STATE") == true)
    #expect(list.lines.count == 3)
    #expect(list.lines[1].hasPrefix("alice  editor  valid"))
    #expect(list.lines[2].hasPrefix("bob    reader  revoked"))
    #expect(!list.stdout.contains(token) && !list.stdout.contains(bob))

    let server = try ServerProcess(arguments: ["--db", db, "--auth", "required"])
    defer {
      server.signal(SIGTERM)
      _ = server.waitForExit(timeout: 10)
    }
    let target = "127.0.0.1:\(server.port)"
    let anonymous = try CLI(server: target)("actor", "list")
    #expect(anonymous.status == 1 && anonymous.stderr.hasPrefix("error: UNAUTHENTICATED: this server requires a token"))
    #expect(try CLI(server: target)("actor", "list", "--token", token).status == 0)
    #expect(try CLI(server: target, environment: ["PLEDGEWIRE_TOKEN": token])("actor", "list").status == 0)
    let file = directory.path("token")
    try Data((token + "\n").utf8).write(to: URL(fileURLWithPath: file))
    #expect(try CLI(server: target)("actor", "list", "--token-file", file).status == 0)
    #expect(try CLI(server: target, environment: ["PLEDGEWIRE_TOKEN_FILE": file])("actor", "list").status == 0)
    let missingFile = try CLI(server: target)("actor", "list", "--token-file", file + ".missing")
    #expect(missingFile.status == 2 && missingFile.stderr.contains("--token-file: cannot read"))
    let revoked = try CLI(server: target)("actor", "list", "--token", bob)
    #expect(revoked.stderr == "error: UNAUTHENTICATED: the token \"bob\" was revoked\n")
    let denied = try CLI(server: target)("actor", "delete", "1", "--token", token)
    #expect(denied.status == 1 && denied.stderr.contains("error: PERMISSION_DENIED: the token \"alice\" has role editor"))

    #expect(!server.log.contains(token) && !server.log.contains(bob))
    #expect(server.log.contains("auth=required"))
  }

  @Test("--auth off beyond loopback warns; --auth takes only required or off")
  func authOff() throws {
    let server = try ServerProcess(arguments: ["--db", ":memory:", "--auth", "off", "--host", "0.0.0.0"])
    defer {
      server.signal(SIGTERM)
      _ = server.waitForExit(timeout: 10)
    }
    #expect(server.log.contains("authentication is off while listening on 0.0.0.0"))
    let bad = try CLI(server: "", program: ServerProcess.executable)("--auth", "maybe", "--port", "0")
    #expect(bad.status == 64 && bad.stderr.contains("--auth must be required or off, not maybe"))
  }
}
