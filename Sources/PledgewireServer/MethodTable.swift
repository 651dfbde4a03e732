import PledgewireWire

/// The methods a server serves, numbered: a call's stream and its statistics refer to its method by number, so that
/// a call costs one lookup by name (its HEADERS) and no copy of the handler.
struct MethodTable: Sendable {
  let handlers: [MethodHandler]
  private let indices: [String: Int]

  init(handlers: [MethodHandler]) {
    self.handlers = handlers
    self.indices = Dictionary(uniqueKeysWithValues: handlers.enumerated().map { ($1.descriptor.fullName, $0) })
  }

  /// The number of the method called `fullName` ("/pledgewire.v1.ActorService/GetActor").
  func index(of fullName: String) -> Int? {
    indices[fullName]
  }

  subscript(index: Int) -> MethodHandler {
    handlers[index]
  }

  /// The number statistics count unknown methods under.
  var unknown: Int { handlers.count }

  /// Every method's full name by number, then "unknown".
  var names: [String] { handlers.map(\.descriptor.fullName) + ["unknown"] }
}
