import PledgewireWire

/// libFuzzer entry point: the frame decoder.
///
/// Input: one byte of options (bit 0: decode as the client instead of the server; bits 1–7: the size of the pieces
/// the rest arrives in, 1–128 bytes), then the bytes a peer sends, preface included. Whatever the bytes, the decoder
/// returns frames or throws an ``RPCError`` that names the GOAWAY code; it never traps, never buffers more than one
/// partial frame, and every frame it returns encodes and decodes back to itself.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFrames(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  guard size > 0 else { return 0 }
  let input = UnsafeBufferPointer(start: data, count: size)
  let role: FrameDecoder.Role = input[0] & 1 == 0 ? .server : .client
  let pieceSize = Int(input[0] >> 1) + 1
  let bytes = UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(input)[1...])
  let maxFrameSize = 1 << 12
  var decoder = FrameDecoder(role: role, maxFrameSize: maxFrameSize)
  var frames: [Frame] = []
  var offset = 0
  do {
    while offset < bytes.count {
      let end = min(bytes.count, offset + pieceSize)
      decoder.append(UnsafeRawBufferPointer(rebasing: bytes[offset..<end]))
      offset = end
      while let frame = try decoder.next() {
        frames.append(frame)
      }
      // Between pieces the decoder holds at most one partial frame: a header and less than its payload.
      precondition(
        decoder.bufferedByteCount < WireProtocol.frameHeaderLength + maxFrameSize + WireProtocol.prefaceLength,
        "the decoder buffered \(decoder.bufferedByteCount) bytes"
      )
    }
  } catch let error as RPCError {
    precondition(error.connectionError != nil, "a decoding error must end the connection: \(error)")
  } catch {
    preconditionFailure("the decoder threw something other than RPCError: \(error)")
  }
  checkRoundTrip(frames, role: role)
  return 0
}

/// Every decoded frame, encoded again, decodes to the same frame.
private func checkRoundTrip(_ frames: [Frame], role: FrameDecoder.Role) {
  guard !frames.isEmpty else { return }
  var encoder = FrameEncoder(maxFrameSize: 1 << 20)
  encoder.writePreface()
  do {
    for frame in frames {
      try encoder.write(frame)
    }
    var decoder = FrameDecoder(role: role, maxFrameSize: 1 << 20)
    decoder.append(contentsOf: encoder.bytes)
    var again: [Frame] = []
    while let frame = try decoder.next() {
      again.append(frame)
    }
    precondition(again == frames, "frames changed in a round trip: \(frames) became \(again)")
  } catch {
    preconditionFailure("decoded frames failed to encode and decode again: \(error) for \(frames)")
  }
}
