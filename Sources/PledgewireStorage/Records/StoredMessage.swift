import Foundation
import PledgewireWire

/// Protobuf blobs in rows: what a row keeps of a message besides its columns — the fields nothing queries, and the
/// fields a newer build wrote that this one does not know, so that they survive every update.
package enum StoredMessage {
  /// The encoding of `message`, or nil when it is empty (nothing left over).
  package static func encode(_ message: some ProtobufMessage) -> Data? {
    let bytes = message.serializedBytes()
    return bytes.isEmpty ? nil : Data(bytes)
  }

  /// The message in `data`; an empty message for nil.
  package static func decode<M: ProtobufMessage>(_ type: M.Type, _ data: Data?, empty: M) throws -> M {
    guard let data else { return empty }
    do {
      return try M(serializedBytes: data)
    } catch {
      throw RPCError(.dataLoss, "a stored \(M.protoName) does not decode: \(error)")
    }
  }
}
