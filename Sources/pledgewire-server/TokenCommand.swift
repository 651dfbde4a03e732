import ArgumentParser
import Foundation
import PledgewireDomain
import PledgewireStorage
import PledgewireWire

/// `pledgewire-server token create|list|revoke`: administers access tokens in the database directly, with the
/// server running or not (a running server sees a change within 5 seconds).
struct TokenCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "token",
    abstract: "Create, list and revoke access tokens, offline, in the database.",
    discussion: """
      Tokens are 256 random bits; the database keeps only their SHA-256, so a token is shown once, when it is
      created. Roles: reader (reads), editor (reads and writes), admin (deletions, merges and the audit log besides).

      Example:
        pledgewire-server token create --db data/pledgewire.sqlite --name alice --role admin
      """,
    subcommands: [Create.self, List.self, Revoke.self]
  )

  struct Database: ParsableArguments {
    @Option(help: "SQLite database file, or a PostgreSQL database, postgres://user:password@host:port/database. [PLEDGEWIRE_DB, default pledgewire.sqlite]")
    var db: String?

    func open() async throws -> any PledgewireStore {
      try await DatabaseOpener.open(db ?? Environment()["PLEDGEWIRE_DB"] ?? "pledgewire.sqlite", poolSize: 1)
    }
  }

  struct Create: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Create a token and print it (only this once).")

    @OptionGroup var database: Database

    @Option(help: "A unique name: the audit log records it as who made each change (1-100 characters).")
    var name: String

    @Option(help: "reader, editor or admin.")
    var role: String

    @Option(help: "Days until the token stops working; none: it never expires.")
    var expiresInDays: Double?

    func validate() throws {
      try TokenCommand.checkName(name)
      guard TokenRole(rawValue: role) != nil else {
        throw ValidationError("--role must be reader, editor or admin, not \(role)")
      }
      if let days = expiresInDays, !(days > 0 && days <= 36_500) {
        throw ValidationError("--expires-in-days must be more than 0 and at most 36500")
      }
    }

    func run() async throws {
      let now = WallClock.now()
      let text = TokenText.generate()
      let token = AccessToken(
        name: name, role: TokenRole(rawValue: role)!, hash: TokenText.hash(text), createdAtMs: now,
        expiresAtMs: expiresInDays.map { now + Int64($0 * 86_400_000) } ?? 0
      )
      try await TokenCommand.reporting { _ = try await database.open().insertToken(token) }
      print(text)
      FileHandle.standardError.write(Data("""
        created token "\(name)" (\(role)\(token.expiresAtMs == 0 ? "" : ", expires \(TokenCommand.date(token.expiresAtMs))")): \
        it is printed above only this once; clients send it with --token, PLEDGEWIRE_TOKEN or --token-file.

        """.utf8))
    }
  }

  struct List: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List every token: name, role, times and state (never the token).")

    @OptionGroup var database: Database

    func run() async throws {
      let tokens = try await TokenCommand.reporting { try await database.open().tokens() }
      let now = WallClock.now()
      let rows = [["NAME", "ROLE", "STATE", "CREATED", "LAST USED", "EXPIRES"]] + tokens.map { token in
        let state = token.revokedAtMs != 0 ? "revoked \(TokenCommand.date(token.revokedAtMs))" : token.isValid(at: now) ? "valid" : "expired"
        return [
          token.name, token.role.rawValue, state, TokenCommand.date(token.createdAtMs),
          token.lastUsedAtMs == 0 ? "never" : TokenCommand.date(token.lastUsedAtMs),
          token.expiresAtMs == 0 ? "never" : TokenCommand.date(token.expiresAtMs),
        ]
      }
      let widths = rows[0].indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
      for row in rows {
        print(zip(row, widths).map { $0.padding(toLength: $1, withPad: " ", startingAt: 0) }.joined(separator: "  ").trimmingCharacters(in: .whitespaces))
      }
    }
  }

  struct Revoke: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Revoke a token: its calls fail with UNAUTHENTICATED from then on.")

    @OptionGroup var database: Database

    @Option(help: "The token's name.")
    var name: String

    func run() async throws {
      let token = try await TokenCommand.reporting { try await database.open().revokeToken(name: name, at: WallClock.now()) }
      print("revoked token \"\(token.name)\" at \(TokenCommand.date(token.revokedAtMs))")
    }
  }

  static func checkName(_ name: String) throws {
    guard (1...100).contains(name.count), !name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }),
      name.trimmingCharacters(in: .whitespaces) == name
    else {
      throw ValidationError("--name must be 1-100 characters, without control characters or surrounding spaces")
    }
  }

  /// Runs `body`, turning an RPCError into "error: CODE: message" and exit status 1.
  static func reporting<T>(_ body: () async throws -> T) async throws -> T {
    do {
      return try await body()
    } catch let error as RPCError {
      FileHandle.standardError.write(Data("error: \(error)\n".utf8))
      throw ExitCode(1)
    }
  }

  static func date(_ ms: Int64) -> String {
    let formatter = ISO8601DateFormatter()
    return formatter.string(from: Date(timeIntervalSince1970: Double(ms) / 1_000))
  }
}
