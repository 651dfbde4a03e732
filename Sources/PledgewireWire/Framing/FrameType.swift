/// The type byte of a frame header. Receivers skip frames of types they do not know.
public enum FrameType: UInt8, Sendable, CaseIterable {
  /// Stream 0. A side's limits; ACK acknowledges the peer's.
  case settings = 0x1
  /// Stream 0. Eight opaque bytes the peer echoes with ACK.
  case ping = 0x2
  /// Stream 0. The sender is closing the connection.
  case goAway = 0x3
  /// Opens a call (client) or precedes the first response message (server).
  case headers = 0x4
  /// One serialized request or response message.
  case message = 0x5
  /// The client sends no more messages on the stream.
  case halfClose = 0x6
  /// The server ends the call with its status; always the stream's last frame.
  case trailers = 0x7
  /// The client abandons the call.
  case cancel = 0x8

  /// The frame's name in the protocol: "HEADERS", "GOAWAY".
  public var name: String {
    switch self {
    case .settings: "SETTINGS"
    case .ping: "PING"
    case .goAway: "GOAWAY"
    case .headers: "HEADERS"
    case .message: "MESSAGE"
    case .halfClose: "HALF_CLOSE"
    case .trailers: "TRAILERS"
    case .cancel: "CANCEL"
    }
  }

  /// Whether the frame belongs to the connection (stream 0) rather than to one stream.
  public var isConnectionLevel: Bool {
    switch self {
    case .settings, .ping, .goAway: true
    default: false
    }
  }
}
