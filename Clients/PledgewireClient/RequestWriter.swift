import PledgewireWire

/// Sends the requests of a client-streaming call.
public struct RequestWriter<Input: ProtobufMessage>: Sendable {
  let call: ClientCall

  /// Sends one request. Waits while the connection's unsent output is over its bound; throws the server's error if
  /// it already ended the call.
  public func send(_ message: Input) async throws {
    try await call.send(message.serializedBytes())
  }
}
