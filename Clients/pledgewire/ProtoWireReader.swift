/// Reads the protobuf wire format field by field: enough to walk a `google.protobuf.FileDescriptorSet`, which has
/// no generated type here (the schema's own types come from protobuf-c).
struct ProtoWireReader {
  /// One field: its number and its value, a varint or the bytes of a length-delimited field (fixed-width fields are
  /// skipped; descriptors have none).
  enum Value {
    case varint(UInt64)
    case bytes(ArraySlice<UInt8>)
  }

  struct Malformed: Error {}

  private let bytes: ArraySlice<UInt8>
  private var offset: Int

  init(_ bytes: ArraySlice<UInt8>) {
    self.bytes = bytes
    offset = bytes.startIndex
  }

  /// The next field, nil at the end; throws on a truncated or malformed encoding.
  mutating func next() throws -> (number: Int, value: Value)? {
    while offset < bytes.endIndex {
      let key = try varint()
      let number = Int(key >> 3)
      switch key & 7 {
      case 0:
        return (number, .varint(try varint()))
      case 2:
        let length = Int(try varint())
        guard length >= 0, length <= bytes.endIndex - offset else { throw Malformed() }
        defer { offset += length }
        return (number, .bytes(bytes[offset..<offset + length]))
      case 1:
        try skip(8)
      case 5:
        try skip(4)
      default:
        throw Malformed()
      }
    }
    return nil
  }

  private mutating func skip(_ count: Int) throws {
    guard count <= bytes.endIndex - offset else { throw Malformed() }
    offset += count
  }

  private mutating func varint() throws -> UInt64 {
    var result: UInt64 = 0
    var shift: UInt64 = 0
    while offset < bytes.endIndex, shift < 64 {
      let byte = bytes[offset]
      offset += 1
      result |= UInt64(byte & 0x7f) << shift
      if byte & 0x80 == 0 { return result }
      shift += 7
    }
    throw Malformed()
  }
}

extension ProtoWireReader.Value {
  var string: String {
    if case .bytes(let bytes) = self { return String(decoding: bytes, as: UTF8.self) }
    return ""
  }

  var integer: Int64 {
    if case .varint(let value) = self { return Int64(bitPattern: value) }
    return 0
  }

  /// The packed varints of a length-delimited field (or the one varint).
  var integers: [Int] {
    switch self {
    case .varint(let value):
      return [Int(truncatingIfNeeded: value)]
    case .bytes(let bytes):
      var values: [Int] = []
      var current: UInt64 = 0
      var shift: UInt64 = 0
      for byte in bytes {
        current |= UInt64(byte & 0x7f) << shift
        if byte & 0x80 == 0 {
          values.append(Int(truncatingIfNeeded: current))
          current = 0
          shift = 0
        } else {
          shift += 7
        }
      }
      return values
    }
  }

  var bytes: ArraySlice<UInt8> {
    if case .bytes(let bytes) = self { return bytes }
    return []
  }
}
