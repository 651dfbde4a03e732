internal import CProtobufC

/// The fields of a decoded message that this version of the schema does not know, kept as they arrived so that a
/// decode, change and re-encode by an older build does not drop what a newer build wrote.
public struct UnknownFields: Sendable, Hashable {
  /// One field: its number, wire type, and the bytes after its key (a length-delimited value keeps its length).
  struct Field: Sendable, Hashable {
    var number: UInt32
    var wireType: UInt8
    var bytes: [UInt8]
  }

  var fields: [Field] = []

  /// No unknown field.
  public init() {}

  /// Whether there is none.
  public var isEmpty: Bool { fields.isEmpty }

  /// The field numbers present, in the order they arrived.
  public var numbers: [UInt32] { fields.map(\.number) }

  init(_ count: UInt32, _ array: UnsafeMutablePointer<ProtobufCMessageUnknownField>?) {
    guard let array, count > 0 else { return }
    fields = (0..<Int(count)).map { index in
      let field = array[index]
      let bytes = field.data.map { Array(UnsafeBufferPointer(start: $0, count: field.len)) } ?? []
      return Field(number: field.tag, wireType: UInt8(field.wire_type.rawValue), bytes: bytes)
    }
  }
}

extension CArena {
  /// protobuf-c's unknown-field array for `unknown`, built in this arena; protobuf-c packs it after the known fields.
  mutating func unknownFields(_ unknown: UnknownFields) -> (UInt32, UnsafeMutablePointer<ProtobufCMessageUnknownField>?) {
    guard !unknown.fields.isEmpty else { return (0, nil) }
    let array = allocate(ProtobufCMessageUnknownField.self, count: unknown.fields.count)
    for (index, field) in unknown.fields.enumerated() {
      let data = allocate(UInt8.self, count: max(1, field.bytes.count))
      data.update(from: field.bytes, count: field.bytes.count)
      (array + index).initialize(to: ProtobufCMessageUnknownField(
        tag: field.number, wire_type: ProtobufCWireType(rawValue: UInt32(field.wireType)), len: field.bytes.count, data: data
      ))
    }
    return (UInt32(unknown.fields.count), array)
  }
}
