@testable import PledgewireServer
import PledgewireTestSupport
import PledgewireTransport
import PledgewireWire
import Testing

/// The byte bounds of a connection, in the state machine alone (its own counters, no I/O) and over TCP.
@Suite("Byte bounds on what one connection makes the server hold")
struct ResourceBoundTests {
  typealias Harness = ServerStateMachineTests.Harness
  static let second = ServerStateMachineTests.second

  static func headers(_ id: UInt32, _ method: MethodDescriptor = ServerStateMachineTests.Echo.unary) -> Frame {
    ServerStateMachineTests.headers(id, method)
  }

  /// A MESSAGE of `size` bytes that does not end the stream.
  static func payload(_ id: UInt32, _ size: Int, end: Bool = false) -> Frame {
    .message(streamID: id, [UInt8](repeating: 0, count: size), endStream: end)
  }

  @Test("requests held open without END_STREAM count against the connection's bytes; the one that would pass them ends RESOURCE_EXHAUSTED")
  func heldRequests() throws {
    var harness = Harness { $0.maxBufferedRequestBytes = 100_000 }
    try harness.apply(.client([.settings(Settings())]))
    _ = try harness.takeFrames()
    try harness.apply(.client([Self.headers(1), Self.payload(1, 40_000), Self.headers(3), Self.payload(3, 40_000)]))
    #expect(harness.machine.heldRequestBytes == 80_000)
    #expect(try harness.takeFrames() == [])

    try harness.apply(.client([Self.headers(5), Self.payload(5, 40_000)]))
    #expect(harness.takeEffects() == ["ended 5 RESOURCE_EXHAUSTED"])
    let frames = try harness.takeDecodedFrames()
    guard case .trailers(5, let trailers)? = frames.first, frames.count == 1 else {
      Issue.record("expected TRAILERS 5, got \(frames)")
      return
    }
    #expect(trailers.details?.reason == "TOO_MUCH_REQUEST_DATA")
    #expect(harness.machine.heldRequestBytes == 80_000)

    // A request that ends its stream goes to its handler at once, whatever is held.
    try harness.apply(.client([Self.headers(7), Self.payload(7, 40_000, end: true)]))
    #expect(harness.takeEffects() == ["start 7"])
    _ = harness.machine.takeRequestPayload(7)
    #expect(harness.machine.heldRequestBytes == 80_000)

    // The handler takes a request; a cancelled stream gives its bytes back.
    try harness.apply(.client([.halfClose(streamID: 1)]))
    #expect(harness.takeEffects() == ["start 1"])
    #expect(harness.machine.takeRequestPayload(1).count == 40_000)
    try harness.apply(.client([.cancel(streamID: 3, Cancel())]))
    #expect(harness.machine.heldRequestBytes == 0)
    try harness.apply(.client([Self.headers(9), Self.payload(9, 90_000)]))
    #expect(harness.machine.heldRequestBytes == 90_000)
  }

