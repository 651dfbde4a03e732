import PledgewireWire

/// libFuzzer entry point: the server's request path without I/O.
///
/// A valid preface goes first, then the input: its first byte sets the pace (bits 0–5: the size of the pieces the
/// rest arrives in, 1–64 bytes; bit 6: the client reads only half of the output after each piece; bit 7: 40 ms pass
/// between pieces), the rest is what the client sends — SETTINGS, HEADERS, MESSAGE, HALF_CLOSE, CANCEL, PING,
/// GOAWAY or garbage. ``FuzzConnection`` drives the server's connection state machine with it and plays the
/// handlers. Whatever the bytes, nothing traps and nothing grows past the connection's limits.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRequestPath(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  guard size > 0 else { return 0 }
  let pace = data[0]
  let pieceSize = Int(pace & 0x3f) + 1
  let bytes = UnsafeRawBufferPointer(start: data + 1, count: size - 1)
  var connection = FuzzConnection()
  var preface = FrameEncoder()
  preface.writePreface()
  preface.bytes.withUnsafeBytes { connection.receive($0) }
  var offset = 0
  while offset < bytes.count {
    let end = min(bytes.count, offset + pieceSize)
    connection.receive(UnsafeRawBufferPointer(rebasing: bytes[offset..<end]))
    offset = end
    connection.clientReads(all: pace & 0x40 == 0)
    if pace & 0x80 != 0 {
      connection.advance(by: 40_000_000)
    }
  }
  connection.finish()
  return 0
}
