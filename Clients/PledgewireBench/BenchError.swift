/// A harness problem for people: bad options, a server without data.
public struct BenchError: Error, CustomStringConvertible, Sendable {
  public let description: String

  public init(_ description: String) {
    self.description = description
  }
}
