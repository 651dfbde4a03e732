import Synchronization

/// The calls a `--requests` run may still make, shared by its workers.
final class CallBudget: Sendable {
  private let issued = Atomic<Int>(0)
  let limit: Int?

  init(limit: Int?) {
    self.limit = limit
  }

  /// Takes one call from the budget; false when it is spent.
  func take() -> Bool {
    guard let limit else { return true }
    return issued.wrappingAdd(1, ordering: .relaxed).oldValue < limit
  }
}
