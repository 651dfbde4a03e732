/// How binding a commitment is, weakest first (the schema's `Modality`).
public enum Modality: String, Hashable, Sendable, CaseIterable {
  /// "proposed to", "put forward a plan to".
  case proposal
  /// "offered to", "is ready to", "stands willing to".
  case offer
  /// "plans to", "intends to", "is set to", "aims to".
  case intent
  /// "pledged", "promised", "vowed", "committed", "will".
  case promise
  /// "agreed to", "signed a deal to".
  case agreement
  /// "passed a law", "approved a bill", "signed into law".
  case legalAct = "legal_act"

  /// Firm commitments (promise, agreement, legal act) as against soft ones (proposal, offer, intent).
  public var isFirm: Bool {
    switch self {
    case .promise, .agreement, .legalAct: true
    case .proposal, .offer, .intent: false
    }
  }
}
