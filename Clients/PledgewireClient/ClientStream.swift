import PledgewireWire

/// Identifies a call on its connection from the moment it is made, before it has a stream (it may wait for one).
typealias CallID = UInt64

/// What the client's connection state machine knows of one call.
struct ClientStream {
  let method: MethodDescriptor
  let headers: RequestHeaders
  /// Loop-clock nanoseconds when the deadline passes.
  let deadline: UInt64?
  /// The request of a unary or server-streaming call, sent with the headers.
  var request: [UInt8]?
  /// 0 while the call waits for a stream slot.
  var streamID: UInt32 = 0
  /// How the call ended, once it did.
  var result: Result<Void, RPCError>?
  private var responses: [[UInt8]] = []
  private var responseHead = 0

  init(method: MethodDescriptor, headers: RequestHeaders, deadline: UInt64?, request: [UInt8]?) {
    self.method = method
    self.headers = headers
    self.deadline = deadline
    self.request = request
  }

  var bufferedResponseCount: Int { responses.count - responseHead }

  mutating func deliver(_ payload: [UInt8]) {
    responses.append(payload)
  }

  mutating func takeResponse() -> [UInt8]? {
    guard responseHead < responses.count else { return nil }
    let payload = responses[responseHead]
    responseHead += 1
    if responseHead == responses.count {
      responses.removeAll(keepingCapacity: true)
      responseHead = 0
    }
    return payload
  }

  /// The call ended. An error loses the messages not yet taken, as gRPC does: the call failed.
  mutating func finish(_ result: Result<Void, RPCError>) {
    guard self.result == nil else { return }
    if case .failure = result {
      responses.removeAll()
      responseHead = 0
    }
    self.result = result
  }
}

/// What the driver must do after an event: the actions of ``ClientConnectionStateMachine``.
enum ClientEffect: Equatable {
  /// A response message or the call's end arrived: wake the caller if it waits.
  case responseAvailable(CallID)
  /// The unsent output fell under half its bound: request writers that wait may go on.
  case outputDrained
}

/// What a caller gets when it asks for the next response.
enum ResponseTake: Equatable {
  case message([UInt8])
  /// The call ended OK: no more messages.
  case end
  case failed(RPCError)
  /// Nothing yet: wait for ``ClientEffect/responseAvailable(_:)``.
  case wait
}
