internal import CProtobufC

/// Copies fields out of C structs into Swift values. Strings were checked by ``WireValidator`` before unpacking.
enum CLift {
  static func string(_ pointer: UnsafePointer<CChar>?) -> String {
    guard let pointer, pointer.pointee != 0 else { return "" }
    return String(cString: pointer)
  }

  static func strings(_ count: Int, _ array: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> [String] {
    guard let array, count > 0 else { return [] }
    return (0..<count).map { string(array[$0]) }
  }

  static func binary(_ data: ProtobufCBinaryData) -> [UInt8] {
    guard let bytes = data.data, data.len > 0 else { return [] }
    return Array(UnsafeBufferPointer(start: bytes, count: data.len))
  }

  static func binaries(_ count: Int, _ array: UnsafeMutablePointer<ProtobufCBinaryData>?) -> [[UInt8]] {
    guard let array, count > 0 else { return [] }
    return (0..<count).map { binary(array[$0]) }
  }

  static func scalars<T>(_ count: Int, _ array: UnsafeMutablePointer<T>?) -> [T] {
    guard let array, count > 0 else { return [] }
    return Array(UnsafeBufferPointer(start: array, count: count))
  }

  static func bools(_ count: Int, _ array: UnsafeMutablePointer<protobuf_c_boolean>?) -> [Bool] {
    guard let array, count > 0 else { return [] }
    return (0..<count).map { array[$0] != 0 }
  }

  static func enums<E: ProtobufEnum, C: RawRepresentable>(_ count: Int, _ array: UnsafeMutablePointer<C>?) -> [E]
  where C.RawValue == UInt32 {
    guard let array, count > 0 else { return [] }
    return (0..<count).map { E(rawValue: Int32(bitPattern: array[$0].rawValue)) }
  }

  static func messages<M: CMessage>(_ count: Int, _ array: UnsafeMutablePointer<UnsafeMutablePointer<M.CStruct>?>?) -> [M] {
    guard let array, count > 0 else { return [] }
    return (0..<count).map { M(lifting: array[$0]!) }
  }
}
