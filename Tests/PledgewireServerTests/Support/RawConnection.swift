import Dispatch
import PledgewireTestSupport
import PledgewireWire

#if canImport(Glibc)
import Glibc
#endif

/// A minimal client built on the codec, for tests that need to control every byte on the wire. Its socket calls
/// block, but on the connection's own dispatch queue, never on a thread of Swift's cooperative pool.
final class RawConnection: @unchecked Sendable {
  let fd: Int32
  private let queue = DispatchQueue(label: "raw-connection")
  private var decoder = FrameDecoder(role: .client)
  private var encoder = FrameEncoder()
  private var buffer = [UInt8](repeating: 0, count: 64 << 10)
  /// The server's SETTINGS, after ``handshake()``.
  private(set) var serverSettings: Settings?

  struct Closed: Error {}
  struct TimedOut: Error {}

  /// How long a read waits before it throws ``TimedOut``: a hang detector, not a latency bound, so it stretches with
  /// the sanitizer's slowdown.
  static let patience = 10 * Sanitizer.timeFactor

  init(port: Int) throws {
    fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = in_port_t(UInt16(port).bigEndian)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    let result = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
    }
    guard result == 0 else {
      throw Closed()  // deinit closes the socket; closing it here too could close someone else's reused fd
    }
    var one: Int32 = 1
    setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
  }

  deinit {
    close(fd)
  }

  /// Runs blocking socket work on the connection's queue.
  private func blocking<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
      queue.async { continuation.resume(with: Result(catching: body)) }
    }
  }

  /// Sends the preface and SETTINGS, and reads the server's preface and SETTINGS.
  @discardableResult
  func handshake(settings: Settings = Settings()) async throws -> Settings {
    try await blocking { try self.handshakeNow(settings: settings) }
  }

  func send(_ frames: Frame...) async throws {
    try await send(frames)
  }

  func send(_ frames: [Frame]) async throws {
    try await blocking { try self.sendNow(frames) }
  }

  /// Sends a unary request: HEADERS and MESSAGE with END_STREAM.
  func call<M: ProtobufMessage>(_ method: MethodDescriptor, stream: UInt32, _ request: M, metadata: Metadata = Metadata(), timeoutMicroseconds: UInt64 = 0) async throws {
    try await send(
      .requestHeaders(streamID: stream, RequestHeaders(method: method.fullName, timeoutUs: timeoutMicroseconds, metadata: metadata.entries), endStream: false),
      .message(streamID: stream, request.serializedBytes(), endStream: true)
    )
  }

  func sendRaw(_ bytes: [UInt8]) async throws {
    try await blocking { try self.sendRawNow(bytes) }
  }

  /// The next frame, skipping SETTINGS ACKs. Throws `Closed` at end of stream, `TimedOut` after `timeout` seconds.
  func nextFrame(timeout: Double = RawConnection.patience) async throws -> Frame {
    try await blocking { try self.nextFrameNow(timeout: timeout) }
  }

  /// Frames until the server closes the connection.
  func framesUntilClosed(timeout: Double = RawConnection.patience) async throws -> [Frame] {
    try await blocking { try self.framesUntilClosedNow(timeout: timeout) }
  }

  /// Reads frames until the call on `stream` ends; returns its messages and trailers. Frames of other streams
  /// are kept for later calls of this method.
  func response(stream: UInt32, timeout: Double = RawConnection.patience) async throws -> (messages: [[UInt8]], trailers: Trailers) {
    try await blocking { try self.responseNow(stream: stream, timeout: timeout) }
  }

  /// Shuts the sending side (TCP FIN): the server reads the end of the stream after what was sent.
  func shutdownWrite() async throws {
    try await blocking { _ = Glibc.shutdown(self.fd, Int32(SHUT_WR)) }
  }

  /// Sends a PING and waits for its ACK: the server has then handled everything sent before it. Messages and
  /// trailers that arrive meanwhile are kept for ``response(stream:timeout:)``.
  func roundTrip(timeout: Double = RawConnection.patience) async throws {
    try await blocking { try self.roundTripNow(timeout: timeout) }
  }

  /// The bytes the server sends, undecoded, until `count` arrived (at least) or it closes the connection. For
  /// tests that compare bytes: use it before reading any frame.
  func rawBytes(count: Int = .max, timeout: Double = RawConnection.patience) async throws -> [UInt8] {
    try await blocking {
      var bytes: [UInt8] = []
      let deadline = Self.now() + timeout
      while bytes.count < count {
        var descriptor = pollfd(fd: self.fd, events: Int16(POLLIN), revents: 0)
        let remaining = max(0, Int32((deadline - Self.now()) * 1_000))
        guard poll(&descriptor, 1, remaining) > 0 else { throw TimedOut() }
        let read = self.buffer.withUnsafeMutableBytes { Glibc.read(self.fd, $0.baseAddress, min($0.count, count - bytes.count)) }
        guard read > 0 else { break }
        bytes += self.buffer[0..<read]
      }
      return bytes
    }
  }

  /// Whether the server closed the connection within `timeout` seconds (reading and dropping whatever arrives).
  func isClosedByServer(within timeout: Double) async -> Bool {
    (try? await blocking { self.isClosedByServerNow(within: timeout) }) ?? true
  }

  private func handshakeNow(settings: Settings) throws -> Settings {
    encoder.writePreface()
    try encoder.write(.settings(settings))
    try flush()
    if let serverSettings {
      return serverSettings  // read already, by nextFrame()
    }
    guard case .settings(let serverSettings) = try nextFrameNow(timeout: RawConnection.patience) else { throw Closed() }
    return serverSettings
  }

  private func sendNow(_ frames: [Frame]) throws {
    for frame in frames {
      try encoder.write(frame)
    }
    try flush()
  }

  private func sendRawNow(_ bytes: [UInt8]) throws {
    var sent = 0
    while sent < bytes.count {
      let count = bytes[sent...].withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
      guard count > 0 else { throw Closed() }
      sent += count
    }
  }

  private func flush() throws {
    try sendRawNow(encoder.bytes)
    encoder.removeAll()
  }

  private func nextFrameNow(timeout: Double) throws -> Frame {
    let deadline = Self.now() + timeout
    while true {
      if let frame = try decoder.next() {
        if case .settingsAck = frame { continue }
        if case .settings(let settings) = frame, serverSettings == nil {
          serverSettings = settings
        }
        return frame
      }
      try receive(until: deadline)
    }
  }

  private func framesUntilClosedNow(timeout: Double) throws -> [Frame] {
    var frames: [Frame] = []
    do {
      while true {
        frames.append(try nextFrameNow(timeout: timeout))
      }
    } catch is Closed {
      return frames
    }
  }

  private func responseNow(stream: UInt32, timeout: Double) throws -> (messages: [[UInt8]], trailers: Trailers) {
    var messages = pending[stream] ?? []
    pending[stream] = nil
    if let trailers = finished.removeValue(forKey: stream) {
      return (messages, trailers)
    }
    while true {
      let frame = try nextFrameNow(timeout: timeout)
      switch frame {
      case .message(let id, let payload, _) where id == stream:
        messages.append(payload)
      case .trailers(let id, let trailers) where id == stream:
        return (messages, trailers)
      case .message(let id, let payload, _):
        pending[id, default: []].append(payload)
      case .trailers(let id, let trailers):
        finished[id] = trailers
      default:
        continue
      }
    }
  }

  private func roundTripNow(timeout: Double) throws {
    let token = UInt64.random(in: 1...UInt64.max)
    try sendNow([.ping(token)])
    while true {
      switch try nextFrameNow(timeout: timeout) {
      case .pingAck(token): return
      case .message(let id, let payload, _): pending[id, default: []].append(payload)
      case .trailers(let id, let trailers): finished[id] = trailers
      case let other: unexpected.append(other)
      }
    }
  }

  /// Whether the trailers of `stream` arrived (kept by ``roundTrip(timeout:)``, not yet taken by ``response``).
  func hasFinished(_ stream: UInt32) async throws -> Bool {
    try await blocking { self.finished[stream] != nil }
  }

  /// Whether nothing waits to be read, SETTINGS ACKs aside: no frame kept, none in the socket, no end of stream.
  /// It does not wait: what the server sent before its last answer to this side is in the socket already.
  func isQuiet() async throws -> Bool {
    try await blocking {
      while true {
        var descriptor = pollfd(fd: self.fd, events: Int16(POLLIN), revents: 0)
        guard poll(&descriptor, 1, 0) > 0 else { break }
        let count = self.buffer.withUnsafeMutableBytes { read(self.fd, $0.baseAddress, $0.count) }
        guard count > 0 else { return false }
        self.decoder.append(contentsOf: self.buffer[0..<count])
      }
      while let frame = try self.decoder.next() {
        switch frame {
        case .settingsAck: continue
        case .message(let id, let payload, _): self.pending[id, default: []].append(payload)
        case .trailers(let id, let trailers): self.finished[id] = trailers
        case let other: self.unexpected.append(other)
        }
      }
      return self.unexpected.isEmpty && self.finished.isEmpty && self.pending.isEmpty
    }
  }

  /// Frames ``roundTrip(timeout:)`` met that were neither messages nor trailers, oldest first.
  private(set) var unexpected: [Frame] = []

  private var pending: [UInt32: [[UInt8]]] = [:]
  private var finished: [UInt32: Trailers] = [:]

  private func receive(until deadline: Double) throws {
    var descriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
    let remaining = max(0, Int32((deadline - Self.now()) * 1_000))
    guard poll(&descriptor, 1, remaining) > 0 else { throw TimedOut() }
    let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
    guard count > 0 else { throw Closed() }
    decoder.append(contentsOf: buffer[0..<count])
  }

  private func isClosedByServerNow(within timeout: Double) -> Bool {
    let deadline = Self.now() + timeout
    while Self.now() < deadline {
      var descriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
      guard poll(&descriptor, 1, 50) >= 0 else { return true }
      if descriptor.revents != 0 {
        let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        if count <= 0 { return true }
      }
    }
    return false
  }

  static func now() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
  }
}

