// Codec micro-benchmarks: encode and decode of a typical Pledge, and of a whole unary call's frames.
//
//   pledgewire-codec-bench [--iterations N] [--runs N] [--only TEXT] [--json]
//   pledgewire-codec-bench --leak-check      every conversion path, error paths included, for valgrind
//
// Prints ns per operation, the median of --runs timed runs (default 7) of --iterations operations each.
import PledgewireWire

#if canImport(Glibc)
import Glibc
#endif

/// A pledge as the sample data has them: three parties, a condition, an amount, a quote, a history entry.
let typicalPledge = Pledge(
  id: 1_042,
  parties: [
    PledgeParty(actorID: 12, role: .maker),
    PledgeParty(actorID: 14, role: .maker),
    PledgeParty(actorID: 3, role: .beneficiary),
  ],
  action: "Deploy British and French troops to Ukraine to help keep the peace",
  category: .troopDeployment,
  modality: .offer,
  condition: Condition(text: "if a peace agreement is reached", state: .pending),
  amount: Money(amount: "1600000000", currency: "GBP", qualifier: .exact),
  madeAtMs: 1_740_873_600_000,
  status: .announced,
  evidence: [
    Evidence(
      id: 9_001, articleID: 77,
      quote: "Starmer and Macron said they were willing to deploy British and French troops to Ukraine to help maintain peace if an agreement is reached.",
      range: TextRange(start: 1_804, end: 1_941), stance: .announces, addedAtMs: 1_740_900_000_000
    ),
  ],
  history: [StatusChange(fromStatus: .unspecified, toStatus: .announced, atMs: 1_740_873_600_000, note: "created")],
  version: 3,
  createdAtMs: 1_740_900_000_000,
  updatedAtMs: 1_740_900_000_000
)

let actor = Actor(
  id: 42, kind: .person, canonicalName: "Keir Starmer", aliases: ["Starmer", "Sir Keir Starmer"],
  role: "Prime Minister of the United Kingdom", countryCode: "GBR",
  affiliations: [Affiliation(actorID: 1, kind: .officialOf)],
  externalIDs: [ExternalId(scheme: "wikidata", value: "Q6384843")], version: 1
)

let headers = RequestHeaders(method: ActorService.GetActor.descriptor.fullName, timeoutUs: 5_000_000)

struct Options {
  var iterations = 200_000
  var runs = 7
  var json = false
  var leakCheck = false
  var only: String?
}

func parseOptions() -> Options {
  var options = Options()
  var arguments = CommandLine.arguments.dropFirst()
  while let argument = arguments.popFirst() {
    switch argument {
    case "--iterations": options.iterations = Int(arguments.popFirst() ?? "") ?? options.iterations
    case "--runs": options.runs = Int(arguments.popFirst() ?? "") ?? options.runs
    case "--json": options.json = true
    case "--only": options.only = arguments.popFirst()
    case "--leak-check": options.leakCheck = true
    default:
      print("usage: pledgewire-codec-bench [--iterations N] [--runs N] [--only TEXT] [--json] [--leak-check]")
      exit(argument == "--help" ? 0 : 2)
    }
  }
  return options
}

func now() -> UInt64 {
  var time = timespec()
  clock_gettime(CLOCK_MONOTONIC, &time)
  return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
}

/// Keeps a result alive so the optimizer cannot drop the work.
@inline(never)
func consume<T>(_ value: T) {
  withExtendedLifetime(value) {}
}

struct Benchmark {
  let name: String
  let body: (Int) throws -> Void
}

let pledgeBytes = typicalPledge.serializedBytes()

/// The client's bytes for one unary GetActor call, and the server's answer.
func unaryRequestFrames(stream: UInt32, into encoder: inout FrameEncoder) throws {
  try encoder.write(.requestHeaders(streamID: stream, headers, endStream: false))
  try encoder.writeMessage(GetActorRequest(id: 42), streamID: stream, endStream: true)
}

func unaryResponseFrames(stream: UInt32, into encoder: inout FrameEncoder) throws {
  try encoder.writeMessage(actor, streamID: stream)
  try encoder.write(.trailers(streamID: stream, Trailers(code: .ok)))
}

func makeOpenDecoder(role: FrameDecoder.Role) throws -> FrameDecoder {
  var encoder = FrameEncoder()
  encoder.writePreface()
  try encoder.write(.settings(Settings()))
  var decoder = FrameDecoder(role: role)
  decoder.append(contentsOf: encoder.bytes)
  _ = try decoder.next()
  return decoder
}

