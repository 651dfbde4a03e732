/// The JSON key of a message field: its name in the schema ("canonical_name").
public struct ProtobufJSONKey: CodingKey, ExpressibleByStringLiteral {
  public let stringValue: String
  public var intValue: Int? { nil }

  public init(stringValue: String) {
    self.stringValue = stringValue
  }

  public init?(intValue: Int) {
    nil
  }

  public init(stringLiteral value: String) {
    self.stringValue = value
  }
}

extension ProtobufEnum {
  /// An enum value as JSON: its schema name without prefix, "IN_PROGRESS".
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(name)
  }
}
