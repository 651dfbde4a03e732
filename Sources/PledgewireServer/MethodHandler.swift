import PledgewireWire
/// A registered method with its handler, its types erased: it decodes requests and encodes responses itself.
struct MethodHandler: Sendable {
  let descriptor: MethodDescriptor
  /// Runs the handler for a call to its end. `request` is the request message's bytes (empty for client streaming,
  /// whose messages arrive through the call).
  let run: @Sendable (_ call: ServerCall, _ request: [UInt8]) async -> Void
}
