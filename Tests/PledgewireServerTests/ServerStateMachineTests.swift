@testable import PledgewireServer
import PledgewireTransport
import PledgewireWire
import Testing

/// The server's connection state machine alone, event by event on made-up times: state × event → what it writes
/// and what it asks its driver to do.
@Suite("Server connection state machine")
struct ServerStateMachineTests {
  /// One step of a conversation with the machine.
  enum Step: Sendable, CustomStringConvertible {
    /// Frames from the client (the preface goes before the first).
    case client([Frame])
    /// Raw bytes from the client.
    case raw([UInt8])
    /// The clock moves on by `nanoseconds` and the timer fires.
    case after(UInt64)
    /// The handler of a stream returns a response.
    case respond(UInt32)
    /// The handler of a stream ends it with an error.
    case fail(UInt32, StatusCode)
    case shutdown
    case forceClose
    case endOfInput
    case transportFailed

    var description: String {
      switch self {
      case .client(let frames): "client " + frames.map(Self.name).joined(separator: ", ")
      case .raw(let bytes): "\(bytes.count) raw bytes"
      case .after(let nanoseconds): "after \(nanoseconds / 1_000_000) ms"
      case .respond(let id): "handler of \(id) responds"
      case .fail(let id, let code): "handler of \(id) fails \(code.name)"
      case .shutdown: "shutdown"
      case .forceClose: "grace over"
      case .endOfInput: "client FIN"
      case .transportFailed: "socket error"
      }
    }

    static func name(_ frame: Frame) -> String {
      switch frame {
      case .requestHeaders(let id, let headers, let end): "HEADERS \(id) \(headers.method.split(separator: "/").last ?? "")\(end ? " END" : "")"
      case .message(let id, _, let end): "MESSAGE \(id)\(end ? " END" : "")"
      case .halfClose(let id): "HALF_CLOSE \(id)"
      case .cancel(let id, _): "CANCEL \(id)"
      case let other: other.type.name
      }
    }
  }

  struct Case: Sendable, CustomTestStringConvertible {
    let state: String
    let setup: [Step]
    let event: Step
    /// The driver's effects after the event, described.
    let effects: [String]
    /// The frames the server writes after the event, described.
    let frames: [String]
    let phase: ConnectionCore.Phase
    var testDescription: String { "\(state) × \(event)" }
  }

  static let second: UInt64 = 1_000_000_000

  static func headers(_ id: UInt32, _ method: MethodDescriptor = Echo.unary, timeout: UInt64 = 0, end: Bool = false, metadata: [MetadataEntry] = []) -> Frame {
    .requestHeaders(streamID: id, RequestHeaders(method: method.fullName, timeoutUs: timeout, metadata: metadata), endStream: end)
  }

  static func message(_ id: UInt32, end: Bool = true) -> Frame {
    .message(streamID: id, GetActorRequest(id: Int64(id)).serializedBytes(), endStream: end)
  }

  /// Method descriptors with handlers the machine can look up.
  enum Echo {
    static let unary = MethodDescriptor(service: "t.Echo", name: "Unary", kind: .unary, inputType: "", outputType: "")
    static let collect = MethodDescriptor(service: "t.Echo", name: "Collect", kind: .clientStreaming, inputType: "", outputType: "")
    static let expand = MethodDescriptor(service: "t.Echo", name: "Expand", kind: .serverStreaming, inputType: "", outputType: "")
  }

  static let open: [Step] = [.client([.settings(Settings())])]
  static let unaryRunning: [Step] = open + [.client([headers(1), message(1)])]

