import Foundation
import PledgewireTestSupport
import PledgewireWire
import Testing

@Suite("The pledgewire-server executable", .serialized)
struct ServerProcessTests {
  @Test("SIGTERM drains: GOAWAY, NOT_SERVING, open calls end, new connections refused, exit status 0")
  func sigtermDrains() async throws {
    let server = try ServerProcess(arguments: ["--shutdown-grace", "5"])
    let connection = try RawConnection(port: server.port)
    try await connection.handshake()
    try await connection.call(HealthService.Watch.descriptor, stream: 1, HealthCheckRequest())
    guard case .message(1, let first, _) = try await connection.nextFrame() else {
      Issue.record("expected the current status")
      return
    }
    #expect(try HealthCheckResponse(serializedBytes: first).status == .serving)

    server.signal(SIGTERM)
    guard case .goAway(let goAway) = try await connection.nextFrame() else {
      Issue.record("expected GOAWAY")
      return
    }
    #expect(goAway.errorCode == .noError)
    #expect(goAway.lastStreamID == 1)
    let (messages, trailers) = try await connection.response(stream: 1)
    #expect(try messages.map { try HealthCheckResponse(serializedBytes: $0).status } == [.notServing])
    #expect(trailers.code == .ok)
    #expect(await connection.isClosedByServer(within: 5))
    #expect(throws: RawConnection.Closed.self) { try RawConnection(port: server.port) }
    #expect(server.waitForExit(timeout: 10) == 0)
    #expect(server.log.contains("received SIGTERM"))
    #expect(server.log.contains("server stopped"))
  }

  @Test("SIGINT with no connections exits 0 at once")
  func sigintIdle() throws {
    let server = try ServerProcess()
    server.signal(SIGINT)
    #expect(server.waitForExit(timeout: 5) == 0)
  }

  @Test("invalid options are refused with a message naming the option")
  func invalidOptions() throws {
    let process = Process()
    process.executableURL = ServerProcess.executable
    process.arguments = ["--max-frame-size", "100"]
    let stderr = Pipe()
    process.standardError = stderr
    try process.run()
    process.waitUntilExit()
    let message = String(decoding: stderr.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    #expect(process.terminationStatus != 0)
    #expect(message.contains("--max-frame-size"))
  }

  @Test("JSON logs are one object per line")
  func jsonLogs() throws {
    let server = try ServerProcess(arguments: ["--log-format", "json"])
    server.signal(SIGTERM)
    #expect(server.waitForExit(timeout: 5) == 0)
    let lines = server.log.split(separator: "\n")
    #expect(lines.count >= 3)
    for line in lines {
      let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
      #expect(object?["message"] is String)
      #expect(object?["level"] is String)
    }
  }

  @Test("options come from the environment too")
  func environment() throws {
    let process = Process()
    process.executableURL = ServerProcess.executable
    process.environment = ["PLEDGEWIRE_PORT": "not-a-number"]
    let stderr = Pipe()
    process.standardError = stderr
    try process.run()
    process.waitUntilExit()
    let message = String(decoding: stderr.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    #expect(process.terminationStatus != 0)
    #expect(message.contains("PLEDGEWIRE_PORT"))
  }

  @Test("a client that never reads its responses cannot grow the server's memory past a bound")
  func slowReaderMemoryBound() async throws {
    let server = try ServerProcess()
    // Warm up, then take the baseline.
    let warm = try RawConnection(port: server.port)
    try await warm.handshake()
    try await warm.call(ReflectionService.ListServices.descriptor, stream: 1, ListServicesRequest())
    let responseSize = try await warm.response(stream: 1).messages[0].count
    let baseline = server.residentBytes

    // Pipeline calls without ever reading: each asks for a ListServices response.
    let slow = try RawConnection(port: server.port)
    try await slow.handshake()
    let written = try await slow.floodWithoutReading(method: ReflectionService.ListServices.descriptor, request: ListServicesRequest(), forSeconds: 3)
    let requestedBytes = written * responseSize
    try await Task.sleep(for: .milliseconds(300))
    let growth = server.residentBytes - baseline

    // The server stopped reading once its unsent output passed 1 MiB; the rest waits in the client's socket.
    #expect(requestedBytes > 16 << 20, "the flood must ask for far more than the bound (\(requestedBytes) bytes)")
    #expect(growth < 16 << 20, "server RSS grew by \(growth) bytes for \(written) unread calls")

    // And the server still serves everyone else.
    try await warm.call(HealthService.Check.descriptor, stream: 3, HealthCheckRequest())
    #expect(try await warm.response(stream: 3).trailers.code == .ok)
    print("slow reader: \(written) calls written (\(requestedBytes >> 20) MiB of responses requested); server RSS \(baseline >> 20) MiB -> +\(growth >> 10) KiB")
    server.signal(SIGTERM)
    #expect(server.waitForExit(timeout: 15) == 0)
  }
}