let benchmarks: [Benchmark] = [
  Benchmark(name: "Pledge encode") { iterations in
    var buffer: [UInt8] = []
    buffer.reserveCapacity(1024)
    for _ in 0..<iterations {
      buffer.removeAll(keepingCapacity: true)
      typicalPledge.serialize(into: &buffer)
    }
    consume(buffer)
  },
  Benchmark(name: "Pledge decode") { iterations in
    try pledgeBytes.withUnsafeBytes { bytes in
      for _ in 0..<iterations {
        consume(try Pledge(serializedBytes: bytes))
      }
    }
  },
  Benchmark(name: "Pledge encode+decode") { iterations in
    var buffer: [UInt8] = []
    for _ in 0..<iterations {
      buffer.removeAll(keepingCapacity: true)
      typicalPledge.serialize(into: &buffer)
      consume(try Pledge(serializedBytes: buffer))
    }
  },
  Benchmark(name: "unary request frames encode+decode") { iterations in
    var encoder = FrameEncoder()
    var decoder = try makeOpenDecoder(role: .server)
    for index in 0..<iterations {
      let stream = UInt32(2 * (index % 1_000_000) + 1)
      try unaryRequestFrames(stream: stream, into: &encoder)
      decoder.append(contentsOf: encoder.bytes)
      encoder.removeAll()
      while let frame = try decoder.next() {
        if case .message(_, let payload, _) = frame {
          consume(try GetActorRequest(serializedBytes: payload))
        }
      }
    }
  },
  Benchmark(name: "unary response frames encode+decode") { iterations in
    var encoder = FrameEncoder()
    var decoder = try makeOpenDecoder(role: .client)
    for index in 0..<iterations {
      try unaryResponseFrames(stream: UInt32(2 * (index % 1_000_000) + 1), into: &encoder)
      decoder.append(contentsOf: encoder.bytes)
      encoder.removeAll()
      while let frame = try decoder.next() {
        if case .message(_, let payload, _) = frame {
          consume(try Actor(serializedBytes: payload))
        }
      }
    }
  },
]

/// Runs every conversion path, the failing ones included, so valgrind can look for leaks.
@MainActor
func leakCheck() throws {
  for _ in 0..<10 {
    for benchmark in benchmarks {
      try benchmark.body(3)
    }
    let bad: [[UInt8]] = [
      Array(pledgeBytes.dropLast(5)),            // truncated: protobuf-c fails midway through unpacking
      [0x1a, 0x02, 0xff, 0xfe],                  // invalid UTF-8
      pledgeBytes + [0x1a, 0x02, 0x41, 0x00],    // U+0000 after a valid message
      [0x0b],                                    // group wire type
      pledgeBytes + [0x12, 0x05, 0x08],          // a party cut short after valid fields
    ]
    for bytes in bad {
      _ = try? Pledge(serializedBytes: bytes)
      _ = try? Actor(serializedBytes: bytes)
    }
    let big = Article(body: String(repeating: "Zelensky Зеленський ", count: 300))  // past the arena's stack block
    consume(try Article(serializedBytes: big.serializedBytes()))
    var decoder = FrameDecoder(role: .server)
    decoder.append(contentsOf: Array("GET / HTTP/1.1\r\n".utf8))
    _ = try? decoder.next()
  }
  print("leak check: every conversion path ran")
}

let options = parseOptions()
if options.leakCheck {
  try leakCheck()
  exit(0)
}

var results: [(name: String, nanoseconds: Double)] = []
for benchmark in benchmarks where options.only.map(benchmark.name.contains) ?? true {
  try benchmark.body(options.iterations / 10)  // warm-up
  var samples: [Double] = []
  for _ in 0..<options.runs {
    let start = now()
    try benchmark.body(options.iterations)
    samples.append(Double(now() - start) / Double(options.iterations))
  }
  samples.sort()
  results.append((benchmark.name, samples[samples.count / 2]))
}

if options.json {
  let fields = results.map { "\"\($0.name)\": \((($0.nanoseconds * 10).rounded() / 10))" }
  print("{\"unit\": \"ns/op\", \"pledge_bytes\": \(pledgeBytes.count), \(fields.joined(separator: ", "))}")
} else {
  print("operation                               ns/op      ops/s")
  for (name, nanoseconds) in results {
    let tenths = Int((nanoseconds * 10).rounded())
    let perSecond = Int(1e9 / nanoseconds)
    print("\(name.rightPadded(36)) \("\(tenths / 10).\(tenths % 10)".leftPadded(8)) \(String(perSecond).leftPadded(10))")
  }
  print("(typical Pledge: \(pledgeBytes.count) bytes on the wire; median of \(options.runs) runs × \(options.iterations))")
}

extension String {
  func rightPadded(_ width: Int) -> String {
    self + String(repeating: " ", count: max(0, width - count))
  }

  func leftPadded(_ width: Int) -> String {
    String(repeating: " ", count: max(0, width - count)) + self
  }
}