  @Test("requests held open on several connections count against the server's bytes: past the total the next ends SERVER_REQUEST_DATA_FULL; ended calls give theirs back")
  func serverWideHeldRequests() throws {
    let pool = RequestBytePool(limit: 100_000)
    var first = Harness(requestBytes: pool) { $0.maxBufferedRequestBytes = 80_000 }
    var second = Harness(requestBytes: pool) { $0.maxBufferedRequestBytes = 80_000 }
    try first.apply(.client([.settings(Settings()), Self.headers(1), Self.payload(1, 60_000)]))
    try second.apply(.client([.settings(Settings()), Self.headers(1), Self.payload(1, 30_000)]))
    #expect(pool.bytes == 90_000)
    _ = try second.takeFrames()

    // Under its own connection's limit, over the server's.
    try second.apply(.client([Self.headers(3), Self.payload(3, 20_000)]))
    #expect(second.takeEffects() == ["ended 3 RESOURCE_EXHAUSTED"])
    let frames = try second.takeDecodedFrames()
    guard case .trailers(3, let trailers)? = frames.first, frames.count == 1 else {
      Issue.record("expected TRAILERS 3, got \(frames)")
      return
    }
    #expect(trailers.details?.reason == "SERVER_REQUEST_DATA_FULL")
    #expect(trailers.details?.retryAfterMs ?? 0 > 0)
    #expect(pool.bytes == 90_000)

    // A complete request still goes to its handler, and counts until the handler takes it.
    try second.apply(.client([Self.headers(5), Self.payload(5, 20_000, end: true)]))
    #expect(second.takeEffects() == ["start 5"])
    #expect(pool.bytes == 110_000)
    _ = second.machine.takeRequestPayload(5)
    #expect(pool.bytes == 90_000)

    // The first connection's call is cancelled: its bytes go back, and the second may hold a request again.
    try first.apply(.client([.cancel(streamID: 1, Cancel())]))
    #expect(pool.bytes == 30_000)
    try second.apply(.client([Self.headers(7), Self.payload(7, 20_000)]))
    #expect(second.takeEffects() == [])
    #expect(pool.bytes == 50_000)

    // A connection that fails gives back everything it held.
    try second.apply(.transportFailed)
    #expect(pool.bytes == 0)
  }

  @Test("client-streamed messages past the server's bytes pause the connection that holds them until its handler takes them")
  func serverWideClientStreamBytes() throws {
    let pool = RequestBytePool(limit: 50_000)
    var holder = Harness(requestBytes: pool)
    try holder.apply(.client([.settings(Settings()), Self.headers(1, ServerStateMachineTests.Echo.collect)]))
    _ = holder.takeEffects()
    try holder.apply(.client([Self.payload(1, 30_000)]))
    #expect(holder.machine.core.wantsRead)
    try holder.apply(.client([Self.payload(1, 30_000)]))
    #expect(pool.bytes == 60_000)
    #expect(!holder.machine.core.wantsRead)
    _ = holder.machine.takeRequest(1, now: holder.now)
    _ = holder.machine.takeRequest(1, now: holder.now)
    #expect(pool.bytes == 0)
    #expect(holder.machine.core.wantsRead)
  }

  @Test("client-streamed messages past half the connection's bytes pause reading until the handler takes them")
  func clientStreamBytes() throws {
    var harness = Harness { $0.maxBufferedRequestBytes = 100_000 }
    try harness.apply(.client([.settings(Settings()), Self.headers(1, ServerStateMachineTests.Echo.collect)]))
    _ = harness.takeEffects()
    try harness.apply(.client([Self.payload(1, 30_000), Self.payload(1, 30_000), Self.payload(1, 30_000), Self.payload(1, 30_000)]))
    #expect(harness.machine.heldRequestBytes == 120_000)
    #expect(!harness.machine.core.wantsRead)
    _ = harness.machine.takeRequest(1, now: harness.now)
    #expect(!harness.machine.core.wantsRead)  // 90,000 held: still over half
    _ = harness.machine.takeRequest(1, now: harness.now)
    _ = harness.machine.takeRequest(1, now: harness.now)
    #expect(harness.machine.heldRequestBytes == 30_000)
    #expect(harness.machine.core.wantsRead)
  }

  @Test("a call whose client sends nothing while the server waits for its request ends DEADLINE_EXCEEDED after the stall timeout, not before")
  func stalledRequest() throws {
    var harness = Harness { $0.requestStallTimeout = .seconds(30) }
    try harness.apply(.client([.settings(Settings()), Self.headers(1), Self.headers(3, ServerStateMachineTests.Echo.collect)]))
    _ = harness.takeEffects()
    _ = try harness.takeFrames()
    #expect(harness.machine.nextWake == harness.now + 30 * Self.second)
    try harness.apply(.after(20 * Self.second))
    try harness.apply(.client([Self.payload(1, 10)]))  // progress on stream 1 only
    try harness.apply(.after(10 * Self.second))
    #expect(harness.takeEffects() == ["ended 3 DEADLINE_EXCEEDED stop"])
    let frames = try harness.takeDecodedFrames()
    guard case .trailers(3, let trailers)? = frames.first, frames.count == 1 else {
      Issue.record("expected TRAILERS 3, got \(frames)")
      return
    }
    #expect(trailers.details?.reason == "REQUEST_STALLED")
    try harness.apply(.after(19 * Self.second))
    #expect(harness.takeEffects() == [])
    try harness.apply(.after(1 * Self.second))
    #expect(harness.takeEffects() == ["ended 1 DEADLINE_EXCEEDED"])
    #expect(harness.machine.heldRequestBytes == 0)
    #expect(harness.machine.nextWake == nil || harness.machine.nextWake! > harness.now + 60 * Self.second)
  }

