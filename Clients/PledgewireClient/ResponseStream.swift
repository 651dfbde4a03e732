import PledgewireWire

/// The responses of a server-streaming call, as they arrive. The call starts when iteration starts; leaving the
/// loop early, or cancelling the iterating task, cancels the call on the server. Ends after OK trailers; throws
/// ``RPCError`` otherwise.
///
/// ```swift
/// for try await event in client.pledge.watchPledges(WatchPledgesRequest()) {
///   print(event.kind, event.pledge?.action ?? "")
/// }
/// ```
public struct ResponseStream<Output: ProtobufMessage>: AsyncSequence, Sendable {
  public typealias Element = Output

  let open: @Sendable () async throws -> (CallHandle, [UInt8]?)

  public func makeAsyncIterator() -> AsyncIterator {
    AsyncIterator(open: open)
  }

  public struct AsyncIterator: AsyncIteratorProtocol {
    let open: @Sendable () async throws -> (CallHandle, [UInt8]?)
    private var handle: CallHandle?

    init(open: @escaping @Sendable () async throws -> (CallHandle, [UInt8]?)) {
      self.open = open
    }

    public mutating func next() async throws -> Output? {
      let payload: [UInt8]?
      if let handle {
        payload = try await handle.call.nextResponse()
      } else {
        let (opened, first) = try await open()
        handle = opened
        payload = first
      }
      guard let payload else { return nil }
      return try Output(serializedBytes: payload)
    }
  }
}

/// Cancels its call when the last reference goes away, so that abandoning a stream frees it on the server.
final class CallHandle: Sendable {
  let call: ClientCall

  init(call: ClientCall) {
    self.call = call
  }

  deinit {
    call.connection.abandon(call.id)
  }
}
