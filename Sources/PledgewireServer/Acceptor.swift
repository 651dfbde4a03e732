import Dispatch
import Logging
import PledgewireTransport
import PledgewireWire

#if canImport(Glibc)
import Glibc
#endif

/// The listening socket, accepting on its own queue and handing sockets to the server core.
final class Acceptor: @unchecked Sendable {
  let port: Int
  private let fd: Int32
  private let queue = DispatchQueue(label: "pledgewire.accept", qos: .userInitiated)
  private let source: any DispatchSourceRead
  private let core: ServerCore
  private var paused = false  // queue-confined

  init(core: ServerCore) throws {
    self.core = core
    fd = try Socket.listen(host: core.configuration.host, port: core.configuration.port)
    port = Socket.localPort(fd)
    source = DispatchSource.makeReadSource(fileDescriptor: fd, queue: queue)
    source.setEventHandler { [unowned self] in acceptAll() }
    source.setCancelHandler { [fd] in close(fd) }
    source.activate()
  }

  func stop() {
    queue.sync {
      if paused {
        paused = false
        source.resume()
      }
      source.cancel()
    }
  }

  private func acceptAll() {
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
        paused = true
        source.suspend()
        queue.asyncAfter(deadline: .now() + .milliseconds(100)) { [self] in
          if paused {
            paused = false
            source.resume()
          }
        }
        return
      default:
        core.logger.error("accept failed: \(String(cString: strerror(errno)))")
        return
      }
    }
  }
}