  static let cases: [Case] = [
    // Handshaking.
    Case(state: "handshaking", setup: [], event: .client([.settings(Settings())]), effects: [], frames: ["SETTINGS ACK"], phase: .open),
    Case(state: "handshaking", setup: [], event: .raw(Array("GET / HTTP/1.1\r\n".utf8)), effects: ["failed PROTOCOL_ERROR"], frames: ["GOAWAY PROTOCOL_ERROR 0"], phase: .closing),
    Case(state: "handshaking", setup: [], event: .after(10 * second), effects: ["failed TIMEOUT"], frames: ["GOAWAY TIMEOUT 0"], phase: .closing),
    Case(state: "handshaking", setup: [], event: .after(9 * second), effects: [], frames: [], phase: .handshaking),
    Case(state: "handshaking, first frame not SETTINGS", setup: [], event: .client([.ping(1)]), effects: ["failed PROTOCOL_ERROR"], frames: ["GOAWAY PROTOCOL_ERROR 0"], phase: .closing),
    // Open, idle.
    Case(state: "open", setup: open, event: .client([.ping(7)]), effects: [], frames: ["PING ACK 7"], phase: .open),
    Case(state: "open", setup: open, event: .client([headers(1), message(1)]), effects: ["start 1"], frames: [], phase: .open),
    Case(state: "open", setup: open, event: .client([headers(1, end: true)]), effects: ["ended 1 INTERNAL"], frames: ["TRAILERS 1 INTERNAL"], phase: .open),
    Case(state: "open", setup: open, event: .client([headers(1), .halfClose(streamID: 1)]), effects: ["ended 1 INTERNAL"], frames: ["TRAILERS 1 INTERNAL"], phase: .open),
    Case(state: "open", setup: open, event: .client([headers(1), .message(streamID: 1, [], endStream: true)]), effects: ["start 1"], frames: [], phase: .open),
    Case(state: "open", setup: open, event: .client([.requestHeaders(streamID: 1, RequestHeaders(method: "/t.Echo/Nope"), endStream: false)]), effects: ["ended 1 UNIMPLEMENTED"], frames: ["TRAILERS 1 UNIMPLEMENTED"], phase: .open),
    Case(state: "open", setup: open, event: .client([headers(1, metadata: [MetadataEntry(key: "Bad Key", value: [])])]), effects: [], frames: ["TRAILERS 1 INVALID_ARGUMENT"], phase: .open),
    Case(state: "open", setup: open, event: .client([headers(1, metadata: [MetadataEntry(key: "x", value: [0x07])])]), effects: [], frames: ["TRAILERS 1 INVALID_ARGUMENT"], phase: .open),
    Case(state: "open", setup: open, event: .client([headers(1, metadata: [MetadataEntry(key: "pw-trace", value: [])])]), effects: [], frames: ["TRAILERS 1 INVALID_ARGUMENT"], phase: .open),
    Case(state: "open", setup: open, event: .client([headers(1, Echo.collect, end: true)]), effects: ["start 1"], frames: [], phase: .open),
    Case(state: "open", setup: open, event: .client([message(9)]), effects: ["failed PROTOCOL_ERROR"], frames: ["GOAWAY PROTOCOL_ERROR 0"], phase: .closing),
    Case(state: "open", setup: open, event: .client([.cancel(streamID: 9, Cancel())]), effects: ["failed PROTOCOL_ERROR"], frames: ["GOAWAY PROTOCOL_ERROR 0"], phase: .closing),
    Case(state: "open", setup: open, event: .client([.goAway(GoAway())]), effects: [], frames: ["GOAWAY NO_ERROR 0"], phase: .closing),
    Case(state: "open", setup: open, event: .shutdown, effects: [], frames: ["GOAWAY NO_ERROR 0"], phase: .closing),
    Case(state: "open", setup: open, event: .endOfInput, effects: [], frames: [], phase: .closing),
    Case(state: "open", setup: open, event: .after(300 * second), effects: [], frames: ["GOAWAY NO_ERROR 0"], phase: .closing),
    // A unary call that has its headers but not yet its request.
    Case(state: "receiving 1", setup: open + [.client([headers(1, timeout: 1_000_000)])], event: .client([message(1)]), effects: ["start 1"], frames: [], phase: .open),
    Case(state: "receiving 1", setup: open + [.client([headers(1, timeout: 1_000_000)])], event: .after(second), effects: ["ended 1 DEADLINE_EXCEEDED"], frames: ["TRAILERS 1 DEADLINE_EXCEEDED"], phase: .open),
    Case(state: "receiving 1", setup: open + [.client([headers(1)])], event: .client([message(1, end: false), message(1)]), effects: ["ended 1 INTERNAL"], frames: ["TRAILERS 1 INTERNAL"], phase: .open),
    Case(state: "receiving 1", setup: open + [.client([headers(1)])], event: .client([.cancel(streamID: 1, Cancel())]), effects: ["ended 1 CANCELLED"], frames: [], phase: .open),
    Case(state: "receiving 1", setup: open + [.client([headers(1)])], event: .endOfInput, effects: ["ended 1 CANCELLED"], frames: ["TRAILERS 1 CANCELLED"], phase: .closing),
    // A unary call whose handler runs.
    Case(state: "running 1", setup: unaryRunning, event: .respond(1), effects: ["ended 1 OK"], frames: ["MESSAGE 1", "TRAILERS 1 OK"], phase: .open),
    Case(state: "running 1", setup: unaryRunning, event: .fail(1, .notFound), effects: ["ended 1 NOT_FOUND"], frames: ["TRAILERS 1 NOT_FOUND"], phase: .open),
    Case(state: "running 1", setup: unaryRunning, event: .client([.cancel(streamID: 1, Cancel())]), effects: ["ended 1 CANCELLED stop"], frames: [], phase: .open),
    Case(state: "running 1", setup: unaryRunning, event: .client([.cancel(streamID: 1, Cancel(errorCode: .deadlineExceeded))]), effects: ["ended 1 DEADLINE_EXCEEDED stop"], frames: [], phase: .open),
    Case(state: "running 1", setup: unaryRunning, event: .client([headers(1)]), effects: ["failed PROTOCOL_ERROR", "ended 1 CANCELLED stop"], frames: ["GOAWAY PROTOCOL_ERROR 1"], phase: .closing),
    Case(state: "running 1", setup: unaryRunning, event: .client([headers(3), message(3)]), effects: ["start 3"], frames: [], phase: .open),
    Case(state: "running 1", setup: unaryRunning, event: .shutdown, effects: [], frames: ["GOAWAY NO_ERROR 1"], phase: .open),
    Case(state: "running 1", setup: unaryRunning, event: .forceClose, effects: ["ended 1 UNAVAILABLE stop"], frames: ["TRAILERS 1 UNAVAILABLE", "GOAWAY NO_ERROR 1"], phase: .closing),
    Case(state: "running 1", setup: unaryRunning, event: .transportFailed, effects: ["ended 1 CANCELLED stop"], frames: [], phase: .closed),
    Case(state: "running 1", setup: unaryRunning, event: .endOfInput, effects: [], frames: [], phase: .open),
    Case(state: "running 1", setup: unaryRunning, event: .after(3_600 * second), effects: [], frames: [], phase: .open),
    Case(state: "running 1, client gone", setup: unaryRunning + [.endOfInput], event: .respond(1), effects: ["ended 1 OK"], frames: ["MESSAGE 1", "TRAILERS 1 OK"], phase: .closing),
    // After the call ended: late frames for it are ignored.
    Case(state: "ended 1", setup: unaryRunning + [.respond(1)], event: .client([.cancel(streamID: 1, Cancel()), .halfClose(streamID: 1), message(1)]), effects: [], frames: [], phase: .open),
    // A client-streaming call.
    Case(state: "client stream 1", setup: open + [.client([headers(1, Echo.collect)])], event: .client([message(1, end: false)]), effects: ["available 1"], frames: [], phase: .open),
    Case(state: "client stream 1", setup: open + [.client([headers(1, Echo.collect)])], event: .client([.halfClose(streamID: 1)]), effects: ["available 1"], frames: [], phase: .open),
    // The client's FIN before its HALF_CLOSE: the requests will never end, so the call does (a fuzz-found hang).
    Case(state: "client stream 1", setup: open + [.client([headers(1, Echo.collect), message(1, end: false)])], event: .endOfInput, effects: ["ended 1 CANCELLED stop"], frames: ["TRAILERS 1 CANCELLED"], phase: .closing),
    Case(state: "client stream 1, half-closed", setup: open + [.client([headers(1, Echo.collect), .halfClose(streamID: 1)])], event: .endOfInput, effects: [], frames: [], phase: .open),
    Case(state: "client stream 1, half-closed", setup: open + [.client([headers(1, Echo.collect), .halfClose(streamID: 1)])], event: .client([message(1)]), effects: ["ended 1 INTERNAL stop"], frames: ["TRAILERS 1 INTERNAL"], phase: .open),
    // Draining: GOAWAY sent, a call in flight.
    Case(state: "draining, 1 running", setup: unaryRunning + [.shutdown], event: .client([headers(3), message(3)]), effects: [], frames: ["TRAILERS 3 UNAVAILABLE"], phase: .open),
    Case(state: "draining, 1 running", setup: unaryRunning + [.shutdown], event: .respond(1), effects: ["ended 1 OK"], frames: ["MESSAGE 1", "TRAILERS 1 OK"], phase: .closing),
    Case(state: "client went away, 1 running", setup: unaryRunning + [.client([.goAway(GoAway())])], event: .respond(1), effects: ["ended 1 OK"], frames: ["MESSAGE 1", "TRAILERS 1 OK"], phase: .closing),
    // Closing: input is dropped, the linger time ends it.
    Case(state: "closing", setup: open + [.shutdown], event: .client([message(9)]), effects: [], frames: [], phase: .closing),
    Case(state: "closing", setup: open + [.shutdown], event: .after(3 * second), effects: [], frames: [], phase: .closed),
    Case(state: "closing", setup: open + [.shutdown], event: .endOfInput, effects: [], frames: [], phase: .closed),
  ]

