import PledgewireWire

#if canImport(Glibc)
import Glibc
#endif

/// A connected non-blocking socket registered with an I/O loop, with the system calls a connection makes on it:
/// read into the loop's buffer, send from the output, interest in readiness, FIN, close. The server's and the
/// client's connection drivers share it. On the loop only.
package struct ConnectionSocket {
  package enum ReadResult {
    /// Bytes arrived; valid only during the call that got them.
    case bytes(UnsafeRawBufferPointer)
    /// The peer shut its sending side.
    case end
    case wouldBlock
    case failed(Int32)
  }

  package enum SendResult {
    /// `count` bytes went; `pending` when the socket took less than all (the loop reports writability).
    case sent(count: Int, pending: Bool)
    case failed(Int32)
  }

  package let fd: Int32
  package let loop: IOLoop
  package private(set) var token: LoopToken?
  /// The socket took less than all: wait for writability before sending again.
  package private(set) var waitsForWritable = false
  private var isClosed = false

  package init(fd: Int32, loop: IOLoop) {
    self.fd = fd
    self.loop = loop
  }

  /// Puts the socket in the loop's epoll set, readable interest.
  package mutating func register(_ handler: any LoopHandler) {
    token = loop.register(handler, fd: fd)
  }

  /// Reads once, into the loop's buffer.
  package func read() -> ReadResult {
    guard !isClosed else { return .end }
    let count = Glibc.read(fd, loop.readBuffer.baseAddress, loop.readBuffer.count)
    if count > 0 {
      if count == loop.readBuffer.count {
        loop.pollAgain = true  // more may wait in the socket
      }
      return .bytes(UnsafeRawBufferPointer(rebasing: loop.readBuffer[0..<count]))
    }
    if count == 0 {
      return .end
    }
    switch errno {
    case EAGAIN, EWOULDBLOCK, EINTR: return .wouldBlock
    case let code: return .failed(code)
    }
  }

  /// Sends as much of `output` as the socket takes now.
  package mutating func send(_ output: FrameEncoder) -> SendResult {
    guard !isClosed else { return .failed(EBADF) }
    var total = 0
    let result: SendResult = output.withUnsentBytes { bytes in
      while total < bytes.count {
        let sent = Glibc.send(fd, bytes.baseAddress! + total, bytes.count - total, Int32(MSG_NOSIGNAL))
        if sent > 0 {
          total += sent
        } else if sent < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) {
          return .sent(count: total, pending: true)
        } else if sent < 0 && errno == EINTR {
          continue
        } else {
          return .failed(sent == 0 ? EPIPE : errno)
        }
      }
      return .sent(count: total, pending: false)
    }
    if case .sent(_, let pending) = result {
      waitsForWritable = pending
    }
    return result
  }

  /// The socket reported writable: output may be sent again.
  package mutating func becameWritable() {
    waitsForWritable = false
  }

  /// Brings the loop up to date after an event: read interest, write interest while output waits for the
  /// socket, a flush at the end of the turn when output waits for nothing, and the next wake time.
  package func update(wantsRead: Bool, hasOutput: Bool, wake: UInt64?) {
    guard let token, !isClosed else { return }
    loop.setInterest(token, read: wantsRead, write: waitsForWritable && hasOutput)
    if hasOutput && !waitsForWritable {
      loop.needsFlush(token)
    }
    if let wake {
      loop.wake(token, at: wake)
    }
  }

  /// Sends FIN: the peer reads the end of the stream after what was sent.
  package func shutdownWrite() {
    guard !isClosed else { return }
    shutdown(fd, Int32(SHUT_WR))
  }

  /// Leaves the loop and closes the descriptor.
  package mutating func close() {
    guard !isClosed else { return }
    isClosed = true
    if let token {
      loop.deregister(token)
    }
    Glibc.close(fd)
  }
}
