import Dispatch
import PledgewireTransport
import PledgewireWire

/// The server side of one stream. Its mutable state belongs to the connection's loop; the methods a handler task
/// calls hop there (or run inline when the task already runs on the loop, the usual case).
final class ServerCall: @unchecked Sendable {
  let streamID: UInt32
  let handler: MethodHandler
  let context: ServerContext
  let connection: Connection
  /// Monotonic nanoseconds when the HEADERS arrived.
  let startedAt: UInt64
  /// Monotonic nanoseconds when the deadline passes.
  let deadline: UInt64?

  // Loop-confined state.
  var requestPayload: [UInt8]?
  var halfClosed = false
  var isFinished = false
  var task: Task<Void, Never>?
  private var inbound: [[UInt8]] = []
  private var inboundHead = 0
  private var inboundWaiter: CheckedContinuation<[UInt8]?, any Error>?
  var drainWaiter: CheckedContinuation<Void, any Error>?

  init(streamID: UInt32, handler: MethodHandler, context: ServerContext, connection: Connection, startedAt: UInt64, deadline: UInt64?) {
    self.streamID = streamID
    self.handler = handler
    self.context = context
    self.connection = connection
    self.startedAt = startedAt
    self.deadline = deadline
  }

  var loop: IOLoop { connection.loop }

  /// Client-streamed messages received and not yet taken by the handler.
  var bufferedRequestCount: Int { inbound.count - inboundHead }

  // MARK: Handler side (any thread)

  func finish<M: ProtobufMessage>(with response: M) {
    loop.execute { self.connection.complete(self, response: response) }
  }

  func finish() {
    loop.execute { self.connection.complete(self, trailers: Trailers(code: .ok)) }
  }

  func finish(throwing error: any Error) {
    let trailers = Self.trailers(for: error)
    loop.execute { self.connection.complete(self, trailers: trailers) }
  }

  func send<M: ProtobufMessage>(_ message: M) async throws {
    let mustWait = try await onLoop { try self.connection.writeStreamMessage(self, message) }
    if mustWait {
      try await withTaskCancellationHandler {
        try await withCheckedThrowingContinuation { continuation in
          self.loop.execute { self.connection.waitForDrain(self, continuation) }
        }
      } onCancel: {
        self.loop.execute { self.failWaiters() }
      }
    }
  }

  func nextRequest() async throws -> [UInt8]? {
    try await withTaskCancellationHandler {
      try await withCheckedThrowingContinuation { continuation in
        self.loop.execute { self.takeRequest(continuation) }
      }
    } onCancel: {
      self.loop.execute { self.failWaiters() }
    }
  }

  private func onLoop<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    if loop.isCurrent {
      return try body()
    }
    return try await withCheckedThrowingContinuation { continuation in
      loop.queue.async { continuation.resume(with: Result(catching: body)) }
    }
  }

  static func trailers(for error: any Error) -> Trailers {
    switch error {
    case let error as RPCError: error.trailers
    case is CancellationError: Trailers(code: .cancelled, message: "the call was cancelled")
    default: Trailers(code: .unknown, message: "the handler failed: \(error)")
    }
  }

  // MARK: Loop side

  /// Whether the call can no longer make progress: it ended, or its handler was cancelled.
  var isOver: Bool { isFinished || task?.isCancelled == true }

  private func takeRequest(_ continuation: CheckedContinuation<[UInt8]?, any Error>) {
    if inboundHead < inbound.count {
      let payload = inbound[inboundHead]
      inboundHead += 1
      if inboundHead == inbound.count {
        inbound.removeAll(keepingCapacity: true)
        inboundHead = 0
      }
      continuation.resume(returning: payload)
      connection.requestTaken(by: self)
    } else if isOver {
      continuation.resume(throwing: RPCError(.cancelled, "the call was cancelled"))
    } else if halfClosed {
      continuation.resume(returning: nil)
    } else {
      inboundWaiter = continuation
    }
  }

  /// A client-streamed message arrived.
  func deliver(_ payload: [UInt8]) {
    if let waiter = inboundWaiter {
      inboundWaiter = nil
      waiter.resume(returning: payload)
    } else {
      inbound.append(payload)
    }
  }

  /// The client sent its last message.
  func receiveHalfClose() {
    halfClosed = true
    if let waiter = inboundWaiter {
      inboundWaiter = nil
      waiter.resume(returning: nil)
    }
  }

  /// Wakes any waiting handler with `CANCELLED`.
  func failWaiters() {
    let error = RPCError(.cancelled, "the call was cancelled")
    if let waiter = inboundWaiter {
      inboundWaiter = nil
      waiter.resume(throwing: error)
    }
    if let waiter = drainWaiter {
      drainWaiter = nil
      waiter.resume(throwing: error)
    }
  }

  /// Ends the call's work: cancels the handler and wakes whatever it waits on.
  func cancel() {
    task?.cancel()
    failWaiters()
  }
}
