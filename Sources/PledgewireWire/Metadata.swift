/// Call metadata: ordered key-value pairs, sent in HEADERS and TRAILERS. Keys are lowercase ASCII `[0-9a-z_.-]`;
/// values are printable ASCII, or any bytes when the key ends in `-bin`. Keys may repeat.
public struct Metadata: Sendable, Hashable, ExpressibleByDictionaryLiteral, Sequence {
  /// The entries as they go on the wire.
  public private(set) var entries: [MetadataEntry]

  /// Metadata holding `entries`.
  public init(_ entries: [MetadataEntry] = []) {
    self.entries = entries
  }

  /// Metadata with text values: `["x-request-id": "r-1"]`.
  public init(dictionaryLiteral elements: (String, String)...) {
    self.entries = elements.map { MetadataEntry(key: $0.0, value: Array($0.1.utf8)) }
  }

  /// The first text value for `key`.
  public subscript(key: String) -> String? {
    entries.first { $0.key == key }.map { String(decoding: $0.value, as: UTF8.self) }
  }

  /// Every value for `key`, in order.
  public func values(for key: String) -> [[UInt8]] {
    entries.filter { $0.key == key }.map(\.value)
  }

  /// Appends a text value.
  public mutating func add(_ key: String, _ value: String) {
    entries.append(MetadataEntry(key: key, value: Array(value.utf8)))
  }

  /// Appends a binary value; `key` should end in "-bin".
  public mutating func add(_ key: String, bytes: [UInt8]) {
    entries.append(MetadataEntry(key: key, value: bytes))
  }

  /// Whether there are no entries.
  public var isEmpty: Bool { entries.isEmpty }

  /// Bytes of keys and values, the figure `max_metadata_size` limits.
  public var size: Int { entries.reduce(0) { $0 + $1.key.utf8.count + $1.value.count } }

  public func makeIterator() -> IndexingIterator<[MetadataEntry]> {
    entries.makeIterator()
  }

  /// Checks keys and values, and the total size against `maxSize`: `INVALID_ARGUMENT` or `RESOURCE_EXHAUSTED`.
  public func validate(maxSize: Int) throws {
    let total = size
    guard total <= maxSize else {
      throw RPCError(.resourceExhausted, "metadata of \(total) bytes exceeds the limit of \(maxSize) bytes")
    }
    for entry in entries {
      guard !entry.key.isEmpty, entry.key.utf8.allSatisfy(Self.isKeyByte) else {
        throw RPCError(.invalidArgument, "metadata key \"\(entry.key)\" is not lowercase [0-9a-z_.-]")
      }
      if !entry.key.hasSuffix("-bin") {
        guard entry.value.allSatisfy({ $0 >= 0x20 && $0 < 0x7f }) else {
          throw RPCError(.invalidArgument, "metadata value of \"\(entry.key)\" is not printable ASCII; use a -bin key")
        }
      }
    }
  }

  private static func isKeyByte(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
      UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."):
      true
    default:
      false
    }
  }
}
