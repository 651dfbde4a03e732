import Dispatch
import PledgewireWire

#if canImport(Glibc)
import Glibc
#endif

/// A connected non-blocking socket driven by Dispatch sources on one loop's queue: a read source, and a write
/// source that exists only while output waits for the socket. The descriptor is closed only once every source's
/// cancel handler has run.
///
/// The write source is created on demand and cancelled, never suspended: on Linux, libdispatch keys its epoll
/// state by descriptor number, and a write source suspended across a close left that state stale for the next
/// socket given the same number, which then never saw another read event (swift-corelibs-libdispatch#833).
///
/// Everything here runs on the loop's queue.
package final class FramedSocket: @unchecked Sendable {
  package struct Handlers {
    /// Bytes arrived; valid only during the call.
    package var read: (UnsafeRawBufferPointer) -> Void
    /// The peer closed the connection or reset it (errno, or 0 for an orderly end).
    package var end: (Int32) -> Void
    /// Output that waited can go now: call ``send(_:)`` again.
    package var writable: () -> Void
    /// The descriptor is closed; nothing else will be called.
    package var closed: () -> Void

    package init(
      read: @escaping (UnsafeRawBufferPointer) -> Void,
      end: @escaping (Int32) -> Void,
      writable: @escaping () -> Void,
      closed: @escaping () -> Void
    ) {
      self.read = read
      self.end = end
      self.writable = writable
      self.closed = closed
    }
  }

  package enum SendResult {
    /// Everything was sent.
    case sent
    /// Some output waits; ``Handlers/writable`` fires when the socket takes more.
    case pending
    /// The connection is broken (errno).
    case failed(Int32)
  }

  package let fd: Int32
  package let loop: IOLoop
  private var handlers: Handlers?
  private var readSource: (any DispatchSourceRead)?
  private var writeSource: (any DispatchSourceWrite)?
  private var readPaused = false
  private var liveSources = 0
  private(set) package var isClosed = false

  package init(fd: Int32, loop: IOLoop) {
    self.fd = fd
    self.loop = loop
  }

  /// Starts reading. Must run on the loop's queue.
  package func start(_ handlers: Handlers) {
    self.handlers = handlers
    let source = DispatchSource.makeReadSource(fileDescriptor: fd, queue: loop.queue)
    source.setEventHandler { [weak self] in self?.readable() }
    source.setCancelHandler { [self] in sourceCancelled() }
    liveSources += 1
    readSource = source
    source.activate()
  }

  private func readable() {
    guard !isClosed else { return }
    let count = read(fd, loop.readBuffer.baseAddress, loop.readBuffer.count)
    if count > 0 {
      handlers?.read(UnsafeRawBufferPointer(rebasing: loop.readBuffer[0..<count]))
    } else if count == 0 {
      handlers?.end(0)
    } else if errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR {
      handlers?.end(errno)
    }
  }

  /// Sends as much of the encoder's bytes as the socket takes now and removes them from the encoder.
  package func send(_ encoder: inout FrameEncoder) -> SendResult {
    guard !isClosed else { return .failed(EBADF) }
    var result = SendResult.sent
    while !encoder.isEmpty {
      let sent = encoder.bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
      if sent > 0 {
        encoder.removeFirst(sent)
      } else if sent < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) {
        result = .pending
        break
      } else if sent < 0 && errno == EINTR {
        continue
      } else {
        return .failed(sent == 0 ? EPIPE : errno)
      }
    }
    if case .pending = result, writeSource == nil {
      let source = DispatchSource.makeWriteSource(fileDescriptor: fd, queue: loop.queue)
      source.setEventHandler { [weak self] in self?.handlers?.writable() }
      source.setCancelHandler { [self] in sourceCancelled() }
      liveSources += 1
      writeSource = source
      source.activate()
    } else if case .sent = result, let source = writeSource {
      writeSource = nil
      source.cancel()
    }
    return result
  }

  /// Stops or resumes reading.
  package func setReadingPaused(_ paused: Bool) {
    guard !isClosed, paused != readPaused, let readSource else { return }
    readPaused = paused
    if paused { readSource.suspend() } else { readSource.resume() }
  }

  /// Sends FIN: the peer reads the end of the stream after what was sent.
  package func shutdownWrite() {
    guard !isClosed else { return }
    shutdown(fd, Int32(SHUT_WR))
  }

  /// Stops all I/O; the descriptor closes once the sources are gone, then ``Handlers/closed`` runs.
  package func close() {
    guard !isClosed else { return }
    isClosed = true
    if readPaused {
      readPaused = false
      readSource?.resume()
    }
    readSource?.cancel()
    writeSource?.cancel()
    writeSource = nil
    if liveSources == 0 {
      finishClose()
    }
  }

  private func sourceCancelled() {
    liveSources -= 1
    if liveSources == 0 && isClosed {
      finishClose()
    }
  }

  private func finishClose() {
    Glibc.close(fd)
    readSource = nil
    let closed = handlers?.closed
    handlers = nil
    closed?()
  }
}
