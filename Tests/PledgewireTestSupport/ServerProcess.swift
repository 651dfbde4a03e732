import Foundation

/// The real `pledgewire-server` executable, started on an ephemeral port for a test.
public final class ServerProcess: @unchecked Sendable {
  public let process = Process()
  public let port: Int
  private let stderr = Pipe()
  private let output = LockedText()

  public struct StartFailed: Error, CustomStringConvertible {
    let log: String
    public var description: String { "pledgewire-server did not start:\n\(log)" }
  }

  /// The executable, built next to the test bundle.
  public static var executable: URL {
    let testBinary = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
    return testBinary.deletingLastPathComponent().appendingPathComponent("pledgewire-server")
  }

  /// Starts the server with `arguments`; with `--auth off` unless they choose `--auth` themselves.
  public init(arguments: [String] = []) throws {
    process.executableURL = Self.executable
    process.arguments = ["--port", "0", "--log-level", "debug"] + (arguments.contains("--auth") ? [] : ["--auth", "off"]) + arguments
    // Tests measure this process's resident memory. Under AddressSanitizer (`make test-asan`) its quarantine keeps up
    // to 256 MB of freed memory resident, so the server runs without one; the in-process tests keep theirs.
    // A non-sanitized build ignores the variable.
    var environment = ProcessInfo.processInfo.environment
    environment["ASAN_OPTIONS"] = [environment["ASAN_OPTIONS"], "quarantine_size_mb=0"].compactMap { $0 }.joined(separator: ":")
    process.environment = environment
    process.standardError = stderr
    process.standardOutput = FileHandle.nullDevice
    let output = self.output
    stderr.fileHandleForReading.readabilityHandler = { handle in
      output.append(String(decoding: handle.availableData, as: UTF8.self))
    }
    try process.run()
    let deadline = Date().addingTimeInterval(20)
    var found: Int?
    while found == nil && Date() < deadline && process.isRunning {
      if let range = output.text.range(of: #"listening on [^ ]+:(\d+)"#, options: .regularExpression) {
        found = Int(output.text[range].split(separator: ":").last!)
      } else {
        Thread.sleep(forTimeInterval: 0.02)
      }
    }
    guard let found else {
      process.terminate()
      throw StartFailed(log: output.text)
    }
    port = found
  }

  deinit {
    if process.isRunning {
      kill(process.processIdentifier, SIGKILL)
    }
    stderr.fileHandleForReading.readabilityHandler = nil
  }

  /// Everything the server logged so far.
  public var log: String { output.text }

  public func signal(_ number: Int32) {
    kill(process.processIdentifier, number)
  }

  /// The exit status, or nil when the process still runs after `timeout` seconds.
  public func waitForExit(timeout: Double) -> Int32? {
    let deadline = Date().addingTimeInterval(timeout)
    while process.isRunning && Date() < deadline {
      Thread.sleep(forTimeInterval: 0.02)
    }
    return process.isRunning ? nil : process.terminationStatus
  }

  /// The server's resident memory in bytes, from /proc.
  public var residentBytes: Int { statusBytes("VmRSS:") }

  /// The most the server's resident memory reached since it started or since ``resetPeakResident()``.
  public var peakResidentBytes: Int { statusBytes("VmHWM:") }

  /// Starts measuring ``peakResidentBytes`` afresh (proc(5): writing 5 to clear_refs resets the peak).
  public func resetPeakResident() throws {
    try "5".write(toFile: "/proc/\(process.processIdentifier)/clear_refs", atomically: false, encoding: .utf8)
  }

  private func statusBytes(_ field: String) -> Int {
    let status = (try? String(contentsOfFile: "/proc/\(process.processIdentifier)/status", encoding: .utf8)) ?? ""
    let line = status.split(separator: "\n").first { $0.hasPrefix(field) } ?? ""
    return (Int(line.split(separator: " ").dropFirst().first ?? "0") ?? 0) * 1024
  }
}

final class LockedText: @unchecked Sendable {
  private let lock = NSLock()
  private var value = ""

  func append(_ text: String) {
    lock.lock()
    value += text
    lock.unlock()
  }

  var text: String {
    lock.lock()
    defer { lock.unlock() }
    return value
  }
}
