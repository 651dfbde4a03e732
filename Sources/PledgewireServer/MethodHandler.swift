import PledgewireWire
/// A registered method with its handler, its types erased: it decodes requests and encodes responses itself.
struct MethodHandler: Sendable {
  let descriptor: MethodDescriptor
  /// Runs the handler for a call to its end. `request` is the request message's bytes (empty for client streaming,
  /// whose messages arrive through the call).
  let run: @Sendable (_ call: ServerCall, _ request: [UInt8]) async -> Void
  /// For a unary method with a fast path: decodes the request and, when the fast path answers, writes the
  /// response MESSAGE into `encoder` and returns true; returns false when it declines. Runs on the I/O loop.
  /// Computes or reads much: runs off the I/O loops within the server's ``WorkLimiter``.
  var isExpensive = false
  var fastPath: (@Sendable (_ request: [UInt8], _ context: ServerContext, _ streamID: UInt32, _ encoder: inout FrameEncoder) throws -> Bool)?
}