  @Test("state × event → frames written and effects", arguments: cases)
  func transition(_ testCase: Case) throws {
    var harness = Harness()
    for step in testCase.setup {
      try harness.apply(step)
    }
    _ = harness.takeEffects()
    _ = try harness.takeFrames()
    try harness.apply(testCase.event)
    #expect(harness.takeEffects() == testCase.effects)
    #expect(try harness.takeFrames() == testCase.frames)
    #expect(harness.machine.phase == testCase.phase)
  }

  @Test("the stream limit refuses one stream over it, safe to retry, and frees its slot when a call ends")
  func streamLimit() throws {
    var harness = Harness(maxConcurrentStreams: 2)
    try harness.apply(.client([.settings(Settings()), Self.headers(1), Self.message(1), Self.headers(3), Self.message(3), Self.headers(5), Self.message(5)]))
    #expect(harness.takeEffects() == ["start 1", "start 3"])
    #expect(try harness.takeFrames() == ["SETTINGS ACK", "TRAILERS 5 UNAVAILABLE REFUSED_STREAM"])
    try harness.apply(.respond(1))
    try harness.apply(.client([Self.headers(7), Self.message(7)]))
    #expect(harness.takeEffects() == ["ended 1 OK", "start 7"])
  }

  @Test("a client stream's buffer pauses reading when full and resumes it when the handler takes half")
  func inboundBound() throws {
    var harness = Harness(maxBufferedRequestMessages: 4)
    try harness.apply(.client([.settings(Settings()), Self.headers(1, Echo.collect)] + (0..<4).map { _ in Self.message(1, end: false) }))
    #expect(!harness.machine.core.wantsRead)
    for _ in 0..<2 {
      guard case .message = harness.machine.takeRequest(1, now: harness.now) else {
        Issue.record("expected a buffered request")
        return
      }
      #expect(!harness.machine.core.wantsRead)
    }
    _ = harness.machine.takeRequest(1, now: harness.now)
    #expect(harness.machine.core.wantsRead)
  }

