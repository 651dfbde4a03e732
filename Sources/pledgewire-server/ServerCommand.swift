import ArgumentParser

/// `pledgewire-server`: serves the protocol (``ServeCommand``, the default) or administers access tokens offline
/// (``TokenCommand``).
@main
struct ServerCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "pledgewire-server",
    abstract: "Serve the Pledgewire RPC protocol on TCP, or administer its access tokens.",
    subcommands: [ServeCommand.self, TokenCommand.self],
    defaultSubcommand: ServeCommand.self
  )
}
