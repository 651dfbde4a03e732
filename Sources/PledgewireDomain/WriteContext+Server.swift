import PledgewireServer
import PledgewireStorage

extension WriteContext {
  /// The context of a write made by the call `context` describes, at `now`.
  init(_ context: ServerContext, now: Int64) {
    self.init(principal: context.principal, method: context.method.fullName, peer: context.peer, now: now)
  }
}
