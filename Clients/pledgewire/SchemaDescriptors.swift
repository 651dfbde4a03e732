import Foundation

/// The schema a server serves through `ReflectionService/GetDescriptors` (a `google.protobuf.FileDescriptorSet`),
/// read into what `pledgewire describe` prints: messages, enums and services by full name, with their comments.
struct SchemaDescriptors {
  struct Field {
    var name = ""
    var number = 0
    var label = 1
    var type = 0
    var typeName = ""
    var comment = ""
  }

  struct Message {
    var fullName = ""
    var fields: [Field] = []
    var isMapEntry = false
    var comment = ""
  }

  struct EnumType {
    var fullName = ""
    var values: [(name: String, number: Int)] = []
    var comment = ""
  }

  struct Method {
    var name = ""
    var inputType = ""
    var outputType = ""
    var clientStreaming = false
    var serverStreaming = false
    /// MethodOptions.idempotency_level: 0 unknown, 1 NO_SIDE_EFFECTS, 2 IDEMPOTENT.
    var idempotency = 0
    var comment = ""
  }

  struct Service {
    var fullName = ""
    var methods: [Method] = []
    var comment = ""
  }

  var messages: [String: Message] = [:]
  var enums: [String: EnumType] = [:]
  var services: [Service] = []

  /// Reads a serialized FileDescriptorSet; throws ``ProtoWireReader/Malformed`` when it is not one.
  init(fileDescriptorSet bytes: [UInt8]) throws {
    var set = ProtoWireReader(bytes[...])
    while let (number, value) = try set.next() {
      if number == 1 { try readFile(value.bytes) }
    }
  }

  private mutating func readFile(_ bytes: ArraySlice<UInt8>) throws {
    var package = ""
    var messageBytes: [ArraySlice<UInt8>] = []
    var enumBytes: [ArraySlice<UInt8>] = []
    var serviceBytes: [ArraySlice<UInt8>] = []
    var comments: [[Int]: String] = [:]
    var file = ProtoWireReader(bytes)
    while let (number, value) = try file.next() {
      switch number {
      case 2: package = value.string
      case 4: messageBytes.append(value.bytes)
      case 5: enumBytes.append(value.bytes)
      case 6: serviceBytes.append(value.bytes)
      case 9: comments = try Self.comments(value.bytes)
      default: break
      }
    }
    for (index, message) in messageBytes.enumerated() {
      try readMessage(message, scope: package, path: [4, index], comments)
    }
    for (index, enumType) in enumBytes.enumerated() {
      try readEnum(enumType, scope: package, path: [5, index], comments)
    }
    for (index, serviceData) in serviceBytes.enumerated() {
      var service = Service()
      var reader = ProtoWireReader(serviceData)
      var methodIndex = 0
      while let (number, value) = try reader.next() {
        if number == 1 { service.fullName = package + "." + value.string }
        if number == 2 {
          var method = try Self.method(value.bytes)
          method.comment = comments[[6, index, 2, methodIndex]] ?? ""
          service.methods.append(method)
          methodIndex += 1
        }
      }
      service.comment = comments[[6, index]] ?? ""
      services.append(service)
    }
  }

  private mutating func readMessage(_ bytes: ArraySlice<UInt8>, scope: String, path: [Int], _ comments: [[Int]: String]) throws {
    var message = Message(comment: comments[path] ?? "")
    var nested: [ArraySlice<UInt8>] = []
    var nestedEnums: [ArraySlice<UInt8>] = []
    var reader = ProtoWireReader(bytes)
    while let (number, value) = try reader.next() {
      switch number {
      case 1: message.fullName = scope + "." + value.string
      case 2:
        var field = try Self.field(value.bytes)
        field.comment = comments[path + [2, message.fields.count]] ?? ""
        message.fields.append(field)
      case 3: nested.append(value.bytes)
      case 4: nestedEnums.append(value.bytes)
      case 7:
        var options = ProtoWireReader(value.bytes)
        while let (option, flag) = try options.next() {
          if option == 7 { message.isMapEntry = flag.integer != 0 }
        }
      default: break
      }
    }
    messages[message.fullName] = message
    for (index, data) in nested.enumerated() {
      try readMessage(data, scope: message.fullName, path: path + [3, index], comments)
    }
    for (index, data) in nestedEnums.enumerated() {
      try readEnum(data, scope: message.fullName, path: path + [4, index], comments)
    }
  }

  private mutating func readEnum(_ bytes: ArraySlice<UInt8>, scope: String, path: [Int], _ comments: [[Int]: String]) throws {
    var enumType = EnumType(comment: comments[path] ?? "")
    var reader = ProtoWireReader(bytes)
    while let (number, value) = try reader.next() {
      if number == 1 { enumType.fullName = scope + "." + value.string }
      if number == 2 {
        var name = ""
        var valueNumber = 0
        var valueReader = ProtoWireReader(value.bytes)
        while let (field, fieldValue) = try valueReader.next() {
          if field == 1 { name = fieldValue.string }
          if field == 2 { valueNumber = Int(Int32(truncatingIfNeeded: fieldValue.integer)) }
        }
        enumType.values.append((name, valueNumber))
      }
    }
    enums[enumType.fullName] = enumType
  }

  private static func field(_ bytes: ArraySlice<UInt8>) throws -> Field {
    var field = Field()
    var reader = ProtoWireReader(bytes)
    while let (number, value) = try reader.next() {
      switch number {
      case 1: field.name = value.string
      case 3: field.number = Int(value.integer)
      case 4: field.label = Int(value.integer)
      case 5: field.type = Int(value.integer)
      case 6: field.typeName = String(value.string.drop { $0 == "." })
      default: break
      }
    }
    return field
  }

  private static func method(_ bytes: ArraySlice<UInt8>) throws -> Method {
    var method = Method()
    var reader = ProtoWireReader(bytes)
    while let (number, value) = try reader.next() {
      switch number {
      case 1: method.name = value.string
      case 2: method.inputType = String(value.string.drop { $0 == "." })
      case 3: method.outputType = String(value.string.drop { $0 == "." })
      case 4:
        var options = ProtoWireReader(value.bytes)
        while let (option, level) = try options.next() {
          if option == 34 { method.idempotency = Int(level.integer) }
        }
      case 5: method.clientStreaming = value.integer != 0
      case 6: method.serverStreaming = value.integer != 0
      default: break
      }
    }
    return method
  }

  /// SourceCodeInfo's leading comments (else trailing) by the path of what they describe.
  private static func comments(_ bytes: ArraySlice<UInt8>) throws -> [[Int]: String] {
    var comments: [[Int]: String] = [:]
    var info = ProtoWireReader(bytes)
    while let (number, value) = try info.next() {
      guard number == 1 else { continue }
      var path: [Int] = []
      var leading = ""
      var trailing = ""
      var location = ProtoWireReader(value.bytes)
      while let (field, fieldValue) = try location.next() {
        if field == 1 { path += fieldValue.integers }
        if field == 3 { leading = fieldValue.string }
        if field == 4 { trailing = fieldValue.string }
      }
      let text = (leading.isEmpty ? trailing : leading).trimmingCharacters(in: .whitespacesAndNewlines)
      if !text.isEmpty { comments[path] = text }
    }
    return comments
  }
}
