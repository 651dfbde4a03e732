import ArgumentParser
import Foundation

/// A named set of settings from the config file: `~/.config/pledgewire/config.toml` (or `config.json`; the
/// folder follows `XDG_CONFIG_HOME`; `PLEDGEWIRE_CONFIG` names another file).
///
///     default = "local"          # the profile used without --profile
///
///     [profiles.local]
///     server = "127.0.0.1:7979"
///
///     [profiles.newsroom]
///     server = "pledgewire.newsroom.example:7979"
///     token = "…"
///     output = "json"            # table, json, jsonl or csv
///     timeout = 30
struct Profile: Equatable {
  var server: String?
  var token: String?
  var format: Output.Format?
  var timeout: Double?

  static let keys: Set<String> = ["server", "token", "output", "timeout"]

  /// The profile `name` (or the file's default profile when nil); nil when no name is given and the file names no
  /// default. Throws a usage error naming --profile when the file or the profile is missing.
  static func load(named name: String?, environment: [String: String]) throws -> Profile? {
    guard let path = configPath(environment) else {
      if let name { throw ValidationError("--profile: \"\(name)\" needs a config file: none at \(defaultPath(environment)).toml or .json") }
      return nil
    }
    let text: String
    do {
      text = try String(contentsOfFile: path, encoding: .utf8)
    } catch {
      throw ValidationError("\(path): cannot read it")
    }
    let table = try path.hasSuffix(".json") ? parseJSON(text, path: path) : ConfigTOML.parse(text, path: path)
    let profiles = table.filter { $0.key.hasPrefix("profiles.") }
    guard let chosen = name ?? table[""]?["default"].flatMap({ $0 as? String }) else { return nil }
    guard let settings = profiles["profiles." + chosen] else {
      let known = profiles.keys.map { String($0.dropFirst("profiles.".count)) }.sorted()
      throw ValidationError("--profile: no profile \"\(chosen)\" in \(path) (it has: \(known.isEmpty ? "none" : known.joined(separator: ", ")))")
    }
    return try Profile(settings, where: "\(path): [profiles.\(chosen)]")
  }

  init(server: String? = nil, token: String? = nil, format: Output.Format? = nil, timeout: Double? = nil) {
    self.server = server
    self.token = token
    self.format = format
    self.timeout = timeout
  }

  init(_ settings: [String: Any], where place: String) throws {
    for key in settings.keys where !Self.keys.contains(key) {
      throw ValidationError("\(place): unknown key \"\(key)\" (keys: \(Self.keys.sorted().joined(separator: ", ")))")
    }
    func string(_ key: String) throws -> String? {
      guard let value = settings[key] else { return nil }
      guard let text = value as? String else { throw ValidationError("\(place): \(key) must be a string") }
      return text
    }
    server = try string("server")
    token = try string("token")
    if let text = try string("output") {
      guard let format = Output.Format(rawValue: text) else {
        throw ValidationError("\(place): output \"\(text)\" is not one of \(Output.Format.allCases.map(\.rawValue).joined(separator: ", "))")
      }
      self.format = format
    }
    if let value = settings["timeout"] {
      guard let seconds = (value as? Double) ?? (value as? Int).map(Double.init), seconds > 0 else {
        throw ValidationError("\(place): timeout must be a positive number of seconds")
      }
      timeout = seconds
    }
  }

  static func defaultPath(_ environment: [String: String]) -> String {
    let base = environment["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 }
      ?? ((environment["HOME"] ?? NSHomeDirectory()) + "/.config")
    return base + "/pledgewire/config"
  }

  /// The config file: PLEDGEWIRE_CONFIG, or config.toml, or config.json in the config folder; nil when none exists.
  static func configPath(_ environment: [String: String]) -> String? {
    if let path = environment["PLEDGEWIRE_CONFIG"], !path.isEmpty {
      return path
    }
    let base = defaultPath(environment)
    return [base + ".toml", base + ".json"].first { FileManager.default.fileExists(atPath: $0) }
  }

  /// `{"default": "local", "profiles": {"local": {"server": "…"}}}` as tables keyed like TOML's ("" and
  /// "profiles.local").
  static func parseJSON(_ text: String, path: String) throws -> [String: [String: Any]] {
    guard let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] else {
      throw ValidationError("\(path): not a JSON object")
    }
    var tables: [String: [String: Any]] = ["": object.filter { $0.key != "profiles" }]
    guard let profiles = object["profiles"] else { return tables }
    guard let profiles = profiles as? [String: Any] else { throw ValidationError("\(path): profiles must be an object") }
    for (name, settings) in profiles {
      guard let settings = settings as? [String: Any] else { throw ValidationError("\(path): profiles.\(name) must be an object") }
      tables["profiles." + name] = settings.mapValues { ($0 as? NSNumber).map { $0.doubleValue } ?? $0 }
    }
    return tables
  }
}
