import ArgumentParser
import PledgewireClient

/// The exit statuses of `pledgewire`, the same for every command (README, "Exit statuses").
enum ExitStatus: Int32, CaseIterable {
  /// The command did what it was asked.
  case ok = 0
  /// The server answered with an error status (NOT_FOUND, INVALID_ARGUMENT, FAILED_PRECONDITION …), or a health
  /// check found the server not serving.
  case serverError = 1
  /// The command line was wrong: an unknown flag, a missing argument, a value that does not parse. Nothing was sent.
  case usage = 2
  /// No answer: the server could not be reached, went away, or the call ran out of time (UNAVAILABLE,
  /// DEADLINE_EXCEEDED).
  case unavailable = 69

  /// The exit code for a failed call.
  static func of(_ error: RPCError) -> ExitCode {
    switch error.code {
    case .unavailable, .deadlineExceeded: ExitCode(unavailable.rawValue)
    default: ExitCode(serverError.rawValue)
    }
  }

  /// ArgumentParser's exit code for `error`, with its usage status (64) mapped to ``usage``.
  static func code(for error: any Error, of command: any ParsableCommand.Type) -> Int32 {
    let code = command.exitCode(for: error).rawValue
    return code == ExitCode.validationFailure.rawValue ? usage.rawValue : code
  }
}
