import PledgewireWire

/// Every message type of the schema (requests, responses, rpc.proto's envelopes), in a fixed order.
let messageTypes: [any ProtobufMessage.Type] = ServiceCatalog.messages.sorted { $0.key < $1.key }.map(\.value)

/// libFuzzer entry point: every message decoder, over protobuf-c.
///
/// Input: one byte that picks the type (its index in ``messageTypes``, modulo their count), then the serialized
/// message. Whatever the bytes, decoding returns a message or throws an `INVALID_ARGUMENT` ``RPCError`` (a malformed
/// message is the client's fault); a decoded message, encoded, decodes to the same bytes again.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMessages(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  guard size > 0 else { return 0 }
  let type = messageTypes[Int(data[0]) % messageTypes.count]
  check(type, UnsafeRawBufferPointer(start: data + 1, count: size - 1))
  return 0
}

private func check<M: ProtobufMessage>(_: M.Type, _ bytes: UnsafeRawBufferPointer) {
  let message: M
  do {
    message = try M(serializedBytes: bytes)
  } catch let error as RPCError {
    precondition(error.code == .invalidArgument, "\(M.protoName): a malformed message must be INVALID_ARGUMENT: \(error)")
    return
  } catch {
    preconditionFailure("\(M.protoName): decoding threw something other than RPCError: \(error)")
  }
  let encoded = message.serializedBytes()
  do {
    // Compared as bytes, not values: a double may be NaN, which is not equal to itself.
    let again = try M(serializedBytes: encoded)
    precondition(again.serializedBytes() == encoded, "\(M.protoName) changed in a round trip: \(message) became \(again)")
  } catch {
    preconditionFailure("\(M.protoName): a decoded message failed to decode once encoded again: \(error)")
  }
}
