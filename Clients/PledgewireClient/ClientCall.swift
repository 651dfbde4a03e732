import PledgewireWire

/// A caller's handle on a streaming call: the connection that owns it and the call's id there.
struct ClientCall: Sendable {
  let connection: ClientConnection
  let id: CallID
  let method: MethodDescriptor

  /// The next response message; nil after OK trailers. Throws the call's error.
  func nextResponse() async throws -> [UInt8]? {
    try await connection.next(id)
  }

  /// The one response of a client-streaming call.
  func singleResponse() async throws -> [UInt8] {
    guard let payload = try await nextResponse() else {
      throw RPCError(.internal, "\(method.fullName) ended OK without a response message")
    }
    return payload
  }

  /// Sends one client-streamed message; waits while the connection's unsent output is over its bound.
  func send(_ payload: [UInt8]) async throws {
    try await connection.send(id, payload)
  }

  /// The client sends no more messages.
  func halfClose() {
    connection.halfClose(id)
  }

  /// Abandons the call from any thread: CANCEL to the server if it started.
  func cancel(_ error: RPCError = RPCError(.cancelled, "the call was cancelled")) {
    connection.cancel(id, error)
  }
}
