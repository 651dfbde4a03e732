import ArgumentParser

/// Lets the shared options (``ClientOptions``) stand anywhere on the line: those written before the subcommand
/// (`pledgewire --json pledge get 12`, `pledgewire pledge --server h:1 get 12`) are moved after it, where the
/// subcommand's option group reads them.
enum GlobalArguments {
  /// Options that take a value, in the separate (`--server h:1`) or joined (`--server=h:1`) form.
  static let valued: Set<String> = ["--server", "--token", "--token-file", "--profile", "--timeout", "--output", "-o", "--fields"]
  /// Options that take none.
  static let flags: Set<String> = ["--json", "--csv", "--quiet", "-q"]

  /// `arguments` (without the program name) with the shared options before the last subcommand name moved to its
  /// end, before a `--` terminator if there is one.
  static func reorder(_ arguments: [String], root: any ParsableCommand.Type) -> [String] {
    var command = root
    var kept: [String] = []
    var moved: [String] = []
    var index = 0
    while index < arguments.count {
      let argument = arguments[index]
      let name = argument.split(separator: "=", maxSplits: 1).first.map(String.init) ?? argument
      if valued.contains(name) {
        moved.append(argument)
        if !argument.contains("="), index + 1 < arguments.count {
          moved.append(arguments[index + 1])
          index += 1
        }
      } else if flags.contains(argument) {
        moved.append(argument)
      } else if let subcommand = command.configuration.subcommands.first(where: { $0._commandName == argument }) {
        kept.append(argument)
        command = subcommand
      } else {
        break
      }
      index += 1
    }
    guard !moved.isEmpty else { return arguments }
    var rest = Array(arguments[index...])
    rest.insert(contentsOf: moved, at: rest.firstIndex(of: "--") ?? rest.endIndex)
    return kept + rest
  }
}
