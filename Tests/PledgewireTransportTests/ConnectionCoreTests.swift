import PledgewireTransport
import PledgewireWire
import Testing

/// The connection-level core shared by server and client, on made-up times.
@Suite("Connection core")
struct ConnectionCoreTests {
  static let second: UInt64 = 1_000_000_000

  struct Peer {
    var core: ConnectionCore
    var now: UInt64 = 1_000 * ConnectionCoreTests.second
    private var encoder = FrameEncoder()
    private var decoder = FrameDecoder(role: .client)
    private(set) var inbound: [ConnectionCore.Inbound] = []

    init(_ change: (inout ConnectionCore.Configuration) -> Void = { _ in }) {
      var configuration = ConnectionCore.Configuration(role: .server, settings: Settings(maxFrameSize: 16_384), handshakeTimeout: 10 * ConnectionCoreTests.second, frameTimeout: 10 * ConnectionCoreTests.second)
      change(&configuration)
      core = ConnectionCore(configuration)
      core.start(now: now)
      encoder.writePreface()
    }

    mutating func receive(_ frames: Frame...) {
      for frame in frames {
        try! encoder.write(frame)
      }
      receive(raw: encoder.bytes)
      encoder.removeAll()
    }

    mutating func receive(raw bytes: [UInt8]) {
      bytes.withUnsafeBytes { core.receive($0, now: now) }
      while let next = core.nextInbound(now: now) {
        inbound.append(next)
      }
    }

    mutating func advance(_ nanoseconds: UInt64) -> ConnectionCore.TimerOutcome {
      now += nanoseconds
      return core.timerFired(now: now)
    }

    /// What the core wrote, decoded (the preface and the core's own SETTINGS included at first).
    mutating func written() throws -> [Frame] {
      core.withOutput { output in
        output.withUnsentBytes { decoder.append($0) }
      }
      _ = core.sent(core.output.count, now: now)
      var frames: [Frame] = []
      while let frame = try decoder.next() {
        frames.append(frame)
      }
      return frames
    }
  }

  @Test("the preface and SETTINGS go out at once; the peer's SETTINGS open the connection and are acknowledged")
  func handshake() throws {
    var peer = Peer()
    #expect(try peer.written() == [.settings(Settings(maxFrameSize: 16_384))])
    #expect(peer.core.phase == .handshaking)
    #expect(peer.core.nextWake == peer.now + 10 * Self.second)
    peer.receive(.settings(Settings(maxFrameSize: 32_768)))
    #expect(peer.core.phase == .open)
    #expect(peer.inbound == [.settings(Settings(maxFrameSize: 32_768))])
    #expect(try peer.written() == [.settingsAck])
    #expect(peer.core.output.maxFrameSize == 32_768)
    #expect(peer.core.nextWake == nil)
  }

  @Test("a peer's max_frame_size outside 16 KiB...16 MiB fails the connection")
  func badFrameSize() throws {
    var peer = Peer()
    _ = try peer.written()
    peer.receive(.settings(Settings(maxFrameSize: 100)))
    guard case .failed(let error)? = peer.inbound.last else {
      Issue.record("expected a failure, got \(peer.inbound)")
      return
    }
    #expect(error.connectionError == .protocolError)
    #expect(peer.core.phase == .closing)
    guard case .goAway(let goAway)? = try peer.written().last else {
      Issue.record("expected GOAWAY")
      return
    }
    #expect(goAway.errorCode == .protocolError)
  }

  @Test("PINGs are answered within the burst; past it the connection fails RESOURCE_EXHAUSTED; the burst refills")
  func pingRate() throws {
    var peer = Peer { $0.pingBurst = 3 }
    peer.receive(.settings(Settings()), .ping(1), .ping(2), .ping(3))
    #expect(try peer.written().filter { if case .pingAck = $0 { true } else { false } }.count == 3)
    _ = peer.advance(Self.second)
    peer.receive(.ping(4), .ping(5), .ping(6))
    #expect(peer.core.phase == .open)
    peer.receive(.ping(7))
    guard case .failed(let error)? = peer.inbound.last else {
      Issue.record("expected a failure")
      return
    }
    #expect(error.connectionError == .resourceExhausted)
  }

