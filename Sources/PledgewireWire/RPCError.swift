/// The one error type of Pledgewire: a gRPC status code, a message for people, and optional details for programs.
///
/// Handlers throw it to end a call with a status; clients receive it when a call fails; the codec throws it for
/// every protocol violation. An error that ends a whole connection also carries the ``ErrorCode`` its GOAWAY frame
/// reports.
public struct RPCError: Error, Sendable, Hashable {
  /// The call's status.
  public var code: StatusCode
  /// What went wrong, for people: "actor 42 does not exist".
  public var message: String
  /// Machine-readable details: field violations, the id of an existing record, a retry hint.
  public var details: ErrorDetails?
  /// Set when the error ends the connection: the error code of the GOAWAY frame that reports it.
  public var connectionError: ErrorCode?

  /// Creates an error.
  public init(_ code: StatusCode, _ message: String, details: ErrorDetails? = nil, connectionError: ErrorCode? = nil) {
    self.code = code
    self.message = message
    self.details = details
    self.connectionError = connectionError
  }

  /// A peer broke the protocol: its connection ends with GOAWAY `PROTOCOL_ERROR`, and its calls fail with `INTERNAL`.
  public static func protocolError(_ message: String) -> RPCError {
    RPCError(.internal, message, connectionError: .protocolError)
  }

  /// A request field is invalid: `INVALID_ARGUMENT`, naming the field in the message and in the details.
  public static func invalidArgument(field: String, _ description: String) -> RPCError {
    RPCError(
      .invalidArgument,
      "\(field): \(description)",
      details: ErrorDetails(reason: "INVALID_FIELD", fieldViolations: [FieldViolation(field: field, description: description)])
    )
  }

  /// The error a call's trailers report, or nil when they report OK.
  public init?(trailers: Trailers) {
    guard trailers.code != .ok else { return nil }
    self.init(trailers.code, trailers.message, details: trailers.details)
  }

  /// Trailers that end a call with this error.
  public var trailers: Trailers {
    Trailers(code: code, message: message, details: details)
  }
}

extension RPCError: CustomStringConvertible {
  /// "NOT_FOUND: actor 42 does not exist".
  public var description: String {
    "\(code.name): \(message)"
  }
}
