import PledgewireWire

/// A handler's handle on its call: the connection that owns the stream, the stream, and the call's context. What
/// a handler does to its call is a call on the connection's actor, which runs on the connection's I/O loop; the
/// handler's task prefers that loop, so the call takes no thread hop.
struct ServerCall: Sendable {
  let connection: ServerConnection
  let streamID: UInt32
  let context: ServerContext

  func finish<M: ProtobufMessage>(with response: M) async {
    await connection.complete(streamID, response: response)
  }

  func finish() async {
    await connection.complete(streamID, trailers: Trailers(code: .ok))
  }

  func finish(throwing error: any Error) async {
    await connection.complete(streamID, trailers: ServerConnectionStateMachine.trailers(for: error))
  }

  func send<M: ProtobufMessage>(_ message: M) async throws {
    try await connection.send(streamID, message)
  }

  func nextRequest() async throws -> [UInt8]? {
    try await connection.nextRequest(streamID)
  }
}