  @Test("output over its bound pauses reading and holds streaming writers until it drains to half")
  func outputBound() throws {
    var harness = Harness(maxPendingOutputBytes: 1_000)
    try harness.apply(.client([.settings(Settings()), Self.headers(1, Echo.expand), Self.message(1)]))
    _ = try harness.takeFrames()
    #expect(harness.takeEffects() == ["start 1"])
    var mustWait = false
    while !mustWait {
      mustWait = try harness.machine.send(1) { try $0.writeMessage(Actor(id: 1, canonicalName: String(repeating: "a", count: 100)), streamID: 1) }
    }
    #expect(!harness.machine.core.wantsRead)
    #expect(try !harness.machine.mayWrite(1))
    _ = harness.machine.sent(harness.machine.core.output.count - 500, now: harness.now)
    #expect(harness.takeEffects() == ["drained"])
    #expect(harness.machine.core.wantsRead)
    #expect(try harness.machine.mayWrite(1))
  }

  @Test("trailers always fit the client's max frame size: details too large to fit are dropped")
  func trailersFit() throws {
    var harness = Harness()
    try harness.apply(.client([.settings(Settings(maxFrameSize: 16_384)), Self.headers(1), Self.message(1)]))
    _ = try harness.takeFrames()
    let violations = (0..<2_000).map { FieldViolation(field: "field\($0)", description: "is wrong in a long way") }
    harness.machine.complete(1, trailers: RPCError(.invalidArgument, "bad", details: ErrorDetails(fieldViolations: violations)).trailers, now: harness.now)
    let frames = try harness.takeDecodedFrames()
    guard case .trailers(1, let trailers)? = frames.first else {
      Issue.record("expected trailers, got \(frames)")
      return
    }
    #expect(trailers.code == .invalidArgument)
    #expect(trailers.details == nil)
    #expect(trailers.message.hasPrefix("bad"))
  }

  @Test("a write's response over the client's max frame size: RESOURCE_EXHAUSTED naming the committed record")
  func committedWrite() throws {
    var harness = Harness()
    try harness.apply(.client([.settings(Settings(maxFrameSize: 16_384)), Self.headers(1), Self.message(1)]))
    _ = try harness.takeFrames()
    let big = Actor(id: 7, canonicalName: String(repeating: "a", count: 20_000))
    harness.machine.complete(1, now: harness.now, committedID: { big.id }) { try $0.writeMessage(big, streamID: 1) }
    let frames = try harness.takeDecodedFrames()
    guard case .trailers(1, let trailers)? = frames.first, frames.count == 1 else {
      Issue.record("expected trailers alone, got \(frames)")
      return
    }
    #expect(trailers.code == .resourceExhausted)
    #expect(trailers.details?.committedID == 7)
    #expect(trailers.message.hasSuffix("(the write committed record 7: do not retry it)"))
  }

