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
    #expect(growth < (16 << 20) * Sanitizer.memoryFactor, "server RSS grew by \(growth) bytes for \(written) unread calls")

    // And the server still serves everyone else.
    try await warm.call(HealthService.Check.descriptor, stream: 3, HealthCheckRequest())
    #expect(try await warm.response(stream: 3).trailers.code == .ok)
    print("slow reader: \(written) calls written (\(requestedBytes >> 20) MiB of responses requested); server RSS \(baseline >> 20) MiB -> +\(growth >> 10) KiB")
    server.signal(SIGTERM)
    #expect(server.waitForExit(timeout: 15) == 0)
  }

  @Test("fifty clients that never read cannot grow the server's memory past their per-connection bounds; the others are served meanwhile")
  func manySlowReadersMemoryBound() async throws {
    // The other client waits, connected, through the floods (minutes under ThreadSanitizer): no idle timeout.
    let server = try ServerProcess(arguments: ["--db", ":memory:", "--idle-timeout", "0"])
    let other = try RawConnection(port: server.port)
    try await other.handshake()
    try await other.call(ReflectionService.ListServices.descriptor, stream: 1, ListServicesRequest())
    let responseSize = try await other.response(stream: 1).messages[0].count
    let baseline = server.residentBytes

    // Fifty connections pipeline calls at once without ever reading (the review found 200 such holding 3 MB each).
    let count = 50
    var slow: [RawConnection] = []
    for _ in 0..<count {
      let connection = try RawConnection(port: server.port)
      try await connection.handshake()
      slow.append(connection)
    }
    let written = try await withThrowingTaskGroup(of: Int.self) { group in
      for connection in slow {
        group.addTask {
          try await connection.floodWithoutReading(method: ReflectionService.ListServices.descriptor, request: ListServicesRequest(), forSeconds: 1, maxBytes: 64 << 20)
        }
      }
      return try await group.reduce(into: []) { $0.append($1) }
    }
    let median = try await other.medianHealthCheckSeconds()
    let growth = server.residentBytes - baseline
    print("slow readers: \(count) connections, \((written.reduce(0, +) * responseSize) >> 20) MiB of responses requested; server RSS \(baseline >> 20) MiB -> +\(growth >> 20) MiB; health check median \(Int(median * 1_000_000)) µs")

    // Each connection stops being read once its unsent output passes 1 MiB; the requests of the read that crossed
    // it are still answered (one 64 KiB read of ListServices calls asks for megabytes): 4 MiB each at most.
    for calls in written {
      #expect(calls * responseSize > 8 << 20, "each flood must ask for far more than its bound (\(calls) calls)")
    }
    #expect(growth < count * (4 << 20) * Sanitizer.memoryFactor, "server RSS grew by \(growth >> 20) MiB for \(count) clients that never read")
    #expect(median < 0.1 * Sanitizer.timeFactor, "health checks took a median \(Int(median * 1_000)) ms")
  }

  @Test("many connections holding requests open cannot grow the server's memory past the server-wide bound; the others are served meanwhile")
  func heldRequestsMemoryBound() async throws {
    let total = 32 << 20
    let server = try ServerProcess(arguments: [
      "--db", ":memory:", "--max-total-buffered-request-bytes", "\(total)", "--max-buffered-request-bytes", "\(8 << 20)",
    ])
    let other = try await RawConnection.serving(port: server.port)
    let baseline = server.residentBytes

    // 40 connections each hold four 1 MB requests open (GetActor with a 1,000,000-byte unknown field 15, which
    // decodes and keeps its bytes): 160 MB without the server-wide bound, 4 MB each under their own.
    let request = GetActorRequest(id: 1).serializedBytes() + [0x7a, 0xc0, 0x84, 0x3d] + [UInt8](repeating: 0x61, count: 1_000_000)
    let streams: [UInt32] = [1, 3, 5, 7]
    var attackers: [RawConnection] = []
    for _ in 0..<40 {
      let attacker = try RawConnection(port: server.port)
      try await attacker.handshake()
      for id in streams {
        try await attacker.send(
          .requestHeaders(streamID: id, RequestHeaders(method: ActorService.GetActor.descriptor.fullName), endStream: false),
          .message(streamID: id, request, endStream: false)
        )
      }
      attackers.append(attacker)
    }
    var held: [(RawConnection, UInt32)] = []
    var refused = 0
    for attacker in attackers {
      try await attacker.roundTrip()
      for id in streams {
        if try await attacker.hasFinished(id) {
          let answer = try await attacker.response(stream: id)
          #expect(answer.trailers.code == .resourceExhausted)
          #expect(answer.trailers.details?.reason == "SERVER_REQUEST_DATA_FULL")
          refused += 1
        } else {
          held.append((attacker, id))
        }
      }
    }

    // Meanwhile, another client's health checks answer at once.
    let median = try await other.medianHealthCheckSeconds()
    let growth = server.residentBytes - baseline
    print("held requests: \(held.count) held, \(refused) refused; server RSS \(baseline >> 20) MiB -> +\(growth >> 20) MiB; health check median \(Int(median * 1_000_000)) µs")
    #expect(held.count * 1_000_000 <= total)
    #expect(held.count >= 24, "only \(held.count) requests were held")
    #expect(refused == 160 - held.count)
    #expect(growth < (total + (32 << 20)) * Sanitizer.memoryFactor, "server RSS grew by \(growth >> 20) MiB while requests held \(total >> 20) MiB at most")
    #expect(median < 0.1 * Sanitizer.timeFactor)

    // The held requests still end normally once their clients end them.
    for (attacker, id) in held {
      try await attacker.send(.halfClose(streamID: id))
    }
    for (attacker, id) in held {
      #expect(try await attacker.response(stream: id).trailers.code == .notFound)
    }
    server.signal(SIGTERM)
    #expect(server.waitForExit(timeout: 15) == 0)
  }
}
