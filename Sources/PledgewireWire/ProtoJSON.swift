/// The pieces of the proto3 JSON mapping that generated `Codable` conformances share: 64-bit integers as strings,
/// bytes in base64, non-finite floating point as strings, both spellings of a field name, and strict keys.
///
/// Reading is lenient where the mapping allows it (a 64-bit integer as a number or a string, an enum by name or
/// number, `null` for a zero value) and strict where a typo would lose data (an unknown field is an error).
public enum ProtoJSON {
  // MARK: Writing

  /// A 64-bit integer as the mapping writes it: a decimal string.
  public static func int64(_ value: Int64) -> String { String(value) }
  /// An unsigned 64-bit integer as a decimal string.
  public static func uint64(_ value: UInt64) -> String { String(value) }
  /// Bytes in standard base64 with padding.
  public static func bytes(_ value: [UInt8]) -> String { base64Encoded(value) }
  /// A double: a number, or "NaN", "Infinity", "-Infinity".
  public static func double(_ value: Double) -> JSONDouble { JSONDouble(value) }
  /// A float, written as a double.
  public static func float(_ value: Float) -> JSONDouble { JSONDouble(Double(value)) }

  /// A double that JSON can hold: a number when finite, a string otherwise.
  public struct JSONDouble: Encodable, Sendable {
    let value: Double
    init(_ value: Double) { self.value = value }

    public func encode(to encoder: any Encoder) throws {
      var container = encoder.singleValueContainer()
      if value.isNaN {
        try container.encode("NaN")
      } else if value.isInfinite {
        try container.encode(value > 0 ? "Infinity" : "-Infinity")
      } else {
        try container.encode(value)
      }
    }
  }

  // MARK: Reading

  /// Fails when the object has a key the message does not define.
  public static func checkKeys(_ container: KeyedDecodingContainer<ProtobufJSONKey>, known: Set<String>) throws {
    for key in container.allKeys where !known.contains(key.stringValue) {
      throw DecodingError.dataCorruptedError(
        forKey: key, in: container, debugDescription: "is not a field of this message"
      )
    }
  }

  /// The value under the JSON name or the schema name; nil when absent or null.
  public static func decode<T: Decodable>(
    _ type: T.Type, _ container: KeyedDecodingContainer<ProtobufJSONKey>, _ jsonName: String, _ protoName: String
  ) throws -> T? {
    guard let key = presentKey(container, jsonName, protoName) else { return nil }
    return try container.decode(T.self, forKey: key)
  }

  public static func decodeInt64(
    _ container: KeyedDecodingContainer<ProtobufJSONKey>, _ jsonName: String, _ protoName: String
  ) throws -> Int64? {
    try decode(LenientInteger<Int64>.self, container, jsonName, protoName)?.value
  }

  public static func decodeUint64(
    _ container: KeyedDecodingContainer<ProtobufJSONKey>, _ jsonName: String, _ protoName: String
  ) throws -> UInt64? {
    try decode(LenientInteger<UInt64>.self, container, jsonName, protoName)?.value
  }

  public static func decodeInt64s(
    _ container: KeyedDecodingContainer<ProtobufJSONKey>, _ jsonName: String, _ protoName: String
  ) throws -> [Int64]? {
    try decode([LenientInteger<Int64>].self, container, jsonName, protoName)?.map(\.value)
  }

  public static func decodeUint64s(
    _ container: KeyedDecodingContainer<ProtobufJSONKey>, _ jsonName: String, _ protoName: String
  ) throws -> [UInt64]? {
    try decode([LenientInteger<UInt64>].self, container, jsonName, protoName)?.map(\.value)
  }

  public static func decodeDouble(
    _ container: KeyedDecodingContainer<ProtobufJSONKey>, _ jsonName: String, _ protoName: String
  ) throws -> Double? {
    try decode(LenientDouble.self, container, jsonName, protoName)?.value
  }

  public static func decodeDoubles(
    _ container: KeyedDecodingContainer<ProtobufJSONKey>, _ jsonName: String, _ protoName: String
  ) throws -> [Double]? {
    try decode([LenientDouble].self, container, jsonName, protoName)?.map(\.value)
  }

  public static func decodeFloat(
    _ container: KeyedDecodingContainer<ProtobufJSONKey>, _ jsonName: String, _ protoName: String
  ) throws -> Float? {
    try decodeDouble(container, jsonName, protoName).map { Float($0) }
  }

  public static func decodeFloats(
    _ container: KeyedDecodingContainer<ProtobufJSONKey>, _ jsonName: String, _ protoName: String
  ) throws -> [Float]? {
    try decodeDoubles(container, jsonName, protoName)?.map { Float($0) }
  }

