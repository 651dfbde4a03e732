/// A method of a service in Protos/, with its request and response types. Generated for every RPC, e.g.
/// `ActorService.GetActor`.
public protocol RPCMethod: Sendable {
  /// The request message type.
  associatedtype Input: ProtobufMessage
  /// The response message type.
  associatedtype Output: ProtobufMessage
  /// The method's names and streaming kind.
  static var descriptor: MethodDescriptor { get }
}
