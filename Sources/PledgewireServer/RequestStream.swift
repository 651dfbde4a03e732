import PledgewireWire
/// The request messages of a client-streaming call, as they arrive. Ends when the client half-closes; throws
/// when the call is cancelled or a message does not decode.
public struct RequestStream<Input: ProtobufMessage>: AsyncSequence, Sendable {
  public typealias Element = Input

  let call: ServerCall

  public func makeAsyncIterator() -> AsyncIterator {
    AsyncIterator(call: call)
  }

  public struct AsyncIterator: AsyncIteratorProtocol {
    let call: ServerCall
    /// The encoded size in bytes of the message ``next()`` returned last.
    public private(set) var lastMessageSize = 0

    public mutating func next() async throws -> Input? {
      guard let payload = try await call.nextRequest() else { return nil }
      lastMessageSize = payload.count
      return try Input(serializedBytes: payload)
    }
  }
}
