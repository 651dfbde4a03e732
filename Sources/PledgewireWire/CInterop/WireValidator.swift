internal import CProtobufC

/// Checks a message's wire bytes before protobuf-c unpacks them, which it does without any of these checks:
/// well-formed tags, varints and lengths; every string field valid UTF-8 without U+0000 (a C string would end there);
/// nesting no deeper than ``maxDepth`` (protobuf-c recurses without a limit). Errors are `INVALID_ARGUMENT` (the
/// sender's fault) and name the field where they can.
enum WireValidator {
  /// The deepest nesting accepted. Pledgewire's schemas nest at most four levels.
  static let maxDepth = 32

  static func validate(_ bytes: UnsafeRawBufferPointer, as descriptor: UnsafePointer<ProtobufCMessageDescriptor>) throws {
    try validate(bytes, descriptor, depth: 0)
  }

  private static func validate(
    _ bytes: UnsafeRawBufferPointer,
    _ descriptor: UnsafePointer<ProtobufCMessageDescriptor>,
    depth: Int
  ) throws {
    var messageName: String { String(cString: descriptor.pointee.name) }
    guard depth < maxDepth else {
      throw malformed("\(messageName) nests deeper than \(maxDepth) levels")
    }
    var reader = VarintReader(bytes: bytes)
    while !reader.isAtEnd {
      guard let key = reader.varint(), key >> 3 > 0, key >> 3 <= 0x1fff_ffff else {
        throw malformed("malformed \(messageName) message: bad field key")
      }
      let number = UInt32(key >> 3)
      if let field = protobuf_c_message_descriptor_get_field(descriptor, number), !accepts(field, wireType: key & 7) {
        throw RPCError.invalidArgument(
          field: String(cString: field.pointee.name), "wire type \(key & 7) does not encode this field's type (malformed \(messageName) message)"
        )
      }
      switch key & 7 {
      case 0:
        guard reader.varint() != nil else { throw truncated(messageName) }
      case 1:
        guard reader.skip(8) else { throw truncated(messageName) }
      case 5:
        guard reader.skip(4) else { throw truncated(messageName) }
      case 2:
        guard let length = reader.varint(), let value = reader.take(length) else { throw truncated(messageName) }
        guard let field = protobuf_c_message_descriptor_get_field(descriptor, number) else { continue }
        var fieldName: String { String(cString: field.pointee.name) }
        switch field.pointee.type {
        case PROTOBUF_C_TYPE_STRING:
          guard UTF8Validation.isValidWithoutNUL(value) else {
            throw RPCError.invalidArgument(field: fieldName, "not valid UTF-8, or contains U+0000")
          }
        case PROTOBUF_C_TYPE_MESSAGE:
          let nested = field.pointee.descriptor.assumingMemoryBound(to: ProtobufCMessageDescriptor.self)
          do {
            try validate(value, nested, depth: depth + 1)
          } catch let error as RPCError where error.code == .invalidArgument {
            let inner = error.details?.fieldViolations.first
            throw RPCError.invalidArgument(field: "\(fieldName).\(inner?.field ?? "")", inner?.description ?? error.message)
          }
        default:
          continue
        }
      default:
        throw malformed("malformed \(messageName) message: unsupported wire type \(key & 7)")
      }
    }
  }

  /// Whether a known field may arrive with `wireType`: its own, or length-delimited for a repeated scalar (packed).
  private static func accepts(_ field: UnsafePointer<ProtobufCFieldDescriptor>, wireType: UInt64) -> Bool {
    let own: UInt64
    switch field.pointee.type {
    case PROTOBUF_C_TYPE_STRING, PROTOBUF_C_TYPE_BYTES, PROTOBUF_C_TYPE_MESSAGE: own = 2
    case PROTOBUF_C_TYPE_FIXED64, PROTOBUF_C_TYPE_SFIXED64, PROTOBUF_C_TYPE_DOUBLE: own = 1
    case PROTOBUF_C_TYPE_FIXED32, PROTOBUF_C_TYPE_SFIXED32, PROTOBUF_C_TYPE_FLOAT: own = 5
    default: own = 0
    }
    return wireType == own || (wireType == 2 && field.pointee.label == PROTOBUF_C_LABEL_REPEATED)
  }

  private static func truncated(_ messageName: String) -> RPCError {
    malformed("malformed \(messageName) message: truncated field")
  }

  /// The bytes are not a valid encoding: the sender's fault, so `INVALID_ARGUMENT`.
  private static func malformed(_ message: String) -> RPCError {
    RPCError(.invalidArgument, message, details: ErrorDetails(reason: "MALFORMED_MESSAGE"))
  }
}

/// Reads protobuf varints and length-delimited values, never past the end.
private struct VarintReader {
  let bytes: UnsafeRawBufferPointer
  var offset = 0

  var isAtEnd: Bool { offset >= bytes.count }

  mutating func varint() -> UInt64? {
    var result: UInt64 = 0
    var shift: UInt64 = 0
    while offset < bytes.count, shift < 64 {
      let byte = bytes[offset]
      offset += 1
      result |= UInt64(byte & 0x7f) << shift
      if byte < 0x80 {
        return result
      }
      shift += 7
    }
    return nil
  }

  mutating func skip(_ count: Int) -> Bool {
    guard bytes.count - offset >= count else { return false }
    offset += count
    return true
  }

  mutating func take(_ length: UInt64) -> UnsafeRawBufferPointer? {
    guard length <= UInt64(bytes.count - offset) else { return nil }
    let value = UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + Int(length)])
    offset += Int(length)
    return value
  }
}
