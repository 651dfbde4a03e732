import Foundation

/// A new, empty directory under the system's temporary directory; ``remove()`` deletes it with everything in it.
public struct TemporaryDirectory: Sendable {
  /// The directory.
  public let url: URL

  /// Creates `pledgewire-<label>-<uuid>`.
  public init(_ label: String) throws {
    url = FileManager.default.temporaryDirectory.appendingPathComponent("pledgewire-\(label)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  }

  /// The path of `name` inside the directory.
  public func path(_ name: String) -> String {
    url.appendingPathComponent(name).path
  }

  /// Deletes the directory and everything in it.
  public func remove() {
    try? FileManager.default.removeItem(at: url)
  }
}
