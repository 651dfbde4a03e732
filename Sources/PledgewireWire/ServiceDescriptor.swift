/// A service of Protos/ and its methods.
public struct ServiceDescriptor: Sendable, Hashable {
  /// The service's full name: "pledgewire.v1.PledgeService".
  public let name: String
  /// Its methods, in schema order.
  public let methods: [MethodDescriptor]

  /// Creates a descriptor.
  public init(name: String, methods: [MethodDescriptor]) {
    self.name = name
    self.methods = methods
  }
}
