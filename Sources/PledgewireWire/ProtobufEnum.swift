/// An enum of Protos/. Values the schema does not know survive a round trip as `unrecognized`.
public protocol ProtobufEnum: Sendable, Hashable, CaseIterable, RawRepresentable where RawValue == Int32 {
  /// The value for a wire number; unknown numbers give `unrecognized`.
  init(rawValue: Int32)
  /// The value's schema name without the enum's prefix: "NOT_FOUND", "IN_PROGRESS".
  var name: String { get }
}

extension ProtobufEnum {
  /// The known value with this name, ignoring case and treating "-" as "_": "in-progress", "IN_PROGRESS".
  public init?(name: String) {
    let wanted = String(name.uppercased().map { $0 == "-" ? "_" : $0 })
    guard let match = Self.allCases.first(where: { $0.name == wanted }) else { return nil }
    self = match
  }

  /// Whether the schema knows this value.
  public var isKnown: Bool {
    Self.allCases.contains(self)
  }
}
