import PledgewireWire
/// Sends the responses of a server-streaming call.
public struct ResponseWriter<Output: ProtobufMessage>: Sendable {
  let call: ServerCall

  /// Sends one response message. Suspends while the connection's unsent output is over its bound (a slow client
  /// slows the handler, not the server's memory); throws `CANCELLED` once the call has ended.
  public func send(_ message: Output) async throws {
    try await call.send(message)
  }
}
