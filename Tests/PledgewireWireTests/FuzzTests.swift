import Testing
@testable import PledgewireWire

/// Seeded, reproducible fuzzing of the frame decoder and the protobuf-c message decoders. Every input must either
/// decode or throw an ``RPCError``; the loops are bounded, so a hang shows up as a failed iteration count; and the
/// decoder never holds more than one partial frame after draining.
@Suite("Fuzzing")
struct FuzzTests {
  static let maxFrameSize = 4096

  static func corpus() throws -> [(bytes: [UInt8], role: FrameDecoder.Role)] {
    let messageFrames = try encode(
      [.settings(Settings())] + allPopulatedMessages.prefix(40).enumerated().map { index, message in
        .message(streamID: UInt32(2 * index + 1), message.serializedBytes(), endStream: false)
      },
      preface: true
    )
    return [
      (try GoldenFile.bytes("client-to-server.hex"), .server),
      (try GoldenFile.bytes("server-to-client.hex"), .client),
      (messageFrames, .client),
    ]
  }

  static func mutate(_ input: [UInt8], _ rng: inout SeededGenerator) -> [UInt8] {
    var bytes = input
    for _ in 0..<Int.random(in: 1...4, using: &rng) where !bytes.isEmpty {
      let index = Int.random(in: 0..<bytes.count, using: &rng)
      switch Int.random(in: 0..<6, using: &rng) {
      case 0: bytes[index] ^= UInt8(1) << UInt8.random(in: 0..<8, using: &rng)
      case 1: bytes[index] = UInt8.random(in: 0...255, using: &rng)
      case 2: bytes.insert(UInt8.random(in: 0...255, using: &rng), at: index)
      case 3: bytes.remove(at: index)
      case 4: bytes.removeSubrange(index..<min(bytes.count, index + Int.random(in: 1...16, using: &rng)))
      default:
        // Overwrite four bytes with a random big-endian length: the most dangerous field.
        let length = UInt32.random(in: 0...UInt32.max, using: &rng)
        for offset in 0..<4 where index + offset < bytes.count {
          bytes[index + offset] = UInt8(truncatingIfNeeded: length >> (24 - 8 * offset))
        }
      }
    }
    return bytes
  }

  static func randomFrames(_ rng: inout SeededGenerator) throws -> [UInt8] {
    var bytes = try encode([.settings(Settings())])
    for _ in 0..<Int.random(in: 1...6, using: &rng) {
      let length = Int.random(in: 0...64, using: &rng)
      bytes += header(
        length: UInt32(length),
        type: UInt8.random(in: 0...9, using: &rng),
        flags: UInt8.random(in: 0...2, using: &rng),
        stream: UInt32.random(in: 0...3, using: &rng)
      )
      bytes += (0..<length).map { _ in UInt8.random(in: 0...255, using: &rng) }
    }
    return bytes
  }

  /// Feeds `bytes` in random pieces; returns how many frames decoded. Fails the test on anything but RPCError.
  @discardableResult
  static func decode(_ bytes: [UInt8], role: FrameDecoder.Role, _ rng: inout SeededGenerator) -> Int {
    var decoder = FrameDecoder(role: role, maxFrameSize: maxFrameSize)
    var frames = 0
    var start = 0
    do {
      while start < bytes.count {
        let end = min(bytes.count, start + Int.random(in: 1...512, using: &rng))
        decoder.append(contentsOf: bytes[start..<end])
        start = end
        var steps = 0
        while let frame = try decoder.next() {
          frames += 1
          steps += 1
          if steps > bytes.count {
            Issue.record("decoder did not stop after \(steps) frames from \(bytes.count) bytes")
            return frames
          }
          if case .message(_, let payload, _) = frame {
            #expect(payload.count <= maxFrameSize)
            decodeAsSomeMessage(payload, &rng)
          }
        }
        #expect(decoder.bufferedByteCount < WireProtocol.frameHeaderLength + maxFrameSize)
      }
    } catch is RPCError {
    } catch {
      Issue.record("decoder threw \(error), which is not an RPCError")
    }
    return frames
  }

  static func decodeAsSomeMessage(_ payload: [UInt8], _ rng: inout SeededGenerator) {
    let example = allPopulatedMessages[Int.random(in: 0..<allPopulatedMessages.count, using: &rng)]
    decodeAndReencode(example, payload)
  }

  /// Decodes `payload` as the message type of `example`; whatever decodes must survive a round trip.
  static func decodeAndReencode<M: ProtobufMessage>(_ example: M, _ payload: [UInt8]) {
    do {
      let message = try M(serializedBytes: payload)
      let again = try M(serializedBytes: message.serializedBytes())
      #expect(again == message)
    } catch is RPCError {
    } catch {
      Issue.record("\(M.protoName) decoding threw \(error), which is not an RPCError")
    }
  }

  @Test("100,000 random and mutated streams: errors, never a crash, a hang or an unbounded buffer")
  func frameDecoder() throws {
    var rng = SeededGenerator(seed: 0x5EED_0F_F1A6)
    let corpus = try Self.corpus()
    var decodedFrames = 0
    for iteration in 0..<100_000 {
      let input: [UInt8]
      let role: FrameDecoder.Role
      switch iteration % 4 {
      case 0:
        (input, role) = (try clientStream((0..<Int.random(in: 0...256, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) }), .server)
      case 1, 2:
        let seed = corpus[Int.random(in: 0..<corpus.count, using: &rng)]
        (input, role) = (Self.mutate(seed.bytes, &rng), seed.role)
      default:
        (input, role) = (try Self.randomFrames(&rng), Bool.random(using: &rng) ? .server : .client)
      }
      decodedFrames += Self.decode(input, role: role, &rng)
    }
    // The mutations must leave enough intact for the fuzzer to reach past the header checks.
    #expect(decodedFrames > 100_000)
  }

  @Test("50,000 mutated messages through protobuf-c: errors, never a crash")
  func messageDecoders() {
    var rng = SeededGenerator(seed: 0xC0DE_C)
    let encoded = allPopulatedMessages.map { $0.serializedBytes() }
    for _ in 0..<50_000 {
      let index = Int.random(in: 0..<encoded.count, using: &rng)
      Self.decodeMutated(allPopulatedMessages[index], Self.mutate(encoded[index], &rng))
    }
  }

  static func decodeMutated<M: ProtobufMessage>(_: M, _ bytes: [UInt8]) {
    do {
      _ = try M(serializedBytes: bytes)
    } catch is RPCError {
    } catch {
      Issue.record("\(M.protoName) decoding threw \(error), which is not an RPCError")
    }
  }
}
