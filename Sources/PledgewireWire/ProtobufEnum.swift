/// An enum of Protos/. Values the schema does not know survive a round trip as `unrecognized`.
public protocol ProtobufEnum: Sendable, Hashable, CaseIterable, RawRepresentable, Codable where RawValue == Int32 {
  /// The value for a wire number; unknown numbers give `unrecognized`.
  init(rawValue: Int32)
  /// The value's schema name without the enum's prefix: "NOT_FOUND", "IN_PROGRESS".
  var name: String { get }
  /// What every value name of the enum starts with in the schema: "PLEDGE_STATUS_".
  static var namePrefix: String { get }
}

extension ProtobufEnum {
  /// The known value with this name, ignoring case and treating "-" as "_", with or without the enum's prefix:
  /// "in-progress", "IN_PROGRESS", "PLEDGE_STATUS_IN_PROGRESS".
  public init?(name: String) {
    var wanted = String(name.uppercased().map { $0 == "-" ? "_" : $0 })
    if !Self.namePrefix.isEmpty && wanted.hasPrefix(Self.namePrefix) {
      wanted.removeFirst(Self.namePrefix.count)
    }
    guard let match = Self.allCases.first(where: { $0.name == wanted }) else { return nil }
    self = match
  }

  /// The value's full name in the schema, "PLEDGE_STATUS_IN_PROGRESS"; the number for an unknown value.
  public var schemaName: String {
    isKnown ? Self.namePrefix + name : String(rawValue)
  }

  /// Whether the schema knows this value.
  public var isKnown: Bool {
    Self.allCases.contains(self)
  }

  /// An enum value in the proto3 JSON mapping: its full schema name, or its number when the schema does not know it.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    if isKnown {
      try container.encode(schemaName)
    } else {
      try container.encode(rawValue)
    }
  }

  /// Reads a full or short schema name, or a number.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    if let number = try? container.decode(Int32.self) {
      self.init(rawValue: number)
    } else if let name = try? container.decode(String.self), let value = Self(name: name) {
      self = value
    } else {
      let choices = Self.allCases.map(\.schemaName).joined(separator: ", ")
      throw DecodingError.dataCorruptedError(in: container, debugDescription: "must be one of \(choices)")
    }
  }
}
