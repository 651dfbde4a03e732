import Foundation

/// The sanitizer this test process runs under, if any: `make test-asan` and `make test-tsan` build the tests and the
/// server beside them with the same one.
///
/// Tests that bound the server's resident memory or another client's latency scale their bounds by its factors: the
/// instrumented server does the same work with more memory (shadow memory, redzones) and more slowly. The plain build
/// asserts the real bounds.
public enum Sanitizer: Sendable {
  case address
  case thread

  /// Found at run time: each sanitizer's runtime exports its entry point from the test executable.
  public static let current: Sanitizer? = {
    let program = dlopen(nil, RTLD_NOW)
    defer { if let program { dlclose(program) } }
    if dlsym(program, "__tsan_init") != nil { return .thread }
    if dlsym(program, "__asan_init") != nil { return .address }
    return nil
  }()

  /// How many times the plain build's resident memory the instrumented server may use for the same work.
  public static var memoryFactor: Int {
    switch current {
    case .thread: 3
    case .address: 2
    case nil: 1
    }
  }

  /// How many times the plain build's latency the instrumented server may take.
  public static var timeFactor: Double {
    switch current {
    case .thread: 5
    case .address: 2
    case nil: 1
    }
  }
}
