#if canImport(Glibc)
import Glibc
#endif
import ArgumentParser

/// The process environment.
struct Environment {
  subscript(name: String) -> String? {
    getenv(name).map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 }
  }

  func int(_ name: String) throws -> Int? {
    guard let text = self[name] else { return nil }
    guard let value = Int(text) else { throw ValidationError("\(name) must be an integer, not \"\(text)\"") }
    return value
  }

  func double(_ name: String) throws -> Double? {
    guard let text = self[name] else { return nil }
    guard let value = Double(text) else { throw ValidationError("\(name) must be a number, not \"\(text)\"") }
    return value
  }
}
