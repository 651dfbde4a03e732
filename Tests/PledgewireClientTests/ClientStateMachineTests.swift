@testable import PledgewireClient
import PledgewireTransport
import PledgewireWire
import Testing

/// The client's connection state machine alone, event by event on made-up times: state × event → what it writes,
/// what its callers get.
@Suite("Client connection state machine")
struct ClientStateMachineTests {
  static let second: UInt64 = 1_000_000_000
  static let unary = MethodDescriptor(service: "t.Echo", name: "Unary", kind: .unary, inputType: "", outputType: "")
  static let expand = MethodDescriptor(service: "t.Echo", name: "Expand", kind: .serverStreaming, inputType: "", outputType: "")

  /// Drives a machine with server frames and reads back what it writes.
  struct Harness {
    var machine: ClientConnectionStateMachine
    var now: UInt64 = 1_000 * ClientStateMachineTests.second
    private var decoder = FrameDecoder(role: .server)
    private var encoder = FrameEncoder()
    private var effects: [ClientEffect] = []
    private var nextID: CallID = 0

    init(maxBufferedResponses: Int = 256) {
      var configuration = ClientConfiguration(maxBufferedResponses: maxBufferedResponses)
      configuration.agent = "test"
      machine = ClientConnectionStateMachine(configuration: configuration.connectionConfiguration(target: "server"))
      machine.start(now: now)
      encoder.writePreface()
      server(.settings(Settings()))
      _ = try? frames()
    }

    mutating func server(_ frames: Frame...) {
      for frame in frames {
        try! encoder.write(frame)
      }
      encoder.withUnsentBytes { machine.receive($0, now: now) }
      encoder.removeAll()
      _ = machine.processInput(now: now)
    }

    mutating func call(_ method: MethodDescriptor = ClientStateMachineTests.unary, timeout: UInt64? = nil) -> CallID {
      nextID += 1
      machine.open(nextID, method: method, headers: RequestHeaders(method: method.fullName), request: method.isClientStreaming ? nil : [8, 1], deadline: timeout.map { now + $0 }, now: now)
      return nextID
    }

    mutating func after(_ nanoseconds: UInt64) {
      now += nanoseconds
      machine.timerFired(now: now)
    }

    mutating func available() -> [CallID] {
      machine.takeEffects(into: &effects)
      return effects.compactMap { if case .responseAvailable(let id) = $0 { id } else { nil } }
    }

    /// The frames written, described.
    mutating func frames() throws -> [String] {
      machine.core.withOutput { output in
        output.withUnsentBytes { decoder.append($0) }
        output.removeAll()
      }
      var frames: [String] = []
      while let frame = try decoder.next() {
        switch frame {
        case .settings: frames.append("SETTINGS")
        case .settingsAck: frames.append("SETTINGS ACK")
        case .requestHeaders(let id, let headers, _): frames.append("HEADERS \(id)" + (headers.timeoutUs > 0 ? " \(headers.timeoutUs / 1_000_000) s" : ""))
        case .message(let id, _, let end): frames.append("MESSAGE \(id)\(end ? " END" : "")")
        case .cancel(let id, let cancel): frames.append("CANCEL \(id) \(cancel.errorCode.name)")
        case .goAway(let goAway): frames.append("GOAWAY \(goAway.errorCode.name)")
        case .pingAck: frames.append("PING ACK")
        case let other: frames.append("\(other)")
        }
      }
      return frames
    }
  }

  @Test("a unary call: HEADERS with the time left, MESSAGE END_STREAM; the caller gets the response with OK trailers")
  func unary() throws {
    var harness = Harness()
    let id = harness.call(timeout: 5 * Self.second)
    #expect(try harness.frames() == ["HEADERS 1 5 s", "MESSAGE 1 END"])
    #expect(harness.machine.take(id, now: harness.now) == .wait)
    harness.server(.message(streamID: 1, [8, 1], endStream: false))
    #expect(harness.available() == [], "a unary caller waits for the trailers")
    harness.server(.trailers(streamID: 1, Trailers()))
    #expect(harness.available() == [id])
    #expect(harness.machine.take(id, now: harness.now) == .message([8, 1]))
    #expect(harness.machine.calls.isEmpty)
  }

  @Test("a unary call that ends OK without a response, or with a second one, fails INTERNAL")
  func unaryMalformed() throws {
    var harness = Harness()
    let empty = harness.call()
    harness.server(.trailers(streamID: 1, Trailers()))
    guard case .failed(let error) = harness.machine.take(empty, now: harness.now) else {
      Issue.record("expected a failure")
      return
    }
    #expect(error.code == .internal)
    let twice = harness.call()
    _ = try harness.frames()
    harness.server(.message(streamID: 3, [], endStream: false), .message(streamID: 3, [], endStream: false))
    #expect(try harness.frames() == ["CANCEL 3 CANCEL"])
    guard case .failed(let second) = harness.machine.take(twice, now: harness.now) else {
      Issue.record("expected a failure")
      return
    }
    #expect(second.code == .internal)
  }

  @Test("an error status reaches the caller with its code, message and details")
  func errorStatus() {
    var harness = Harness()
    let id = harness.call()
    harness.server(.trailers(streamID: 1, Trailers(code: .alreadyExists, message: "taken", details: ErrorDetails(existingID: 7))))
    #expect(harness.machine.take(id, now: harness.now) == .failed(RPCError(.alreadyExists, "taken", details: ErrorDetails(existingID: 7))))
  }

