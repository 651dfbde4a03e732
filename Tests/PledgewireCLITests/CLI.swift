import Foundation
import PledgewireTestSupport

/// Runs the built `pledgewire` binary.
struct CLI {
  let server: String

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
    process.executableURL = Self.executable
    process.arguments = arguments
    var environment = ProcessInfo.processInfo.environment
    environment["PLEDGEWIRE_SERVER"] = server
    environment["COLUMNS"] = "200"
    process.environment = environment
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
  let server = try ServerProcess(arguments: ["--db", ":memory:", "--sample-data"])
  defer {
    server.signal(SIGTERM)
    _ = server.waitForExit(timeout: 10)
  }
  try body(CLI(server: "127.0.0.1:\(server.port)"))
}

func jsonObjects(_ text: String) throws -> [[String: Any]] {
  try text.split(separator: "\n").map { line in
    try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] ?? [:]
  }
}
