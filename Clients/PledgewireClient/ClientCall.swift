import PledgewireTransport
import PledgewireWire

/// The client side of one stream. Its mutable state belongs to the connection's loop; the methods the calling task
/// uses hop there.
final class ClientCall: @unchecked Sendable {
  let method: MethodDescriptor
  let headers: RequestHeaders
  /// Monotonic nanoseconds when the deadline passes.
  let deadline: UInt64?
  let connection: ClientConnection

  // Loop-confined state.
  var streamID: UInt32 = 0
  /// The request of a unary or server-streaming call, sent with the headers.
  var request: [UInt8]?
  private var responses: [[UInt8]] = []
  private var responseHead = 0
  private var result: Result<Void, RPCError>?
  private var responseWaiter: CheckedContinuation<[UInt8]?, any Error>?
  var drainWaiter: CheckedContinuation<Void, any Error>?
  /// The caller gave up before the call started.
  var abandoned = false

  init(method: MethodDescriptor, headers: RequestHeaders, deadline: UInt64?, connection: ClientConnection) {
    self.method = method
    self.headers = headers
    self.deadline = deadline
    self.connection = connection
  }

  var loop: IOLoop { connection.loop }
  var isFinished: Bool { result != nil }
  var bufferedResponseCount: Int { responses.count - responseHead }

  // MARK: Caller side (any thread)

  /// The next response message; nil after OK trailers. Throws the call's error.
  func nextResponse() async throws -> [UInt8]? {
    try await withTaskCancellationHandler {
      try await withCheckedThrowingContinuation { continuation in
        loop.execute { self.takeResponse(continuation) }
      }
    } onCancel: {
      self.loop.execute { self.connection.cancel(self, RPCError(.cancelled, "the call was cancelled")) }
    }
  }

  /// The one response of a unary or client-streaming call.
  func singleResponse() async throws -> [UInt8] {
    guard let payload = try await nextResponse() else {
      throw RPCError(.internal, "\(method.fullName) ended OK without a response message")
    }
    return payload
  }

  /// Opens the stream and waits for the first response message (nil: the call ended OK without one), in one hop
  /// to the connection's loop.
  func openAndTakeResponse() async throws -> [UInt8]? {
    try await withTaskCancellationHandler {
      try await withCheckedThrowingContinuation { continuation in
        loop.execute {
          self.connection.open(self)
          self.takeResponse(continuation)
        }
      }
    } onCancel: {
      self.loop.execute { self.connection.cancel(self, RPCError(.cancelled, "the call was cancelled")) }
    }
  }

  /// Opens the stream of a client-streaming call.
  func open() async {
    await withCheckedContinuation { continuation in
      loop.execute {
        self.connection.open(self)
        continuation.resume()
      }
    }
  }

  /// Sends one client-streamed message; waits while the connection's unsent output is over its bound.
  func send(_ payload: [UInt8]) async throws {
    let mustWait: Bool = try await withCheckedThrowingContinuation { continuation in
      loop.execute { continuation.resume(with: Result { try self.connection.send(self, payload) }) }
    }
    guard mustWait else { return }
    try await withTaskCancellationHandler {
      try await withCheckedThrowingContinuation { continuation in
        loop.execute { self.connection.waitForDrain(self, continuation) }
      }
    } onCancel: {
      self.loop.execute { self.connection.cancel(self, RPCError(.cancelled, "the call was cancelled")) }
    }
  }

  /// The client sends no more messages.
  func halfClose() async {
    await withCheckedContinuation { continuation in
      loop.execute {
        self.connection.halfClose(self)
        continuation.resume()
      }
    }
  }

  /// Abandons the call from any thread: CANCEL to the server if it started.
  func cancel(_ error: RPCError = RPCError(.cancelled, "the call was cancelled")) {
    loop.execute { self.connection.cancel(self, error) }
  }

  // MARK: Loop side

  private func takeResponse(_ continuation: CheckedContinuation<[UInt8]?, any Error>) {
    if responseHead < responses.count {
      let payload = responses[responseHead]
      responseHead += 1
      if responseHead == responses.count {
        responses.removeAll(keepingCapacity: true)
        responseHead = 0
      }
      continuation.resume(returning: payload)
      connection.responseTaken(by: self)
    } else if let result {
      switch result {
      case .success: continuation.resume(returning: nil)
      case .failure(let error): continuation.resume(throwing: error)
      }
    } else {
      responseWaiter = continuation
    }
  }

  /// A response message arrived.
  func deliver(_ payload: [UInt8]) {
    if let waiter = responseWaiter {
      responseWaiter = nil
      waiter.resume(returning: payload)
    } else {
      responses.append(payload)
    }
  }

  /// The call ended: OK, or with an error. Messages already received are still delivered, then the result.
  func finish(_ result: Result<Void, RPCError>) {
    guard self.result == nil else { return }
    if case .failure = result {
      // An error loses the messages not yet taken, as gRPC does: the call failed.
      responses.removeAll()
      responseHead = 0
    }
    self.result = result
    if let waiter = responseWaiter {
      responseWaiter = nil
      switch result {
      case .success: waiter.resume(returning: nil)
      case .failure(let error): waiter.resume(throwing: error)
      }
    }
    if let waiter = drainWaiter {
      drainWaiter = nil
      switch result {
      case .success: waiter.resume(throwing: RPCError(.internal, "the server ended the call before the client finished sending"))
      case .failure(let error): waiter.resume(throwing: error)
      }
    }
  }

  /// The error the call ended with, if it ended with one.
  var failure: RPCError? {
    if case .failure(let error) = result { return error }
    return nil
  }
}