  @Test("a unary response is not queued behind output the client does not read: RESOURCE_EXHAUSTED, naming a committed write")
  func outputFull() throws {
    var harness = Harness(maxPendingOutputBytes: 64 << 10) { $0.maxQueuedOutputBytes = 64 << 10 }
    try harness.apply(.client([
      .settings(Settings()), Self.headers(1), ServerStateMachineTests.message(1),
      Self.headers(3, ServerStateMachineTests.Echo.expand), ServerStateMachineTests.message(3),
    ]))
    _ = harness.takeEffects()
    _ = try harness.takeFrames()
    // A response into empty output always goes, however large.
    let big = Actor(id: 3, canonicalName: String(repeating: "a", count: 80_000))
    #expect(try harness.machine.send(3) { try $0.writeMessage(big, streamID: 3) })
    let queued = harness.machine.core.output.count
    harness.machine.complete(1, now: harness.now, committedID: { 42 }) { try $0.writeMessage(Actor(id: 1), streamID: 1) }
    #expect(harness.takeEffects() == ["ended 1 RESOURCE_EXHAUSTED"])
    let frames = try harness.takeDecodedFrames()
    #expect(frames.count == 2)
    guard case .trailers(1, let trailers)? = frames.last else {
      Issue.record("expected TRAILERS 1 after stream 3's message, got \(frames)")
      return
    }
    #expect(trailers.details?.reason == "OUTPUT_FULL")
    // The unary call's method writes (it is not idempotent): the record it committed is named.
    #expect(trailers.details?.committedID == 42)
    #expect(queued > 64 << 10)
  }
}

@Suite("Byte bounds over TCP", .serialized)
struct ResourceBoundTCPTests {
  @Test("requests held open without END_STREAM: past the connection's bytes the next ends RESOURCE_EXHAUSTED; the others still answer, other connections too")
  func heldRequests() async throws {
    var configuration = ServerConfiguration()
    configuration.maxBufferedRequestBytes = 1 << 20
    try await withTestServer(configuration) { _, port in
      let attacker = try RawConnection(port: port)
      try await attacker.handshake()
      // GetActorRequest with a 400 KB unknown field 15: decodes, and keeps the bytes.
      func request(_ id: Int64) -> [UInt8] {
        GetActorRequest(id: id).serializedBytes() + [0x7a, 0x80, 0xb5, 0x18] + [UInt8](repeating: 0x61, count: 400_000)
      }
      for id in [1, 3, 5] as [UInt32] {
        try await attacker.send(
          .requestHeaders(streamID: id, RequestHeaders(method: Echo.Unary.descriptor.fullName), endStream: false),
          .message(streamID: id, request(Int64(id)), endStream: false)
        )
      }
      let refused = try await attacker.response(stream: 5)
      #expect(refused.trailers.code == .resourceExhausted)
      #expect(refused.trailers.details?.reason == "TOO_MUCH_REQUEST_DATA")

      // Another client is served meanwhile.
      _ = try await RawConnection.serving(port: port)

      try await attacker.send(.halfClose(streamID: 1), .halfClose(streamID: 3))
      for id in [1, 3] as [UInt32] {
        let answer = try await attacker.response(stream: id)
        #expect(answer.trailers.code == .ok)
        #expect(try Actor(serializedBytes: answer.messages[0]).id == Int64(id))
      }
    }
  }

