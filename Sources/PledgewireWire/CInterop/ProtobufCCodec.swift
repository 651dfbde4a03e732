internal import CProtobufC

/// Encodes and decodes messages through protobuf-c, with all C memory in a ``CArena``.
enum ProtobufCCodec {
  static func decode<M: CMessage>(_ type: M.Type, from bytes: UnsafeRawBufferPointer) throws -> M {
    try WireValidator.validate(bytes, as: M.cDescriptor)
    return try CArena.with { arena in
      try CArena.withAllocator(of: &arena) { allocator in
        let data = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self)
        guard let message = protobuf_c_message_unpack(M.cDescriptor, allocator, bytes.count, data) else {
          throw RPCError(.invalidArgument, "malformed \(M.protoName) message", details: ErrorDetails(reason: "MALFORMED_MESSAGE"))
        }
        return M(lifting: UnsafeRawPointer(message).assumingMemoryBound(to: M.CStruct.self))
      }
    }
  }

  static func serialize<M: CMessage>(_ message: M, into buffer: inout [UInt8]) {
    CArena.with { arena in
      let lowered = UnsafeMutableRawPointer(message.lower(into: &arena)).assumingMemoryBound(to: ProtobufCMessage.self)
      let size = protobuf_c_message_get_packed_size(lowered)
      guard size > 0 else { return }
      // Packed into scratch memory, then appended as one contiguous copy: appending `size` zeros to pack over went
      // element by element through unspecialised generics in debug builds (most of a flood client's time).
      withUnsafeTemporaryAllocation(of: UInt8.self, capacity: size) { scratch in
        let written = protobuf_c_message_pack(lowered, scratch.baseAddress!)
        precondition(written == size, "protobuf-c packed \(written) bytes of \(size)")
        buffer.append(contentsOf: scratch)
      }
    }
  }
}
