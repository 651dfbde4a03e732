import PledgewireWire

/// Where a server listens: "127.0.0.1:7979", "localhost", "[::1]:7979". The port defaults to 7979.
public struct Target: Sendable, Hashable, CustomStringConvertible {
  public var host: String
  public var port: Int

  /// A target from its parts.
  public init(host: String, port: Int = 7979) {
    self.host = host
    self.port = port
  }

  /// Parses "host", "host:port" or "[ipv6]:port"; nil when the text is not one of those.
  public init?(_ text: String) {
    var host = Substring(text)
    var port = 7979
    if host.hasPrefix("[") {
      guard let close = host.firstIndex(of: "]") else { return nil }
      let rest = host[host.index(after: close)...]
      host = host[host.index(after: host.startIndex)..<close]
      if !rest.isEmpty {
        guard rest.hasPrefix(":"), let value = Int(rest.dropFirst()) else { return nil }
        port = value
      }
    } else if let colon = host.lastIndex(of: ":") {
      guard let value = Int(host[host.index(after: colon)...]) else { return nil }
      port = value
      host = host[..<colon]
    }
    guard !host.isEmpty, (1...65_535).contains(port) else { return nil }
    self.host = String(host)
    self.port = port
  }

  /// "host:port".
  public var description: String {
    host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
  }
}
