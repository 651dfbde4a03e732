/// One kind of call the harness makes.
public enum Operation: String, Sendable, CaseIterable, Hashable, Codable {
  case getActor = "get-actor"
  case getPledge = "get-pledge"
  case listPledges = "list-pledges"
  case search = "search"
  case createPledge = "create-pledge"
  case updateStatus = "update-status"
  /// ExtractionService/Extract on a 5 KB news-like body: the extractor's CPU cost over the wire; stores nothing.
  case extract = "extract"
  /// The method of ``BenchConfiguration/call`` (`bench --call`); not part of a mix.
  case call = "call"

  /// The operations a mix may name.
  public static var mixable: [Operation] { allCases.filter { $0 != .call } }

  /// Whether the operation writes (a `call` writes unless its method is idempotent: see ``BenchConfiguration/writes``).
  public var writes: Bool { self == .createPledge || self == .updateStatus }
}
