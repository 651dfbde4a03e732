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

  /// Whether the operation writes.
  public var writes: Bool { self == .createPledge || self == .updateStatus }
}
