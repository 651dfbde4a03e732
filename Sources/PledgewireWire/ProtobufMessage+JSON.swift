import FoundationEssentials

extension ProtobufMessage {
  /// The message in the proto3 JSON mapping, on one line (keys sorted, zero values left out), the same bytes for
  /// the same message every time.
  public func jsonString() -> String {
    // Encoding a generated message cannot fail: every value it writes is a string, a finite number, a bool or a
    // container of those.
    let data = (try? JSONEncoder.protoJSON.encode(self)) ?? Data("{}".utf8)
    return String(decoding: data, as: UTF8.self)
  }

  /// Reads the proto3 JSON mapping. Throws `INVALID_ARGUMENT` naming the field path ("evidence[0].articleId")
  /// when the text is not JSON, a value has the wrong type, or a field is not part of the message.
  public init(jsonString: String) throws {
    try self.init(jsonUTF8: Array(jsonString.utf8))
  }

  /// Reads the proto3 JSON mapping from UTF-8 bytes; see ``init(jsonString:)``.
  public init(jsonUTF8 bytes: [UInt8]) throws {
    do {
      self = try JSONDecoder().decode(Self.self, from: Data(bytes))
    } catch let error as DecodingError {
      throw ProtoJSON.error(error, message: Self.protoName)
    }
  }
}

extension JSONEncoder {
  /// An encoder for the proto3 JSON mapping: keys sorted (deterministic output), no escaped slashes.
  public static var protoJSON: JSONEncoder {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return encoder
  }
}

extension ProtoJSON {
  /// An `INVALID_ARGUMENT` error naming where in the JSON a decoding error happened.
  public static func error(_ error: DecodingError, message: String) -> RPCError {
    func path(_ codingPath: [any CodingKey]) -> String {
      var text = ""
      for key in codingPath {
        if let index = key.intValue {
          text += "[\(index)]"
        } else {
          text += (text.isEmpty ? "" : ".") + key.stringValue
        }
      }
      return text
    }
    let (field, description): (String, String)
    switch error {
    case .dataCorrupted(let context):
      let underlying = context.underlyingError.map { " (\($0))" } ?? ""
      (field, description) = context.codingPath.isEmpty
        ? ("", "is not valid JSON\(underlying)") : (path(context.codingPath), context.debugDescription)
    case .typeMismatch(let type, let context):
      (field, description) = (path(context.codingPath), "has the wrong type: expected \(jsonType(type))")
    case .valueNotFound(let type, let context):
      (field, description) = (path(context.codingPath), "is null where \(jsonType(type)) is expected")
    case .keyNotFound(let key, let context):
      (field, description) = (path(context.codingPath + [key]), "is missing")
    @unknown default:
      (field, description) = ("", "\(error)")
    }
    if field.isEmpty {
      return RPCError(.invalidArgument, "\(message) JSON \(description)", details: ErrorDetails(reason: "INVALID_JSON"))
    }
    return RPCError(
      .invalidArgument, "\(field): \(description)",
      details: ErrorDetails(reason: "INVALID_JSON", fieldViolations: [FieldViolation(field: field, description: description)])
    )
  }

  private static func jsonType(_ type: Any.Type) -> String {
    switch type {
    case is String.Type: "a string"
    case is Bool.Type: "true or false"
    case is any BinaryInteger.Type, is Double.Type, is Float.Type: "a number"
    case is any Collection.Type: "an array"
    default: "an object"
    }
  }
}
