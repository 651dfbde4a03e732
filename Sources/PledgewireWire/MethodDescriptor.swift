/// Names and streaming kind of one RPC method.
public struct MethodDescriptor: Sendable, Hashable {
  /// The service's full name: "pledgewire.v1.ActorService".
  public let service: String
  /// The method's name: "GetActor".
  public let name: String
  /// The name a request's HEADERS frame carries: "/pledgewire.v1.ActorService/GetActor".
  public let fullName: String
  /// Unary, server-streaming, client-streaming or bidirectional.
  public let kind: RpcKind
  /// The request message's full name: "pledgewire.v1.GetActorRequest".
  public let inputType: String
  /// The response message's full name: "pledgewire.v1.Actor".
  public let outputType: String
  /// Whether calling it twice does no harm (its schema says `idempotency_level = NO_SIDE_EFFECTS` or
  /// `IDEMPOTENT`), so a client may retry it.
  public let isIdempotent: Bool

  /// Creates a descriptor.
  public init(
    service: String, name: String, kind: RpcKind, isIdempotent: Bool = false, inputType: String, outputType: String
  ) {
    self.service = service
    self.name = name
    self.fullName = "/\(service)/\(name)"
    self.kind = kind
    self.isIdempotent = isIdempotent
    self.inputType = inputType
    self.outputType = outputType
  }

  /// Whether the client sends a stream of messages.
  public var isClientStreaming: Bool { kind == .clientStreaming || kind == .bidiStreaming }

  /// Whether the server sends a stream of messages.
  public var isServerStreaming: Bool { kind == .serverStreaming || kind == .bidiStreaming }
}
