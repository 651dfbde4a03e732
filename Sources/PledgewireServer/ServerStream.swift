import PledgewireWire

/// One stream of a server connection, from its HEADERS to its TRAILERS: what the state machine knows of a call.
struct ServerStream {
  enum Phase: Equatable {
    /// Unary or server-streaming: waiting for the request message and the end of the client's side.
    case receiving
    /// The handler runs (or is about to).
    case running
  }

  /// The method's number in the server's ``MethodTable``.
  let method: Int
  let kind: RpcKind
  let metadata: Metadata
  /// Loop-clock nanoseconds when the HEADERS arrived.
  let startedAt: UInt64
  /// Loop-clock nanoseconds when the deadline passes.
  let deadline: UInt64?
  var phase = Phase.receiving
  /// The request of a unary or server-streaming call, once it arrived.
  private(set) var request: [UInt8]?
  /// The client sent its last message.
  var halfClosed = false
  /// Client-streamed messages not yet taken by the handler.
  private(set) var inbound: [[UInt8]] = []
  private var inboundHead = 0
  /// Loop-clock nanoseconds when the client last made progress on its request: the HEADERS, then each MESSAGE.
  var lastProgress: UInt64
  /// Bytes of request messages the stream holds: its request until the handler takes it, then the client-streamed
  /// messages the handler has not taken.
  private(set) var heldBytes = 0
  /// The handler's task, to cancel when the call ends without it.
  var task: Task<Void, Never>?

  init(method: Int, kind: RpcKind, metadata: Metadata, startedAt: UInt64, deadline: UInt64?) {
    self.method = method
    self.kind = kind
    self.metadata = metadata
    self.startedAt = startedAt
    self.deadline = deadline
    self.lastProgress = startedAt
  }

  /// Whether the stream waits for the client's request (or the next of its messages), and so may stall.
  var awaitsClient: Bool { !halfClosed }

  /// Keeps the request of a unary or server-streaming call.
  mutating func hold(request payload: [UInt8]) {
    request = payload
    heldBytes += payload.count
  }

  /// Gives the request to the handler.
  mutating func takeRequest() -> [UInt8]? {
    defer { request = nil }
    heldBytes -= request?.count ?? 0
    return request
  }

  var isClientStreaming: Bool { kind == .clientStreaming || kind == .bidiStreaming }

  var bufferedRequestCount: Int { inbound.count - inboundHead }

  mutating func buffer(_ payload: [UInt8]) {
    inbound.append(payload)
    heldBytes += payload.count
  }

  mutating func takeBuffered() -> [UInt8]? {
    guard inboundHead < inbound.count else { return nil }
    let payload = inbound[inboundHead]
    inbound[inboundHead] = []
    heldBytes -= payload.count
    inboundHead += 1
    if inboundHead == inbound.count {
      inbound.removeAll(keepingCapacity: true)
      inboundHead = 0
    }
    return payload
  }
}

/// What the connection's driver must do after an event: the actions of ``ServerConnectionStateMachine``.
enum ServerEffect: Equatable {
  /// Run the call's handler (its fast path first, when it has one): its request is complete, or, for a
  /// client-streaming call, its stream is open.
  case startCall(UInt32)
  /// A client-streamed message, or the end of them, arrived for the call: wake its handler if it waits.
  case requestsAvailable(UInt32)
  /// The call ended; record it, and when it ended without its handler (a deadline, CANCEL, a closed
  /// connection, a stream error), cancel the handler's task and fail what it waits on.
  case ended(CallEnd)
  /// The unsent output fell under half its bound: streaming writers that wait may go on.
  case outputDrained
  /// The client broke the protocol or a limit, or a timeout passed: GOAWAY is on its way and the connection
  /// closes. Log it.
  case connectionFailed(RPCError)
}

/// A call that ended, for the statistics and the driver.
struct CallEnd: Equatable {
  var streamID: UInt32
  /// The method's number in the server's ``MethodTable`` (its `unknown` for a method not served).
  var method: Int
  var code: StatusCode
  var nanoseconds: UInt64
  /// The handler still runs and must be stopped.
  var stopHandler: Bool
  var task: Task<Void, Never>?
  /// Whether the stream was counted open (an unknown method's is not).
  var wasOpen = true
}

/// What a client-streaming handler gets when it asks for the next request.
enum RequestTake: Equatable {
  case message([UInt8])
  /// The client half-closed: no more messages.
  case end
  /// Nothing yet: wait for ``ServerEffect/requestsAvailable(_:)``.
  case wait
  /// The call is over.
  case cancelled
}
