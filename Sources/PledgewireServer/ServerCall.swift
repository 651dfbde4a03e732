import PledgewireWire

/// A handler's handle on its call: the connection that owns the stream, the stream, and the call's context. What
/// a handler does to its call runs on the connection's I/O loop, isolated to the connection's actor; the handler's
/// task prefers that loop, so it takes no thread hop.
struct ServerCall: Sendable {
  let connection: ServerConnection
  let streamID: UInt32
  var context: ServerContext

  func finish<M: ProtobufMessage>(with response: M) {
    connection.complete(streamID, response: response)
  }

  func finish() {
    connection.complete(streamID, trailers: Trailers(code: .ok))
  }

  func finish(throwing error: any Error) {
    connection.complete(streamID, trailers: ServerConnectionStateMachine.trailers(for: error))
  }

  func send<M: ProtobufMessage>(_ message: M) async throws {
    try await connection.send(streamID, message)
  }

  func nextRequest() async throws -> [UInt8]? {
    try await connection.nextRequest(streamID)
  }
}
