import PledgewireWire
/// A set of handlers that registers itself in a ``Router``, usually one service of Protos/.
public protocol RPCService: Sendable {
  /// Registers the service's methods.
  func register(in router: inout Router)
}
