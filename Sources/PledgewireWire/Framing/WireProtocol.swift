/// Constants of the Pledgewire wire protocol (docs/PROTOCOL.md).
public enum WireProtocol {
  /// The four bytes that open every connection, in both directions: "PWRP".
  public static let magic: [UInt8] = [0x50, 0x57, 0x52, 0x50]
  /// Bytes in the connection preface: magic, major version, minor version, two reserved zero bytes.
  public static let prefaceLength = 8
  /// Bytes in every frame header.
  public static let frameHeaderLength = 12
  /// The largest frame payload a side accepts unless its SETTINGS say otherwise: 4 MiB.
  public static let defaultMaxFrameSize = 4 << 20
  /// The largest max_frame_size a side may announce: 16 MiB.
  public static let maxFrameSizeLimit = 16 << 20
  /// The smallest max_frame_size a side may announce: 16 KiB.
  public static let minFrameSizeLimit = 16 << 10
  /// The largest total of metadata keys and values in one HEADERS or TRAILERS frame, by default: 8 KiB.
  public static let defaultMaxMetadataSize = 8 << 10
  /// Streams a client may have open on one connection unless the server's SETTINGS say otherwise.
  public static let defaultMaxConcurrentStreams = 100
  /// The largest stream id; a client that needs more opens a new connection.
  public static let maxStreamID: UInt32 = 0x7fff_ffff
}
