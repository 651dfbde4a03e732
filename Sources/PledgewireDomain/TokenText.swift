import Crypto

/// The text of access tokens: "pw_" and 64 hex digits of 256 random bits. The store keeps only their SHA-256.
public enum TokenText {
  /// A new random token.
  public static func generate() -> String {
    let key = SymmetricKey(size: .bits256)
    return "pw_" + key.withUnsafeBytes { bytes in bytes.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined() }
  }

  /// The SHA-256 of `token`, as the store keeps it.
  public static func hash(_ token: String) -> String {
    SHA256Hex.of(token)
  }
}
