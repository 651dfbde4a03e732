import Crypto

/// SHA-256 (swift-crypto) as 64 lowercase hex digits: articles' content hashes and access tokens' stored form.
enum SHA256Hex {
  static func of(_ text: String) -> String {
    let digits = Array("0123456789abcdef".utf8)
    var hex: [UInt8] = []
    hex.reserveCapacity(64)
    for byte in SHA256.hash(data: Array(text.utf8)) {
      hex.append(digits[Int(byte >> 4)])
      hex.append(digits[Int(byte & 0x0f)])
    }
    return String(decoding: hex, as: UTF8.self)
  }
}
