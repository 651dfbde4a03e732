/// A weighted choice of operations: "get-actor=80,list-pledges=15,create-pledge=5", or one operation alone.
public struct Mix: Sendable, Hashable, CustomStringConvertible {
  public let weights: [(operation: Operation, weight: Int)]
  private let total: Int

  public init(_ weights: [(operation: Operation, weight: Int)]) {
    self.weights = weights
    self.total = weights.reduce(0) { $0 + $1.weight }
  }

  /// Parses "op=weight,op=weight" or a single operation name.
  public init(parsing text: String) throws {
    var weights: [(Operation, Int)] = []
    for part in text.split(separator: ",") {
      let pieces = part.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
      guard let operation = Operation(rawValue: pieces[0]), operation != .call else {
        throw BenchError("unknown operation \"\(pieces[0])\"; choose from \(Operation.mixable.map(\.rawValue).joined(separator: ", ")), or give --call METHOD")
      }
      var weight = 1
      if pieces.count == 2 {
        guard let value = Int(pieces[1]), value > 0 else {
          throw BenchError("the weight of \(pieces[0]) must be a positive whole number, not \"\(pieces[1])\"")
        }
        weight = value
      }
      guard !weights.contains(where: { $0.0 == operation }) else {
        throw BenchError("\(operation.rawValue) appears twice in the mix")
      }
      weights.append((operation, weight))
    }
    guard !weights.isEmpty else { throw BenchError("the mix is empty") }
    self.init(weights)
  }

  /// The operation for a uniform random number in 0..<total.
  public func pick(_ random: Int) -> Operation {
    var rest = random % total
    for (operation, weight) in weights {
      if rest < weight { return operation }
      rest -= weight
    }
    return weights[0].operation
  }

  public var operations: [Operation] { weights.map(\.operation) }

  public var description: String {
    weights.count == 1 ? weights[0].operation.rawValue : weights.map { "\($0.operation.rawValue)=\($0.weight)" }.joined(separator: ",")
  }

  public static func == (lhs: Mix, rhs: Mix) -> Bool { lhs.description == rhs.description }
  public func hash(into hasher: inout Hasher) { hasher.combine(description) }
}

import Foundation
