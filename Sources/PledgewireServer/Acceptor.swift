import Logging
import PledgewireTransport
import PledgewireWire

#if canImport(Glibc)
import Glibc
#endif

/// The listening socket, in the epoll set of the first I/O loop, handing accepted sockets to the server core.
actor Acceptor: LoopHandler {
  nonisolated let port: Int
  nonisolated let loop: IOLoop
  nonisolated var unownedExecutor: UnownedSerialExecutor { loop.asUnownedSerialExecutor() }

  private let fd: Int32
  private let core: ServerCore
  private var token: LoopToken?
  private var isClosed = false

  /// How long accepting pauses when the process is out of descriptors.
  private static let pauseNanoseconds: UInt64 = 100_000_000

  init(core: ServerCore) throws {
    self.core = core
    self.loop = core.loops[0]
    fd = try Socket.listen(host: core.configuration.host, port: core.configuration.port)
    port = Socket.localPort(fd)
  }

  /// Starts accepting, on the loop.
  nonisolated func start() {
    loop.execute { self.assumeIsolated { $0.token = $0.loop.register($0, fd: $0.fd) } }
  }

  /// Stops accepting and closes the listening socket.
  func stop() {
    guard !isClosed else { return }
    isClosed = true
    if let token {
      loop.deregister(token)
    }
    close(fd)
  }

  nonisolated func socketReady(_ events: SocketEvents) {
    assumeIsolated { $0.acceptAll() }
  }

  nonisolated func wake(now: UInt64) {
    // The pause after running out of descriptors is over.
    assumeIsolated { acceptor in
      if let token = acceptor.token, !acceptor.isClosed {
        acceptor.loop.setInterest(token, read: true, write: false)
      }
    }
  }

  nonisolated func flush() {}

  private func acceptAll() {
    guard !isClosed else { return }
    for _ in 0..<256 {
      var address = sockaddr_storage()
      var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
      let client = withUnsafeMutablePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
          accept(fd, $0, &length)
        }
      }
      if client >= 0 {
        Socket.prepareAccepted(client)
        core.accept(fd: client, peer: Socket.describe(address))
        continue
      }
      switch errno {
      case EAGAIN, EWOULDBLOCK:
        return
      case EINTR, ECONNABORTED, EPROTO:
        continue
      case EMFILE, ENFILE, ENOBUFS, ENOMEM:
        // Out of descriptors: stop accepting for a moment instead of spinning on the readable listener.
        core.logger.error("accept failed: \(String(cString: strerror(errno))); pausing accepts for 100 ms")
        if let token {
          loop.setInterest(token, read: false, write: false)
          loop.wake(token, at: loop.clock.now() + Self.pauseNanoseconds)
        }
        return
      default:
        core.logger.error("accept failed: \(String(cString: strerror(errno)))")
        return
      }
    }
  }
}
