import ArgumentParser

/// `pledgewire completions bash|zsh|fish`: the shell completion script, from argument-parser's generator.
struct CompletionsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "completions",
    abstract: "Print a shell completion script: bash, zsh or fish. Enum values (status, category …) complete too.",
    discussion: """
      Examples:
        pledgewire completions bash > /etc/bash_completion.d/pledgewire
        pledgewire completions zsh > "${fpath[1]}/_pledgewire"
        pledgewire completions fish > ~/.config/fish/completions/pledgewire.fish
      """
  )

  enum Shell: String, ExpressibleByArgument, CaseIterable {
    case bash, zsh, fish
  }

  @Argument(help: "bash, zsh or fish.") var shell: Shell

  func run() throws {
    guard let shell = CompletionShell(rawValue: shell.rawValue) else { throw ValidationError("shell: \(self.shell) is not supported") }
    print(PledgewireCommand.completionScript(for: shell))
  }
}
