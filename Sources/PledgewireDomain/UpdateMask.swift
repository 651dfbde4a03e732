import PledgewireWire

/// The checks every Update call makes of its request: the version read, and an update mask that names only fields
/// the call may change.
enum UpdateMask {
  /// Throws INVALID_ARGUMENT naming the field when `version` is unset or a path of `mask` is not in `allowed`.
  static func check(version: Int64, record: String, mask: [String], allowed: [String], method: String, hint: String = "") throws {
    guard version > 0 else {
      throw RPCError.invalidArgument(field: "\(record).version", "is required: the version you read, for optimistic concurrency")
    }
    for (index, path) in mask.enumerated() where !allowed.contains(path) {
      throw RPCError.invalidArgument(
        field: "update_mask[\(index)]",
        "\"\(path)\" is not a field \(method) can change (\(allowed.joined(separator: ", ")))\(hint)"
      )
    }
  }
}
