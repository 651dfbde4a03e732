// swift-tools-version:5.4
// libFuzzer targets for Pledgewire's decoders and request path. Build them with scripts/fuzz (`make fuzz`), which
// passes the sanitizer flags: every module, Pledgewire's included, is then instrumented for coverage and
// AddressSanitizer. Each target is a library entry point (`LLVMFuzzerTestOneInput`); libFuzzer provides `main`.
// Tools version 5.4 on purpose: from 5.5 on, SwiftPM renames an executable's entry point (`<Target>_main`), which
// a target built with -parse-as-library does not have, and the link fails.
import PackageDescription

let package = Package(
  name: "PledgewireFuzz",
  dependencies: [.package(name: "Pledgewire", path: "../..")],
  targets: [
    // Bytes → frames: FrameDecoder, either role, fed in pieces.
    .executableTarget(
      name: "FuzzFrames",
      dependencies: [.product(name: "PledgewireWire", package: "Pledgewire")]
    ),
    // The first byte picks a message type (every generated message), the rest is decoded as it.
    .executableTarget(
      name: "FuzzMessages",
      dependencies: [.product(name: "PledgewireWire", package: "Pledgewire")]
    ),
    // A valid preface, then arbitrary bytes into the server's connection state machine with a few trivial handlers.
    .executableTarget(
      name: "FuzzRequestPath",
      dependencies: [
        .product(name: "PledgewireWire", package: "Pledgewire"),
        .product(name: "PledgewireServer", package: "Pledgewire"),
        .product(name: "PledgewireTransport", package: "Pledgewire"),
      ]
    ),
  ]
)
