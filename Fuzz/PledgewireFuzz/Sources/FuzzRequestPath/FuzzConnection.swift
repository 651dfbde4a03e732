@testable import PledgewireServer
@testable import PledgewireTransport
import PledgewireWire

/// The server's connection state machine on a made-up clock, driven the way `ServerConnection` drives it, with
/// the handlers played synchronously: GetActor answers on its fast path for even ids and from its "handler" for
/// the others; ImportActors counts the requests it takes; WatchPledges streams three events. After every event it
/// checks the machine's bounds.
struct FuzzConnection {
  static let configuration: ServerConfiguration = {
    // Small limits, so that short inputs reach them.
    var configuration = ServerConfiguration(
      maxConcurrentStreams: 8, maxFrameSize: 2_048, maxMetadataSize: 512, maxPendingOutputBytes: 4_096,
      maxBufferedRequestMessages: 4
    )
    configuration.idleTimeout = .seconds(1)
    return configuration
  }()

  static let methods: MethodTable = {
    var router = Router()
    router.unary(ActorService.GetActor.self, fastPath: { request, _ in
      request.id % 2 == 0 ? Actor(id: request.id, canonicalName: "fast") : nil
    }) { request, _ in Actor(id: request.id) }
    router.clientStreaming(ActorService.ImportActors.self) { _, _ in ImportResponse() }
    router.serverStreaming(PledgeService.WatchPledges.self) { _, _, _ in }
    return router.table
  }()

  /// The server-wide request bytes, small, so that held requests reach it; empty again once the connection ends.
  let requestBytes = RequestBytePool(limit: 3_000)
  private(set) var machine: ServerConnectionStateMachine
  private(set) var now: UInt64 = 1_000_000_000_000
  private var effects: [ServerEffect] = []
  /// Unary calls whose fast path declined: their "handler" answers at the next event.
  private var pendingUnary: [UInt32: [UInt8]] = [:]
  /// Client-streaming calls and the requests they took so far.
  private var imports: [UInt32: Int] = [:]

  init() {
    machine = ServerConnectionStateMachine(
      configuration: Self.configuration.connectionConfiguration, methods: Self.methods, requestBytes: requestBytes
    )
    machine.start(now: now)
    check()
  }

  /// Bytes from the client.
  mutating func receive(_ bytes: UnsafeRawBufferPointer) {
    machine.receive(bytes, now: now)
    while machine.processInput(now: now) {
      handleEffects()
    }
    handleEffects()
    answerPending()
    check()
  }

  /// The client reads the server's output: all of it, or half.
  mutating func clientReads(all: Bool) {
    let count = machine.core.output.count
    guard count > 0 else { return }
    _ = machine.sent(all ? count : count / 2, now: now)
    handleEffects()
    check()
  }

  /// Time passes; timers fire.
  mutating func advance(by nanoseconds: UInt64) {
    now += nanoseconds
    if let wake = machine.nextWake, wake <= now {
      machine.timerFired(now: now)
      handleEffects()
    }
    check()
  }

  /// The client closes its side, reads everything, and waits: the connection must end.
  mutating func finish() {
    machine.endOfInput(now: now)
    handleEffects()
    answerPending()
    for _ in 0..<8 {
      clientReads(all: true)
      advance(by: 30_000_000_000)
    }
    precondition(machine.phase == .closed, "the connection is still \(machine.phase) after the client left")
    precondition(machine.streams.isEmpty, "\(machine.streams.count) streams outlived the connection")
    precondition(requestBytes.bytes == 0, "the ended connection still counts \(requestBytes.bytes) request bytes in the server's")
  }

  private mutating func handleEffects() {
    var batch: [ServerEffect] = []
    while true {
      machine.takeEffects(into: &batch)
      guard !batch.isEmpty else { return }
      for effect in batch {
        switch effect {
        case .startCall(let streamID):
          start(streamID)
        case .requestsAvailable(let streamID):
          takeImports(streamID)
        case .ended(let end):
          pendingUnary[end.streamID] = nil
          imports[end.streamID] = nil
        case .outputDrained, .connectionFailed:
          break
        }
      }
    }
  }

  private mutating func start(_ streamID: UInt32) {
    guard let stream = machine.streams[streamID] else { return }
    let handler = machine.methods[stream.method]
    let request = machine.takeRequestPayload(streamID)
    switch handler.descriptor.kind {
    case .unary:
      let context = ServerContext(method: handler.descriptor, metadata: stream.metadata)
      if let fastPath = handler.fastPath {
        let time = now
        if machine.answer(streamID, now: { time }, { try fastPath(request, context, streamID, &$0) }) { return }
      }
      pendingUnary[streamID] = request
    case .clientStreaming:
      imports[streamID] = 0
      takeImports(streamID)
    case .serverStreaming:
      guard (try? WatchPledgesRequest(serializedBytes: request)) != nil else {
        machine.complete(streamID, trailers: RPCError(.invalidArgument, "malformed request").trailers, now: now)
        return
      }
      for index in 0..<3 {
        guard (try? machine.mayWrite(streamID)) == true else { break }
        _ = try? machine.send(streamID) { try $0.writeMessage(PledgeEvent(sequence: Int64(index)), streamID: streamID) }
      }
      machine.complete(streamID, trailers: Trailers(code: .ok), now: now)
    default:
      machine.complete(streamID, trailers: RPCError(.unimplemented, "not here").trailers, now: now)
    }
  }

  /// A client-streaming handler takes what has arrived; at the end of the requests it answers.
  private mutating func takeImports(_ streamID: UInt32) {
    while let count = imports[streamID] {
      switch machine.takeRequest(streamID, now: now) {
      case .message(let payload):
        imports[streamID] = count + ((try? CreateActorRequest(serializedBytes: payload)) == nil ? 0 : 1)
      case .end:
        imports[streamID] = nil
        machine.complete(streamID, now: now) { try $0.writeMessage(ImportResponse(), streamID: streamID) }
        return
      case .wait:
        return
      case .cancelled:
        imports[streamID] = nil
        return
      }
    }
  }

  /// Unary handlers answer: odd ids are not found, the rest are echoed.
  private mutating func answerPending() {
    for (streamID, request) in pendingUnary.sorted(by: { $0.key < $1.key }) {
      pendingUnary[streamID] = nil
      do {
        let input = try GetActorRequest(serializedBytes: request)
        guard input.id % 3 != 0 else { throw RPCError(.notFound, "actor \(input.id) does not exist") }
        machine.complete(streamID, now: now) { try $0.writeMessage(Actor(id: input.id), streamID: streamID) }
      } catch {
        machine.complete(streamID, trailers: ServerConnectionStateMachine.trailers(for: error), now: now)
      }
      handleEffects()
    }
  }

  /// The connection's bounds hold whatever the client sent.
  private func check() {
    let limits = Self.configuration
    precondition(machine.streams.count <= limits.maxConcurrentStreams, "\(machine.streams.count) streams open")
    precondition(requestBytes.bytes == machine.heldRequestBytes, "the server counts \(requestBytes.bytes) request bytes, the connection holds \(machine.heldRequestBytes)")
    for (id, stream) in machine.streams {
      precondition(stream.bufferedRequestCount <= limits.maxBufferedRequestMessages + 8, "stream \(id) buffered \(stream.bufferedRequestCount) requests")
    }
    // Output may pass its bound by the frames written before the bound was seen: a few frames of the max size.
    precondition(machine.core.output.count <= limits.maxPendingOutputBytes + 4 * (limits.maxFrameSize + 64), "\(machine.core.output.count) bytes of output queued")
  }
}
