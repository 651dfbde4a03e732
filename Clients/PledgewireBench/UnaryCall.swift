import PledgewireClient

/// Any unary method with one request, called over and over by `bench --call` (ghz style): the request is sent as
/// given and each response decoded into the method's response type.
public struct UnaryCall: Sendable, Hashable {
  /// The method.
  public let method: MethodDescriptor
  /// The request, of the method's request type.
  public let request: any ProtobufMessage
  /// The method's response type.
  public let responseType: any ProtobufMessage.Type

  /// A call of `method` with `request`; `responseType` must be the method's response type.
  public init(method: MethodDescriptor, request: any ProtobufMessage, responseType: any ProtobufMessage.Type) {
    self.method = method
    self.request = request
    self.responseType = responseType
  }

  /// Makes the call once.
  func call(_ client: PledgewireClient) async throws {
    _ = try await client.unary(method, request, returning: responseType)
  }

  public static func == (left: UnaryCall, right: UnaryCall) -> Bool {
    left.method == right.method && left.request.serializedBytes() == right.request.serializedBytes()
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(method)
    hasher.combine(request.serializedBytes())
  }
}
