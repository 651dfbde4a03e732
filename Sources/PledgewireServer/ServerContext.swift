import Logging
import PledgewireWire

/// What a handler knows about its call besides the request.
///
/// Cancellation — by the client, by the deadline, or by a forced shutdown — arrives as Swift task cancellation:
/// check `Task.isCancelled`, or let `Task.sleep` and friends throw.
public struct ServerContext: Sendable {
  /// The method being called.
  public let method: MethodDescriptor
  /// The request metadata.
  public let metadata: Metadata
  /// When the call's deadline passes, if it has one. The server then cancels the handler and answers
  /// `DEADLINE_EXCEEDED` itself.
  public let deadline: ContinuousClock.Instant?
  /// The client's address: "127.0.0.1:54321".
  public let peer: String
  /// A logger with the connection's metadata.
  public let logger: Logger
  /// Who is calling, for the audit log: the name of the caller's token once authentication is on, "anonymous"
  /// until then.
  public var principal: String

  /// Creates a context.
  public init(
    method: MethodDescriptor,
    metadata: Metadata = Metadata(),
    deadline: ContinuousClock.Instant? = nil,
    peer: String = "",
    logger: Logger = Logger(label: "pledgewire.server"),
    principal: String = "anonymous"
  ) {
    self.method = method
    self.metadata = metadata
    self.deadline = deadline
    self.peer = peer
    self.logger = logger
    self.principal = principal
  }
}
