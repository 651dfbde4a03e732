import PledgewireWire
/// Maps full method names to handlers. Build one, register services or single methods, and hand it to the server.
///
/// ```swift
/// var router = Router()
/// router.unary(ActorService.GetActor.self) { request, context in
///   try await store.actor(id: request.id)
/// }
/// router.register(PledgeServiceHandler(store: store))
/// ```
public struct Router: Sendable {
  private var handlers: [String: MethodHandler] = [:]

  /// An empty router.
  public init() {}

  /// Registers every method of `service`.
  public mutating func register(_ service: some RPCService) {
    service.register(in: &self)
  }

  /// Registers a unary method: one request, one response.
  public mutating func unary<M: RPCMethod>(
    _ method: M.Type,
    _ handler: @escaping @Sendable (M.Input, ServerContext) async throws -> M.Output
  ) {
    add(M.descriptor, expecting: .unary) { call, request in
      do {
        let input = try M.Input(serializedBytes: request)
        call.finish(with: try await handler(input, call.context))
      } catch {
        call.finish(throwing: error)
      }
    }
  }

  /// Registers a unary method with a synchronous fast path. `fastPath` runs right on the connection's I/O loop,
  /// with no task and no thread hop, and returns the response when it can give one without waiting (from memory,
  /// say); it returns nil to decline, and then `handler` runs as usual. It must never block. Its answer is held to
  /// the call's deadline like any other: one that comes too late is `DEADLINE_EXCEEDED`.
  public mutating func unary<M: RPCMethod>(
    _ method: M.Type,
    fastPath: @escaping @Sendable (M.Input, ServerContext) throws -> M.Output?,
    _ handler: @escaping @Sendable (M.Input, ServerContext) async throws -> M.Output
  ) {
    unary(method, handler)
    handlers[M.descriptor.fullName]?.fastPath = { request, context, streamID, encoder in
      guard let response = try fastPath(try M.Input(serializedBytes: request), context) else { return false }
      try encoder.writeMessage(response, streamID: streamID)
      return true
    }
  }

  /// Registers a server-streaming method: one request, any number of responses sent through the writer.
  public mutating func serverStreaming<M: RPCMethod>(
    _ method: M.Type,
    _ handler: @escaping @Sendable (M.Input, ResponseWriter<M.Output>, ServerContext) async throws -> Void
  ) {
    add(M.descriptor, expecting: .serverStreaming) { call, request in
      do {
        let input = try M.Input(serializedBytes: request)
        try await handler(input, ResponseWriter(call: call), call.context)
        call.finish()
      } catch {
        call.finish(throwing: error)
      }
    }
  }

  /// Registers a client-streaming method: a stream of requests, one response.
  public mutating func clientStreaming<M: RPCMethod>(
    _ method: M.Type,
    _ handler: @escaping @Sendable (RequestStream<M.Input>, ServerContext) async throws -> M.Output
  ) {
    add(M.descriptor, expecting: .clientStreaming) { call, _ in
      do {
        call.finish(with: try await handler(RequestStream(call: call), call.context))
      } catch {
        call.finish(throwing: error)
      }
    }
  }

  /// Marks registered methods as expensive — they compute or read much (quote search, ranking, imports): their
  /// handlers run on the global concurrent executor rather than an I/O loop, and at most
  /// ``ServerConfiguration/maxConcurrentWork`` of them at once (``ServerConfiguration/maxConcurrentWorkPerConnection``
  /// per connection); calls past either limit end with `RESOURCE_EXHAUSTED` at once.
  public mutating func expensive(_ methods: [any RPCMethod.Type]) {
    for method in methods {
      handlers[method.descriptor.fullName]?.isExpensive = true
    }
  }

  private mutating func add(
    _ descriptor: MethodDescriptor,
    expecting kind: RpcKind,
    _ run: @escaping @Sendable (ServerCall, [UInt8]) async -> Void
  ) {
    precondition(descriptor.kind == kind, "\(descriptor.fullName) is \(descriptor.kind.name), not \(kind.name)")
    handlers[descriptor.fullName] = MethodHandler(descriptor: descriptor, run: run, fastPath: nil)
  }

  /// The registered methods, by full name.
  public var methods: [MethodDescriptor] {
    handlers.values.map(\.descriptor).sorted { $0.fullName < $1.fullName }
  }

  /// The registered methods, numbered in the order of their names.
  var table: MethodTable {
    MethodTable(handlers: handlers.values.sorted { $0.descriptor.fullName < $1.descriptor.fullName })
  }
}