  public static func decodeBytes(
    _ container: KeyedDecodingContainer<ProtobufJSONKey>, _ jsonName: String, _ protoName: String
  ) throws -> [UInt8]? {
    guard let key = presentKey(container, jsonName, protoName) else { return nil }
    let text = try container.decode(String.self, forKey: key)
    guard let bytes = base64Decoded(text) else {
      throw DecodingError.dataCorruptedError(forKey: key, in: container, debugDescription: "is not base64")
    }
    return bytes
  }

  public static func decodeBytess(
    _ container: KeyedDecodingContainer<ProtobufJSONKey>, _ jsonName: String, _ protoName: String
  ) throws -> [[UInt8]]? {
    guard let key = presentKey(container, jsonName, protoName) else { return nil }
    return try container.decode([String].self, forKey: key).map { text in
      guard let bytes = base64Decoded(text) else {
        throw DecodingError.dataCorruptedError(forKey: key, in: container, debugDescription: "is not base64")
      }
      return bytes
    }
  }

  private static func presentKey(
    _ container: KeyedDecodingContainer<ProtobufJSONKey>, _ jsonName: String, _ protoName: String
  ) -> ProtobufJSONKey? {
    for name in jsonName == protoName ? [jsonName] : [jsonName, protoName] {
      let key = ProtobufJSONKey(stringValue: name)
      if container.contains(key), (try? container.decodeNil(forKey: key)) == false {
        return key
      }
    }
    return nil
  }

  /// An integer written as a JSON number or as a string holding one.
  struct LenientInteger<Value: FixedWidthInteger & Decodable>: Decodable {
    let value: Value

    init(from decoder: any Decoder) throws {
      let container = try decoder.singleValueContainer()
      if let number = try? container.decode(Value.self) {
        value = number
      } else if let text = try? container.decode(String.self), let number = Value(text) {
        value = number
      } else {
        throw DecodingError.dataCorruptedError(in: container, debugDescription: "is not an integer (a number, or a string holding one)")
      }
    }
  }

  /// A double written as a JSON number or as "NaN", "Infinity", "-Infinity" or a numeric string.
  struct LenientDouble: Decodable {
    let value: Double

    init(from decoder: any Decoder) throws {
      let container = try decoder.singleValueContainer()
      if let number = try? container.decode(Double.self) {
        value = number
        return
      }
      switch try? container.decode(String.self) {
      case "NaN": value = .nan
      case "Infinity": value = .infinity
      case "-Infinity": value = -.infinity
      case let text?:
        guard let number = Double(text) else { fallthrough }
        value = number
      default:
        throw DecodingError.dataCorruptedError(in: container, debugDescription: "is not a number")
      }
    }
  }

  // MARK: Base64

  private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

  /// Standard base64 with padding.
  public static func base64Encoded(_ bytes: [UInt8]) -> String {
    var out: [UInt8] = []
    out.reserveCapacity((bytes.count + 2) / 3 * 4)
    var index = 0
    while index < bytes.count {
      let b0 = bytes[index]
      let b1 = index + 1 < bytes.count ? bytes[index + 1] : 0
      let b2 = index + 2 < bytes.count ? bytes[index + 2] : 0
      out.append(alphabet[Int(b0 >> 2)])
      out.append(alphabet[Int((b0 & 0x03) << 4 | b1 >> 4)])
      out.append(index + 1 < bytes.count ? alphabet[Int((b1 & 0x0f) << 2 | b2 >> 6)] : UInt8(ascii: "="))
      out.append(index + 2 < bytes.count ? alphabet[Int(b2 & 0x3f)] : UInt8(ascii: "="))
      index += 3
    }
    return String(decoding: out, as: UTF8.self)
  }

  /// Decodes standard or URL-safe base64, padded or not, ignoring line breaks; nil when `text` is not base64.
  public static func base64Decoded(_ text: String) -> [UInt8]? {
    var out: [UInt8] = []
    var buffer: UInt32 = 0
    var bits = 0
    var padding = 0
    for byte in text.utf8 {
      let value: UInt8
      switch byte {
      case UInt8(ascii: "A")...UInt8(ascii: "Z"): value = byte - UInt8(ascii: "A")
      case UInt8(ascii: "a")...UInt8(ascii: "z"): value = byte - UInt8(ascii: "a") + 26
      case UInt8(ascii: "0")...UInt8(ascii: "9"): value = byte - UInt8(ascii: "0") + 52
      case UInt8(ascii: "+"), UInt8(ascii: "-"): value = 62
      case UInt8(ascii: "/"), UInt8(ascii: "_"): value = 63
      case UInt8(ascii: "="):
        padding += 1
        continue
      case UInt8(ascii: "\n"), UInt8(ascii: "\r"):
        continue
      default:
        return nil
      }
      guard padding == 0 else { return nil }
      buffer = buffer << 6 | UInt32(value)
      bits += 6
      if bits >= 8 {
        bits -= 8
        out.append(UInt8(truncatingIfNeeded: buffer >> UInt32(bits)))
      }
    }
    guard padding <= 2, bits < 6 else { return nil }
    return out
  }
}
