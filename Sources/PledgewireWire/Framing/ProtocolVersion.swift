/// The protocol version a connection preface carries. Peers must share the major version; a higher minor version
/// only adds frame types and fields that older peers ignore.
public struct ProtocolVersion: Sendable, Hashable, CustomStringConvertible {
  /// Incompatible changes.
  public var major: UInt8
  /// Compatible additions.
  public var minor: UInt8

  /// Creates a version.
  public init(major: UInt8, minor: UInt8) {
    self.major = major
    self.minor = minor
  }

  /// The version this implementation speaks: 1.0.
  public static let current = ProtocolVersion(major: 1, minor: 0)

  /// "1.0".
  public var description: String { "\(major).\(minor)" }
}
