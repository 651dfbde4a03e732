import Testing
@testable import PledgewireWire

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The seed corpus of the libFuzzer targets (Fuzz/corpus/<target>, run by `make fuzz`) is what these tests encode:
/// the golden conversation of docs/PROTOCOL.md §7, every message type fully populated, and a few calls of each
/// kind. When the schema or the frame format changes, the tests fail; regenerate the seeds with
/// `PLEDGEWIRE_WRITE_FUZZ_SEEDS=1 swift test --skip-build --filter FuzzSeedTests` and commit them.
@Suite("Fuzz seed corpus")
struct FuzzSeedTests {
  static let corpus = "/" + #filePath.split(separator: "/").dropLast(3).joined(separator: "/") + "/Fuzz/corpus"

  /// The message types in the order the `messages` fuzz target numbers them by its first byte.
  static let messageTypeNames: [String] = ServiceCatalog.messages.keys.sorted()

  @Test("the frames target's seeds: both golden conversations and every message as a MESSAGE frame")
  func frameSeeds() throws {
    let messages = try encode(
      [.settings(Settings())] + allPopulatedMessages.enumerated().compactMap { index, message in
        let bytes = message.serializedBytes()
        return bytes.count > 1_024 ? nil : .message(streamID: UInt32(2 * index + 1), bytes, endStream: false)
      }
    )
    // The first byte: bit 0 picks the role (0 server, 1 client), bits 1–7 the piece size less one.
    let clientToServer: [UInt8] = try GoldenFile.bytes("client-to-server.hex")
    let serverToClient: [UInt8] = try GoldenFile.bytes("server-to-client.hex")
    let seeds: [String: [UInt8]] = [
      "golden-client-to-server": [15 << 1] + clientToServer,
      "golden-server-to-client": [15 << 1 | 1] + serverToClient,
      "server-messages": [127 << 1 | 1] + messages,
    ]
    try check("frames", seeds)
  }

  @Test("the messages target's seeds: every message type with every field set, after its number")
  func messageSeeds() throws {
    var seeds: [String: [UInt8]] = [:]
    for message in allPopulatedMessages {
      let name = type(of: message).protoName
      let index = try #require(Self.messageTypeNames.firstIndex(of: name), "\(name) is not in ServiceCatalog.messages")
      seeds[name] = [UInt8(index)] + message.serializedBytes()
    }
    #expect(seeds.count == Self.messageTypeNames.count, "every message type has a seed")
    #expect(Self.messageTypeNames.count <= 256, "the first byte can name every type")
    try check("messages", seeds)
  }

  @Test("the request-path target's seeds: calls of every kind the fuzz router serves, after the preface")
  func requestPathSeeds() throws {
    let golden = Array(try GoldenFile.bytes("client-to-server.hex").dropFirst(WireProtocol.prefaceLength))
    let getActor = "/pledgewire.v1.ActorService/GetActor"
    let importActors = "/pledgewire.v1.ActorService/ImportActors"
    let watch = "/pledgewire.v1.PledgeService/WatchPledges"
    let settings = Frame.settings(Settings(maxFrameSize: 16_384, agent: "fuzz"))
    func call(_ id: UInt32, _ method: String, timeoutUs: UInt64 = 0) -> Frame {
      .requestHeaders(streamID: id, RequestHeaders(method: method, timeoutUs: timeoutUs), endStream: false)
    }
    let unary: [UInt8] = try encode([
      settings,
      call(1, getActor), .message(streamID: 1, GetActorRequest(id: 2).serializedBytes(), endStream: true),
      call(3, getActor), .message(streamID: 3, GetActorRequest(id: 3).serializedBytes(), endStream: true),
      call(5, getActor), .message(streamID: 5, GetActorRequest(id: 5).serializedBytes(), endStream: false),
      .halfClose(streamID: 5), .ping(9),
    ], preface: false)
    let importAndWatch: [UInt8] = try encode([
      settings,
      call(1, importActors, timeoutUs: 60_000_000),
      .message(streamID: 1, CreateActorRequest.populated().serializedBytes(), endStream: false),
      .message(streamID: 1, CreateActorRequest.populated().serializedBytes(), endStream: true),
      call(3, watch), .message(streamID: 3, WatchPledgesRequest().serializedBytes(), endStream: true),
    ], preface: false)
    let deadlineCancelGoAway: [UInt8] = try encode([
      settings,
      call(1, getActor, timeoutUs: 1_000),
      call(3, importActors), .cancel(streamID: 3, Cancel(errorCode: .cancel)),
      .goAway(GoAway()),
      .message(streamID: 1, GetActorRequest(id: 4).serializedBytes(), endStream: true),
    ], preface: false)
    // The first byte: bits 0–5 the piece size less one; bit 6 the client reads half; bit 7 time passes.
    let seeds: [String: [UInt8]] = [
      "golden": [63] + golden,
      "golden-slow-reader": [0xc0 | 7] + golden,
      "unary-calls": [31] + unary,
      "import-and-watch": [63] + importAndWatch,
      "deadline-cancel-goaway": [0x80 | 15] + deadlineCancelGoAway,
    ]
    try check("request-path", seeds)
  }

  /// Compares the committed seeds of `target` with `seeds`, or writes them when PLEDGEWIRE_WRITE_FUZZ_SEEDS=1.
  private func check(_ target: String, _ seeds: [String: [UInt8]]) throws {
    let directory = "\(Self.corpus)/\(target)"
    let write = getenv("PLEDGEWIRE_WRITE_FUZZ_SEEDS").map { String(cString: $0) } == "1"
    for (name, bytes) in seeds.sorted(by: { $0.key < $1.key }) {
      let path = "\(directory)/\(name)"
      if write {
        mkdir(directory, 0o755)
        let file = try #require(fopen(path, "wb"), "cannot write \(path)")
        _ = bytes.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, file) }
        fclose(file)
      } else {
        #expect(try Self.read(path) == bytes, "\(path) is stale: run PLEDGEWIRE_WRITE_FUZZ_SEEDS=1 swift test --skip-build --filter FuzzSeedTests")
      }
    }
  }

  private static func read(_ path: String) throws -> [UInt8]? {
    guard let file = fopen(path, "rb") else { return nil }
    defer { fclose(file) }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 4096)
    while true {
      let count = fread(&chunk, 1, chunk.count, file)
      if count <= 0 { break }
      bytes.append(contentsOf: chunk[0..<count])
    }
    return bytes
  }
}