  @Test("the deadline of each call fires: CANCEL DEADLINE_EXCEEDED to the server, DEADLINE_EXCEEDED to the caller")
  func deadlines() throws {
    var harness = Harness()
    let first = harness.call(timeout: 5 * Self.second)
    let second = harness.call(timeout: 2 * Self.second)
    _ = try harness.frames()
    harness.after(2 * Self.second - 1)
    #expect(harness.available() == [])
    harness.after(1)
    #expect(harness.available() == [second])
    #expect(try harness.frames() == ["CANCEL 3 DEADLINE_EXCEEDED"])
    harness.after(3 * Self.second)
    #expect(harness.available() == [first])
    #expect(try harness.frames() == ["CANCEL 1 DEADLINE_EXCEEDED"])
    #expect(harness.machine.take(first, now: harness.now) == .failed(RPCError(.deadlineExceeded, "the deadline passed before the server answered")))
    // A later call on the same connection has its deadline too.
    let third = harness.call(timeout: Self.second)
    harness.after(Self.second)
    #expect(harness.available() == [third])
  }

  @Test("calls beyond the server's stream limit wait, start as slots free, and their deadlines run while they wait")
  func streamLimit() throws {
    var harness = Harness()
    harness.server(.settings(Settings(maxConcurrentStreams: 1)))  // a change of SETTINGS
    _ = try harness.frames()
    let first = harness.call()
    let waiting = harness.call()
    let expiring = harness.call(timeout: Self.second)
    #expect(try harness.frames() == ["HEADERS 1", "MESSAGE 1 END"])
    harness.after(Self.second)
    #expect(harness.available() == [expiring])
    #expect(try harness.frames() == [], "a call that never started sends no CANCEL")
    harness.server(.message(streamID: 1, [], endStream: false), .trailers(streamID: 1, Trailers()))
    #expect(harness.available() == [first])
    #expect(try harness.frames() == ["HEADERS 3", "MESSAGE 3 END"])
    _ = waiting
  }

  @Test("GOAWAY: calls above its last stream fail NOT_SENT (safe to retry), those below finish, then the connection closes")
  func goAway() throws {
    var harness = Harness()
    let kept = harness.call()
    let unprocessed = harness.call()
    harness.server(.goAway(GoAway(lastStreamID: 1, errorCode: .noError, message: "bye")))
    #expect(!harness.machine.isAccepting)
    guard case .failed(let error) = harness.machine.take(unprocessed, now: harness.now) else {
      Issue.record("expected NOT_SENT")
      return
    }
    #expect(error.code == .unavailable)
    #expect(error.details?.reason == "NOT_SENT")
    #expect(harness.machine.phase == .open)
    harness.server(.message(streamID: 1, [], endStream: false), .trailers(streamID: 1, Trailers()))
    #expect(harness.machine.take(kept, now: harness.now) == .message([]))
    #expect(harness.machine.phase == .closing)
    let late = harness.call()
    guard case .failed(let refused) = harness.machine.take(late, now: harness.now) else {
      Issue.record("expected NOT_SENT")
      return
    }
    #expect(refused.details?.reason == "NOT_SENT")
  }

  @Test("a protocol error from the server fails every call and sends GOAWAY PROTOCOL_ERROR")
  func protocolError() throws {
    var harness = Harness()
    let id = harness.call()
    _ = try harness.frames()
    harness.server(.requestHeaders(streamID: 2, RequestHeaders(method: "/x/y"), endStream: false))
    #expect(harness.available() == [id])
    #expect(try harness.frames() == ["GOAWAY PROTOCOL_ERROR"])
    #expect(harness.machine.phase == .closing)
  }

  @Test("the server closing the connection fails calls in flight with UNAVAILABLE")
  func endOfInput() {
    var harness = Harness()
    let id = harness.call()
    harness.machine.endOfInput(now: harness.now)
    guard case .failed(let error) = harness.machine.take(id, now: harness.now) else {
      Issue.record("expected a failure")
      return
    }
    #expect(error.code == .unavailable)
  }

  @Test("a server stream's buffer pauses reading when full and resumes when the caller takes half")
  func inboundBound() {
    var harness = Harness(maxBufferedResponses: 4)
    let id = harness.call(Self.expand)
    for _ in 0..<4 {
      harness.server(.message(streamID: 1, [], endStream: false))
    }
    #expect(harness.available() == [id, id, id, id])
    #expect(!harness.machine.core.wantsRead)
    _ = harness.machine.take(id, now: harness.now)
    _ = harness.machine.take(id, now: harness.now)
    #expect(!harness.machine.core.wantsRead)
    _ = harness.machine.take(id, now: harness.now)
    #expect(harness.machine.core.wantsRead)
  }

  @Test("cancel sends CANCEL for a started call, nothing for a waiting one; abandon forgets the call")
  func cancel() throws {
    var harness = Harness()
    let id = harness.call(Self.expand)
    _ = try harness.frames()
    harness.machine.abandon(id, now: harness.now)
    #expect(try harness.frames() == ["CANCEL 1 CANCEL"])
    #expect(harness.machine.calls.isEmpty)
    harness.server(.message(streamID: 1, [], endStream: false), .trailers(streamID: 1, Trailers()))
    #expect(harness.available() == [id], "only the cancel's own notice")
  }
}
