extension ErrorCode {
  /// The status a call cut short by a GOAWAY or CANCEL with this code ends with, after gRPC's mapping of HTTP/2 errors.
  public var statusCode: StatusCode {
    switch self {
    case .noError, .refusedStream, .timeout: .unavailable
    case .cancel: .cancelled
    case .deadlineExceeded: .deadlineExceeded
    case .resourceExhausted, .frameSizeError: .resourceExhausted
    case .unsupportedVersion: .unimplemented
    case .protocolError, .internalError, .unrecognized: .internal
    }
  }
}
