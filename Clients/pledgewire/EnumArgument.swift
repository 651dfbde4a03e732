import ArgumentParser
import PledgewireClient

/// Parses schema enum names on the command line: "in-progress", "IN_PROGRESS", "person".
enum EnumArgument {
  static func parse<E: ProtobufEnum>(_ text: String, option: String) throws -> E {
    guard let value = E(name: text), value.rawValue != 0 else {
      throw ValidationError("\(option): \"\(text)\" is not one of \(choices(E.self))")
    }
    return value
  }

  static func choices<E: ProtobufEnum>(_ type: E.Type) -> String {
    names(type).joined(separator: ", ")
  }

  /// The values as written on the command line: "in-progress", "fulfilled" …
  static func names<E: ProtobufEnum>(_ type: E.Type) -> [String] {
    E.allCases.filter { $0.rawValue != 0 }.map { $0.name.lowercased().replacingOccurrences(of: "_", with: "-") }
  }

  /// Shell completion of the values.
  static func completion<E: ProtobufEnum>(_ type: E.Type) -> CompletionKind {
    .list(names(type))
  }

  /// "in-progress" for IN_PROGRESS.
  static func display(_ value: some ProtobufEnum) -> String {
    value.isKnown ? value.name.lowercased().replacingOccurrences(of: "_", with: "-") : value.name
  }
}