  @Test("keepalive: PING after each interval of silence, answered or not; unanswered for the timeout fails")
  func keepalive() throws {
    var peer = Peer { $0.keepaliveInterval = 10 * ConnectionCoreTests.second; $0.keepaliveTimeout = 5 * ConnectionCoreTests.second }
    peer.receive(.settings(Settings()))
    _ = try peer.written()
    #expect(peer.core.nextWake == peer.now + 10 * Self.second)
    #expect(peer.advance(10 * Self.second - 1) == .none)
    #expect(try peer.written() == [])
    #expect(peer.advance(1) == .none)
    guard case .ping(let value)? = try peer.written().first else {
      Issue.record("expected a PING")
      return
    }
    #expect(peer.core.nextWake == peer.now + 5 * Self.second)
    peer.receive(.pingAck(value))
    #expect(peer.core.nextWake == peer.now + 10 * Self.second, "after the answer, the next interval, not the timeout")
    _ = peer.advance(10 * Self.second)
    #expect(try peer.written().count == 1)
    guard case .failed(let error) = peer.advance(5 * Self.second) else {
      Issue.record("expected the keepalive timeout")
      return
    }
    #expect(error.connectionError == .timeout)
  }

  @Test("the partial-frame clock runs only while reading: paused reading stops it, resuming starts it afresh")
  func partialFrameClock() throws {
    var peer = Peer()
    peer.receive(.settings(Settings()))
    peer.receive(raw: [0, 0, 0, 40, 4])
    #expect(peer.core.nextWake == peer.now + 10 * Self.second)
    peer.core.setInboundOverLimit(true, now: peer.now)
    #expect(peer.core.nextWake == nil)
    #expect(peer.advance(60 * Self.second) == .none)
    peer.core.setInboundOverLimit(false, now: peer.now)
    #expect(peer.core.nextWake == peer.now + 10 * Self.second)
    guard case .failed(let error) = peer.advance(10 * Self.second) else {
      Issue.record("expected the frame timeout")
      return
    }
    #expect(error.connectionError == .timeout)
  }

  @Test("output over its bound pauses reading until it drains to half")
  func outputBound() throws {
    var peer = Peer { $0.maxPendingOutputBytes = 1_000 }
    peer.receive(.settings(Settings()))
    _ = try peer.written()
    while !peer.core.isOutputOverLimit {
      peer.core.write(.ping(1))
    }
    #expect(!peer.core.wantsRead)
    #expect(!peer.core.sent(peer.core.output.count - 501, now: peer.now).drained)
    #expect(peer.core.sent(1, now: peer.now).drained)
    #expect(peer.core.wantsRead)
  }

  @Test("closing: GOAWAY, what is left, FIN; closed when the peer closes or the linger time is over")
  func closing() throws {
    var peer = Peer()
    peer.receive(.settings(Settings()))
    _ = try peer.written()
    peer.core.goAway(.noError, "bye")
    peer.core.goAway(.noError, "twice")  // once only
    peer.core.close(now: peer.now)
    #expect(peer.core.hasOutput)
    let frames = try peer.written()
    #expect(frames.count == 1)
    #expect(peer.core.wantsRead, "a closing connection reads and drops, rather than reset the peer")
    #expect(peer.core.nextWake == peer.now + Self.second)
    _ = peer.advance(Self.second)
    #expect(peer.core.phase == .closed)

    var other = Peer()
    other.receive(.settings(Settings()))
    other.core.close(now: other.now)
    _ = try other.written()
    other.core.endOfInput(now: other.now)
    #expect(other.core.phase == .closed)
  }
}
