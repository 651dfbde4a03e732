internal import CProtobufC

/// The C side of a ``ProtobufMessage``: its protobuf-c struct and descriptor, and the conversions. Generated.
protocol CMessage: ProtobufMessage {
  /// The struct protoc-c generated for the message.
  associatedtype CStruct
  /// protoc-c's descriptor of the message.
  static var cDescriptor: UnsafePointer<ProtobufCMessageDescriptor> { get }
  /// Builds the C struct, with everything it points to, in `arena`.
  func lower(into arena: inout CArena) -> UnsafeMutablePointer<CStruct>
  /// Copies a C struct into a Swift value.
  init(lifting c: UnsafePointer<CStruct>)
}