extension RawConnection {
  /// A health check answered with anything but OK.
  struct NotServing: Error { let code: StatusCode }

  /// A new connection to `port`, its handshake done and its first health check (stream 1) answered OK: the other
  /// client beside an attack. Its next stream is 3.
  static func serving(port: Int) async throws -> RawConnection {
    let connection = try RawConnection(port: port)
    try await connection.handshake()
    _ = try await connection.medianHealthCheckSeconds(count: 1, firstStream: 1)
    return connection
  }

  /// Sends `count` health checks one after another on streams `firstStream`, `firstStream + 2`, … and returns the
  /// median time to each answer, in seconds: how long another client waits while an attack runs.
  func medianHealthCheckSeconds(count: Int = 20, firstStream: UInt32 = 3) async throws -> Double {
    var latencies: [Double] = []
    for index in 0..<count {
      let stream = firstStream + UInt32(2 * index)
      let start = RawConnection.now()
      try await call(HealthService.Check.descriptor, stream: stream, HealthCheckRequest())
      let code = try await response(stream: stream).trailers.code
      guard code == .ok else { throw NotServing(code: code) }
      latencies.append(RawConnection.now() - start)
    }
    return latencies.sorted()[latencies.count / 2]
  }

  /// Writes calls to `method` as fast as the socket takes them, never reading, until writes have blocked for
  /// `forSeconds` in a row or `maxBytes` are written (so that a server that never stops reading fails the test rather
  /// than hanging it). Returns how many calls were written whole.
  func floodWithoutReading<M: ProtobufMessage>(method: MethodDescriptor, request: M, forSeconds seconds: Double, maxBytes: Int = 256 << 20) async throws -> Int {
    var encoder = FrameEncoder()
    for index in 0..<1_000 {
      let stream = UInt32(2 * index + 1)
      try encoder.write(.requestHeaders(streamID: stream, RequestHeaders(method: method.fullName), endStream: false))
      try encoder.writeMessage(request, streamID: stream, endStream: true)
    }
    let frameBytes = encoder.bytes.count / 1_000
    let fd = self.fd
    return try await withCheckedThrowingContinuation { continuation in
      Thread.detachNewThread {
        // Stream ids must increase: re-encode each batch with fresh ids.
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
        var written = 0
        var nextStream: UInt32 = 1
        var pending: [UInt8] = []
        var blockedSince: Double?
        while written < maxBytes {
          if pending.isEmpty {
            var batch = FrameEncoder()
            for _ in 0..<1_000 {
              try? batch.write(.requestHeaders(streamID: nextStream, RequestHeaders(method: method.fullName), endStream: false))
              try? batch.writeMessage(request, streamID: nextStream, endStream: true)
              nextStream += 2
            }
            pending = batch.bytes
          }
          let count = pending.withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
          if count > 0 {
            written += count
            pending.removeFirst(count)
            blockedSince = nil
          } else if errno == EAGAIN {
            let now = RawConnection.now()
            if let since = blockedSince, now - since > seconds { break }
            if blockedSince == nil { blockedSince = now }
            usleep(10_000)
          } else {
            break
          }
        }
        continuation.resume(returning: written / frameBytes)
      }
    }
  }
}

import Foundation
