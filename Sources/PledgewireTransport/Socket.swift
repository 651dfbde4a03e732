#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Thin wrappers over the BSD socket calls the server makes, throwing with errno's text.
package enum Socket {
  package struct Failure: Error, CustomStringConvertible {
    package let call: String
    package let code: Int32
    package var description: String { "\(call): \(String(cString: strerror(code)))" }
  }

  /// A non-blocking listening socket bound to host:port (port 0: any free port).
  package static func listen(host: String, port: Int, backlog: Int32 = 1024) throws -> Int32 {
    var hints = addrinfo()
    hints.ai_family = AF_UNSPEC
    hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
    hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV
    var result: UnsafeMutablePointer<addrinfo>?
    let status = getaddrinfo(host, String(port), &hints, &result)
    guard status == 0, let first = result else {
      throw Failure(call: "getaddrinfo(\(host)): \(String(cString: gai_strerror(status)))", code: 0)
    }
    defer { freeaddrinfo(result) }
    let fd = socket(first.pointee.ai_family, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
    guard fd >= 0 else { throw Failure(call: "socket", code: errno) }
    var one: Int32 = 1
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
    guard bind(fd, first.pointee.ai_addr, first.pointee.ai_addrlen) == 0 else {
      let code = errno
      close(fd)
      throw Failure(call: "bind(\(host):\(port))", code: code)
    }
    guard Glibc.listen(fd, backlog) == 0 else {
      let code = errno
      close(fd)
      throw Failure(call: "listen", code: code)
    }
    return fd
  }

  /// A connected, non-blocking TCP socket to host:port, trying each resolved address in turn. Blocks the calling
  /// thread for at most `timeoutMilliseconds` per address.
  package static func connect(host: String, port: Int, timeoutMilliseconds: Int32) throws -> Int32 {
    var hints = addrinfo()
    hints.ai_family = AF_UNSPEC
    hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
    hints.ai_flags = AI_NUMERICSERV
    var result: UnsafeMutablePointer<addrinfo>?
    let status = getaddrinfo(host, String(port), &hints, &result)
    guard status == 0, result != nil else {
      throw Failure(call: "resolve \(host): \(String(cString: gai_strerror(status)))", code: 0)
    }
    defer { freeaddrinfo(result) }
    var lastError = Failure(call: "connect \(host):\(port)", code: ECONNREFUSED)
    var address = result
    while let candidate = address {
      address = candidate.pointee.ai_next
      let fd = socket(candidate.pointee.ai_family, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
      guard fd >= 0 else {
        lastError = Failure(call: "socket", code: errno)
        continue
      }
      if Glibc.connect(fd, candidate.pointee.ai_addr, candidate.pointee.ai_addrlen) != 0 {
        guard errno == EINPROGRESS else {
          lastError = Failure(call: "connect \(host):\(port)", code: errno)
          close(fd)
          continue
        }
        var descriptor = pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)
        let ready = poll(&descriptor, 1, timeoutMilliseconds)
        var error: Int32 = 0
        var length = socklen_t(MemoryLayout<Int32>.size)
        getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &length)
        guard ready > 0, error == 0 else {
          lastError = Failure(call: "connect \(host):\(port)", code: ready == 0 ? ETIMEDOUT : error)
          close(fd)
          continue
        }
      }
      var one: Int32 = 1
      setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
      return fd
    }
    throw lastError
  }

  /// The local port a socket is bound to.
  package static func localPort(_ fd: Int32) -> Int {
    var storage = sockaddr_storage()
    var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
    _ = withUnsafeMutablePointer(to: &storage) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
    }
    return port(of: storage)
  }

  /// "127.0.0.1:54321" for an address.
  package static func describe(_ storage: sockaddr_storage) -> String {
    var storage = storage
    var host = [CChar](repeating: 0, count: Int(NI_MAXHOST))
    let family = Int32(storage.ss_family)
    let length = socklen_t(family == AF_INET6 ? MemoryLayout<sockaddr_in6>.size : MemoryLayout<sockaddr_in>.size)
    _ = withUnsafePointer(to: &storage) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        getnameinfo($0, length, &host, socklen_t(host.count), nil, 0, NI_NUMERICHOST)
      }
    }
    let name = String(decoding: host.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    return family == AF_INET6 ? "[\(name)]:\(port(of: storage))" : "\(name):\(port(of: storage))"
  }

  private static func port(of storage: sockaddr_storage) -> Int {
    var storage = storage
    let family = Int32(storage.ss_family)
    return withUnsafePointer(to: &storage) { pointer in
      if family == AF_INET6 {
        return pointer.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { Int(UInt16(bigEndian: $0.pointee.sin6_port)) }
      }
      return pointer.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { Int(UInt16(bigEndian: $0.pointee.sin_port)) }
    }
  }

  package static func closeDescriptor(_ fd: Int32) {
    close(fd)
  }

  /// Makes an accepted socket non-blocking and close-on-exec, and turns off Nagle's algorithm: frames are already
  /// batched per write.
  package static func prepareAccepted(_ fd: Int32) {
    _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
    _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
    var one: Int32 = 1
    setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
  }

  /// Raises this process's open-file limit to its hard limit, so that many connections fit.
  package static func raiseOpenFileLimit() -> Int {
    var limit = rlimit()
    guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0 else { return 0 }
    if limit.rlim_cur < limit.rlim_max {
      limit.rlim_cur = limit.rlim_max
      _ = setrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
    }
    return Int(limit.rlim_cur)
  }
}

