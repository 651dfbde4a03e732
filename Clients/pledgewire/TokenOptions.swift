import ArgumentParser
import Foundation

/// The access token calls send, for servers run with `--auth required`: from `--token`, `--token-file`,
/// `PLEDGEWIRE_TOKEN` or `PLEDGEWIRE_TOKEN_FILE`, the first given of these.
struct TokenOptions: ParsableArguments {
  @Option(help: "Access token (visible to other users in the process list: prefer the environment or a file). [PLEDGEWIRE_TOKEN]")
  var token: String?

  @Option(help: "A file holding the access token. [PLEDGEWIRE_TOKEN_FILE]")
  var tokenFile: String?

  func validate() throws {
    _ = try resolved()
  }

  /// The token, or nil when none is given. Errors name the option or variable at fault.
  func resolved() throws -> String? {
    let environment = ProcessInfo.processInfo.environment
    if let token {
      return try Self.check(token, "--token")
    }
    if let tokenFile {
      return try Self.read(tokenFile, "--token-file")
    }
    if let token = environment["PLEDGEWIRE_TOKEN"], !token.isEmpty {
      return try Self.check(token, "PLEDGEWIRE_TOKEN")
    }
    if let path = environment["PLEDGEWIRE_TOKEN_FILE"], !path.isEmpty {
      return try Self.read(path, "PLEDGEWIRE_TOKEN_FILE")
    }
    return nil
  }

  private static func read(_ path: String, _ source: String) throws -> String {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw ValidationError("\(source): cannot read \(path)")
    }
    return try check(String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines), source)
  }

  private static func check(_ token: String, _ source: String) throws -> String {
    guard !token.isEmpty, token.utf8.count <= 200, token.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7f }) else {
      throw ValidationError("\(source) must be a token: 1-200 printable ASCII characters without spaces")
    }
    return token
  }
}
