/// One decoded frame, with its envelope payload decoded. A MESSAGE frame keeps its payload as bytes: only the call
/// knows the message type.
public enum Frame: Sendable, Hashable {
  /// A side's limits (stream 0).
  case settings(Settings)
  /// Acknowledges the peer's SETTINGS (stream 0).
  case settingsAck
  /// A ping the peer must echo (stream 0).
  case ping(UInt64)
  /// The echo of a ping (stream 0).
  case pingAck(UInt64)
  /// The sender is closing the connection (stream 0).
  case goAway(GoAway)
  /// A client opens a call; with `endStream` it sends no request message.
  case requestHeaders(streamID: UInt32, RequestHeaders, endStream: Bool)
  /// A server's response metadata, before its first response message.
  case responseHeaders(streamID: UInt32, ResponseHeaders)
  /// One serialized message; `endStream` (client only) half-closes the stream.
  case message(streamID: UInt32, [UInt8], endStream: Bool)
  /// The client sends no more messages.
  case halfClose(streamID: UInt32)
  /// The server ends the call.
  case trailers(streamID: UInt32, Trailers)
  /// The client abandons the call.
  case cancel(streamID: UInt32, Cancel)

  /// The frame's type.
  public var type: FrameType {
    switch self {
    case .settings, .settingsAck: .settings
    case .ping, .pingAck: .ping
    case .goAway: .goAway
    case .requestHeaders, .responseHeaders: .headers
    case .message: .message
    case .halfClose: .halfClose
    case .trailers: .trailers
    case .cancel: .cancel
    }
  }

  /// The stream the frame belongs to; 0 for connection-level frames.
  public var streamID: UInt32 {
    switch self {
    case .settings, .settingsAck, .ping, .pingAck, .goAway: 0
    case .requestHeaders(let id, _, _), .responseHeaders(let id, _), .message(let id, _, _), .halfClose(let id),
      .trailers(let id, _), .cancel(let id, _):
      id
    }
  }
}
