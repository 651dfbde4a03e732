import PledgewireWire

/// Canonical article URLs, so that one article cannot go in twice under cosmetically different addresses: scheme
/// and host in lower case, the default port, the fragment, tracking parameters and a trailing slash removed,
/// percent-escapes of unreserved characters decoded and the others in upper case, the query sorted.
enum ArticleURL {
  /// Query parameters that only say how a reader arrived.
  static let trackingParameters: Set<String> = [
    "fbclid", "gclid", "dclid", "gclsrc", "msclkid", "yclid", "twclid", "igshid", "mc_cid", "mc_eid", "_ga", "_gl",
    "ocid", "cmpid", "smid", "ncid", "ref_src", "ref_url", "spm", "share", "at_medium", "at_campaign",
  ]

  /// The canonical form of `text`; `INVALID_ARGUMENT` naming `field` when it is not an absolute http(s) URL.
  static func canonical(_ text: String, field: String) throws -> String {
    try FieldCheck.required(text, field, max: 2_048)
    func invalid(_ why: String) -> RPCError {
      RPCError.invalidArgument(field: field, "must be an absolute http or https URL (\(why)), not \"\(text.prefix(100))\"")
    }
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    guard !trimmed.contains(where: { $0.isWhitespace || $0.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7f } }) else {
      throw invalid("it contains spaces or control characters")
    }
    guard let schemeEnd = trimmed.range(of: "://") else { throw invalid("no scheme") }
    let scheme = trimmed[..<schemeEnd.lowerBound].lowercased()
    guard scheme == "http" || scheme == "https" else { throw invalid("the scheme is not http or https") }
    var rest = Substring(trimmed[schemeEnd.upperBound...])
    if let hash = rest.firstIndex(of: "#") {
      rest = rest[..<hash]
    }
    var query: Substring?
    if let mark = rest.firstIndex(of: "?") {
      query = rest[rest.index(after: mark)...]
      rest = rest[..<mark]
    }
    let authorityEnd = rest.firstIndex(of: "/") ?? rest.endIndex
    var authority = rest[..<authorityEnd]
    var path = String(rest[authorityEnd...])
    if let at = authority.lastIndex(of: "@") {
      authority = authority[authority.index(after: at)...]
    }
    var host = String(authority).lowercased()
    var port = ""
    if let colon = host.lastIndex(of: ":"), !host.hasSuffix("]") {
      port = String(host[host.index(after: colon)...])
      host = String(host[..<colon])
      guard port.isEmpty || (port.allSatisfy(\.isASCII) && port.allSatisfy(\.isNumber) && port.count <= 5) else { throw invalid("the port is not a number") }
    }
    if host.hasSuffix(".") { host.removeLast() }
    guard !host.isEmpty, host.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "-.[]:_".contains($0)) }) else {
      throw invalid("no valid host")
    }
    if port == "" || (scheme == "http" && port == "80") || (scheme == "https" && port == "443") {
      port = ""
    } else {
      port = ":" + String(Int(port) ?? 0)
    }
    path = normalizeEscapes(path)
    while path.hasSuffix("/") { path.removeLast() }
    var parameters: [String] = []
    for parameter in (query ?? "").split(separator: "&") where !parameter.isEmpty {
      let name = String(parameter.prefix { $0 != "=" }).lowercased()
      if name.hasPrefix("utm_") || trackingParameters.contains(name) { continue }
      parameters.append(normalizeEscapes(String(parameter)))
    }
    parameters.sort()
    return "\(scheme)://\(host)\(port)\(path)" + (parameters.isEmpty ? "" : "?" + parameters.joined(separator: "&"))
  }

  /// Percent-escapes: unreserved characters decoded, the others with upper-case hex digits.
  private static func normalizeEscapes(_ text: String) -> String {
    var out = ""
    var characters = Array(text.unicodeScalars)[...]
    while let scalar = characters.popFirst() {
      guard scalar == "%", characters.count >= 2, let value = UInt8(String(String.UnicodeScalarView(characters.prefix(2))), radix: 16) else {
        out.unicodeScalars.append(scalar)
        continue
      }
      characters = characters.dropFirst(2)
      let decoded = Unicode.Scalar(value)
      let unreserved = ("a"..."z").contains(decoded) || ("A"..."Z").contains(decoded) || ("0"..."9").contains(decoded)
        || "-._~".unicodeScalars.contains(decoded)
      if unreserved {
        out.unicodeScalars.append(decoded)
      } else {
        out += "%" + String(value, radix: 16, uppercase: true).leftPadded(2)
      }
    }
    return out
  }
}

extension String {
  fileprivate func leftPadded(_ width: Int) -> String {
    String(repeating: "0", count: max(0, width - count)) + self
  }
}
