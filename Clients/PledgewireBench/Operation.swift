/// One kind of call the harness makes.
public enum Operation: String, Sendable, CaseIterable, Hashable, Codable {
  case getActor = "get-actor"
  case getPledge = "get-pledge"
  case listPledges = "list-pledges"
  case search = "search"
  case createPledge = "create-pledge"
  case updateStatus = "update-status"

  /// Whether the operation writes.
  public var writes: Bool { self == .createPledge || self == .updateStatus }
}
