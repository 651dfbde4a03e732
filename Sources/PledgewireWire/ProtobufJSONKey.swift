/// The JSON key of a message field: its lowerCamelCase JSON name ("canonicalName"), or its schema name when read.
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