  /// Drives a machine with client frames and reads back what it writes.
  struct Harness {
    var machine: ServerConnectionStateMachine
    var now: UInt64 = 1_000 * ServerStateMachineTests.second
    private var decoder = FrameDecoder(role: .client)
    private var encoder = FrameEncoder()
    private var prefaceSent = false
    private var effectBuffer: [ServerEffect] = []

    init(
      maxConcurrentStreams: Int = 100, maxBufferedRequestMessages: Int = 256, maxPendingOutputBytes: Int = 1 << 20,
      requestBytes: RequestBytePool = RequestBytePool(limit: .max), configure: (inout ServerConfiguration) -> Void = { _ in }
    ) {
      let handlers = [Echo.unary, Echo.collect, Echo.expand].map { MethodHandler(descriptor: $0, run: { _, _ in }, fastPath: nil) }
      let table = MethodTable(handlers: handlers)
      var configuration = ServerConfiguration(maxConcurrentStreams: maxConcurrentStreams, maxPendingOutputBytes: maxPendingOutputBytes, maxBufferedRequestMessages: maxBufferedRequestMessages)
      configuration.idleTimeout = .seconds(300)
      configure(&configuration)
      machine = ServerConnectionStateMachine(configuration: configuration.connectionConfiguration, methods: table, requestBytes: requestBytes)
      machine.start(now: now)
      // The server's preface and SETTINGS are not what the cases are about.
      _ = try? takeDecodedFrames()
    }

    mutating func apply(_ step: Step) throws {
      switch step {
      case .client(let frames):
        if !prefaceSent {
          encoder.writePreface()
          prefaceSent = true
        }
        for frame in frames {
          try encoder.write(frame)
        }
        feed(encoder.bytes)
        encoder.removeAll()
      case .raw(let bytes):
        feed(bytes)
      case .after(let nanoseconds):
        now += nanoseconds
        machine.timerFired(now: now)
      case .respond(let id):
        machine.complete(id, now: now) { try $0.writeMessage(Actor(id: Int64(id)), streamID: id) }
      case .fail(let id, let code):
        machine.complete(id, trailers: Trailers(code: code, message: "failed"), now: now)
      case .shutdown:
        machine.beginShutdown(now: now)
      case .forceClose:
        machine.forceClose(now: now)
      case .endOfInput:
        machine.endOfInput(now: now)
      case .transportFailed:
        machine.transportFailed(now: now)
      }
    }

    private mutating func feed(_ bytes: [UInt8]) {
      bytes.withUnsafeBytes { machine.receive($0, now: now) }
      while machine.processInput(now: now) {}
    }

    mutating func takeEffects() -> [String] {
      machine.takeEffects(into: &effectBuffer)
      return effectBuffer.map { effect in
        switch effect {
        case .startCall(let id): "start \(id)"
        case .requestsAvailable(let id): "available \(id)"
        case .ended(let end): "ended \(end.streamID) \(end.code.name)\(end.stopHandler ? " stop" : "")"
        case .outputDrained: "drained"
        case .connectionFailed(let error): "failed \(error.connectionError?.name ?? "?")"
        }
      }
    }

    mutating func takeDecodedFrames() throws -> [Frame] {
      machine.core.withOutput { output in
        output.withUnsentBytes { decoder.append($0) }
        output.removeAll()
      }
      var frames: [Frame] = []
      while let frame = try decoder.next() {
        frames.append(frame)
      }
      return frames
    }

    mutating func takeFrames() throws -> [String] {
      try takeDecodedFrames().map { frame in
        switch frame {
        case .settingsAck: "SETTINGS ACK"
        case .pingAck(let value): "PING ACK \(value)"
        case .ping: "PING"
        case .goAway(let goAway): "GOAWAY \(goAway.errorCode.name) \(goAway.lastStreamID)"
        case .message(let id, _, _): "MESSAGE \(id)"
        case .trailers(let id, let trailers): "TRAILERS \(id) \(trailers.code.name)" + (trailers.details?.reason == "REFUSED_STREAM" ? " REFUSED_STREAM" : "")
        case let other: "\(other)"
        }
      }
    }
  }
}
