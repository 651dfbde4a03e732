import Foundation
import PledgewireTestSupport

/// Runs the built `pledgewire` binary, with no config file and none of the PLEDGEWIRE_ variables of the environment
/// it runs in but PLEDGEWIRE_SERVER pointing at `server`.
struct CLI {
  let server: String
  /// Variables to set for the run (or, with nil, to remove).
  var environment: [String: String?] = [:]
  /// The binary run: `pledgewire`, or `pledgewire-server` for its offline commands.
  var program: URL = Self.executable

  struct Result {
    let status: Int32
    let stdout: String
    let stderr: String

    var lines: [String] { stdout.split(separator: "\n").map(String.init) }
  }

  static var executable: URL {
    ServerProcess.executable.deletingLastPathComponent().appendingPathComponent("pledgewire")
  }

  @discardableResult
  func callAsFunction(_ arguments: String..., stdin: String? = nil) throws -> Result {
    try run(arguments, stdin: stdin)
  }

  func run(_ arguments: [String], stdin: String? = nil) throws -> Result {
    let process = Process()
    process.executableURL = program
    process.arguments = arguments
    var variables = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("PLEDGEWIRE_") }
    variables["PLEDGEWIRE_SERVER"] = server
    variables["XDG_CONFIG_HOME"] = "/nonexistent/pledgewire-cli-tests"
    variables["COLUMNS"] = "200"
    for (name, value) in environment {
      variables[name] = value
    }
    process.environment = variables
    let output = Pipe()
    let errors = Pipe()
    let input = Pipe()
    process.standardOutput = output
    process.standardError = errors
    process.standardInput = input
    try process.run()
    if let stdin {
      input.fileHandleForWriting.write(Data(stdin.utf8))
    }
    try input.fileHandleForWriting.close()
    let out = output.fileHandleForReading.readDataToEndOfFile()
    let err = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Result(status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self), stderr: String(decoding: err, as: UTF8.self))
  }
}

/// A server with the sample data, and the CLI pointed at it.
func withSampleServer(_ body: (CLI) throws -> Void) throws {
  try withServer(sample: true, body)
}

/// A server with an in-memory database (with the sample data when asked), and the CLI pointed at it.
func withServer(sample: Bool, _ body: (CLI) throws -> Void) throws {
  let server = try ServerProcess(arguments: ["--db", ":memory:"] + (sample ? ["--sample-data"] : []))
  defer {
    server.signal(SIGTERM)
    _ = server.waitForExit(timeout: 10)
  }
  try body(CLI(server: "127.0.0.1:\(server.port)"))
}

/// The first line `process` writes to `pipe`; nil when none arrives within `seconds` (the process is then killed, so
/// that a lost line fails the test instead of hanging the run).
func firstLine(of pipe: Pipe, from process: Process, within seconds: Double) -> String? {
  let received = LockedData()
  let arrived = DispatchSemaphore(value: 0)
  Thread.detachNewThread {
    while true {
      let chunk = pipe.fileHandleForReading.availableData
      if chunk.isEmpty || received.append(chunk).contains(0x0a) {
        break
      }
    }
    arrived.signal()
  }
  if arrived.wait(timeout: .now() + seconds) == .timedOut {
    kill(process.processIdentifier, SIGKILL)
    _ = arrived.wait(timeout: .now() + 5)
    return nil
  }
  return String(decoding: received.data, as: UTF8.self).split(separator: "\n").first.map(String.init)
}

final class LockedData: @unchecked Sendable {
  private let lock = NSLock()
  private var value = Data()

  /// Appends, and returns everything so far.
  func append(_ chunk: Data) -> Data {
    lock.lock()
    defer { lock.unlock() }
    value.append(chunk)
    return value
  }

  var data: Data {
    lock.lock()
    defer { lock.unlock() }
    return value
  }
}

/// The id a JSON object of the proto3 mapping carries (int64 as a string).
func id(_ object: [String: Any]?) -> Int64? {
  (object?["id"] as? String).flatMap { Int64($0) }
}

/// The objects of JSON lines, or of one JSON array (`--output json` prints a list as one).
func jsonObjects(_ text: String) throws -> [[String: Any]] {
  if text.hasPrefix("[") {
    return try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]] ?? []
  }
  return try text.split(separator: "\n").map { line in
    try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] ?? [:]
  }
}