  @Test("a client that pipelines calls and never reads: responses past the queued-output bound end RESOURCE_EXHAUSTED, and others are served")
  func neverReads() async throws {
    var configuration = ServerConfiguration()
    configuration.maxPendingOutputBytes = 16 << 10
    configuration.maxQueuedOutputBytes = 32 << 10
    try await withTestServer(configuration) { _, port in
      let slow = try RawConnection(port: port)
      try await slow.handshake()
      let written = try await slow.floodWithoutReading(method: ReflectionService.ListServices.descriptor, request: ListServicesRequest(), forSeconds: 1)
      #expect(written > 0)

      let other = try RawConnection(port: port)
      try await other.handshake()
      try await other.call(StatsService.GetServerStats.descriptor, stream: 1, GetServerStatsRequest())
      let answer = try await other.response(stream: 1)
      #expect(answer.trailers.code == .ok)
      let stats = try ServerStats(serializedBytes: answer.messages[0])
      let listServices = stats.methods.first { $0.method.hasSuffix("/ListServices") }
      let refused = listServices?.statuses.first { $0.code == .resourceExhausted }?.count ?? 0
      #expect(refused > 0, "no ListServices call was refused: \(listServices.map { "\($0.statuses)" } ?? "none")")
    }
  }

  @Test("a request held open stalls: DEADLINE_EXCEEDED after the stall timeout on the server's clock, with no deadline of its own")
  func stalledRequest() async throws {
    let clock = ManualClock()
    let configuration = TimeoutTests.configuration(clock) { $0.requestStallTimeout = .seconds(30) }
    try await TimeoutTests.withServer(configuration, clock: clock) { _, port in
      let connection = try RawConnection(port: port)
      try await connection.handshake()
      try await connection.send(.requestHeaders(streamID: 1, RequestHeaders(method: Echo.Unary.descriptor.fullName), endStream: false))
      try await connection.roundTrip()
      clock.advance(by: .seconds(29))
      try await connection.roundTrip()
      #expect(try await !connection.hasFinished(1))
      clock.advance(by: .seconds(1))
      let answer = try await connection.response(stream: 1)
      #expect(answer.trailers.code == .deadlineExceeded)
      #expect(answer.trailers.details?.reason == "REQUEST_STALLED")
    }
  }
}

@Suite("Malformed request payloads are the client's fault")
struct MalformedPayloadTests {
  @Test("wrong wire type, truncated varint, bad length: INVALID_ARGUMENT naming the field or the message, and the connection goes on")
  func malformed() async throws {
    try await withTestServer { _, port in
      let connection = try RawConnection(port: port)
      try await connection.handshake()
      let cases: [(payload: [UInt8], field: String?)] = [
        ([0x0a, 0x01, 0x00], "id"),                  // GetActorRequest.id (an int64) sent length-delimited
        ([0x08, 0xff, 0xff], nil),                   // a varint that never ends
        ([0x7a, 0x05, 0x00], nil),                   // an unknown field longer than the message
        ([0x0b], "id"),                              // field 1 as a group (wire type 3)
        ([0x7b], nil),                               // an unknown field as a group
      ]
      for (index, test) in cases.enumerated() {
        let stream = UInt32(2 * index + 1)
        try await connection.send(
          .requestHeaders(streamID: stream, RequestHeaders(method: Echo.Unary.descriptor.fullName), endStream: false),
          .message(streamID: stream, test.payload, endStream: true)
        )
        let answer = try await connection.response(stream: stream)
        #expect(answer.trailers.code == .invalidArgument, "payload \(test.payload)")
        if let field = test.field {
          #expect(answer.trailers.details?.fieldViolations.first?.field == field)
        } else {
          #expect(answer.trailers.details?.reason == "MALFORMED_MESSAGE")
          #expect(answer.trailers.message.contains("pledgewire.v1.GetActorRequest"))
        }
      }
      try await connection.call(Echo.Unary.descriptor, stream: 99, GetActorRequest(id: 7))
      #expect(try await connection.response(stream: 99).trailers.code == .ok)
    }
  }
}
