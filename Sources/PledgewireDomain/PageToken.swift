import Foundation
import PledgewireWire

/// Opaque page tokens: the position after the last row of a page, and a fingerprint of the query it belongs to, so
/// a token reused with another filter is refused instead of silently paging through the wrong rows. Positions are
/// keys, not offsets: rows inserted while a client pages are neither skipped nor repeated.
struct PageToken {
  let scope: String
  let fields: [String]

  init(scope: String, fields: [String]) {
    self.scope = scope
    self.fields = fields
  }

  /// The token for the page after the one whose last row has `fields`, for a query fingerprinted by `query`.
  static func encode(scope: String, query: some ProtobufMessage, fields: [String]) -> String {
    let text = (["v1", scope, fingerprint(query)] + fields).joined(separator: "|")
    return Data(text.utf8).base64EncodedString()
      .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
  }

  /// The fields of a token, checked against its scope and query; nil for an empty token.
  static func decode(_ token: String, scope: String, query: some ProtobufMessage, fieldCount: Int) throws -> [String]? {
    guard !token.isEmpty else { return nil }
    var base64 = token.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
    base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
    guard let data = Data(base64Encoded: base64), let text = String(data: data, encoding: .utf8) else {
      throw RPCError.invalidArgument(field: "page_token", "is not a token this server issued")
    }
    let parts = text.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
    guard parts.count == 3 + fieldCount, parts[0] == "v1", parts[1] == scope else {
      throw RPCError.invalidArgument(field: "page_token", "is not a token this server issued for this method")
    }
    guard parts[2] == fingerprint(query) else {
      throw RPCError.invalidArgument(field: "page_token", "belongs to a query with other filters; start again without it")
    }
    return Array(parts.dropFirst(3))
  }

  /// FNV-1a of the query's encoding: stable across restarts, unlike Swift's hashing.
  private static func fingerprint(_ query: some ProtobufMessage) -> String {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in query.serializedBytes() {
      hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
    }
    return String(hash, radix: 16)
  }

  static func int(_ text: String) throws -> Int64 {
    guard let value = Int64(text) else {
      throw RPCError.invalidArgument(field: "page_token", "is damaged")
    }
    return value
  }
}
