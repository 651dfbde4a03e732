import ArgumentParser
import Foundation
import PledgewireClient

/// `pledgewire describe [SYMBOL]`: the server's schema, from `ReflectionService/GetDescriptors`, printed as proto.
struct DescribeCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "describe",
    abstract: "Print the server's schema from reflection: a service, a method with its messages, a message or an enum.",
    discussion: """
      Without a name, lists the services and their methods. Names may be full (pledgewire.v1.PledgeService,
      pledgewire.v1.PledgeService/GetPledge, pledgewire.v1.Pledge) or short (PledgeService, GetPledge, Pledge).

      Examples:
        pledgewire describe
        pledgewire describe PledgeService/CreatePledge
        pledgewire describe pledgewire.v1.PledgeStatus
      """
  )

  @Argument(help: "A service, method, message or enum.") var symbol: String?
  @OptionGroup var options: ClientOptions

  func run() async throws {
    try await options.run { client, _ in
      let response = try await client.reflection.getDescriptors(GetDescriptorsRequest(), options: options.callOptions)
      let schema: SchemaDescriptors
      do {
        schema = try SchemaDescriptors(fileDescriptorSet: response.fileDescriptorSet)
      } catch {
        throw RPCError(.internal, "the server's descriptor set does not decode")
      }
      guard let symbol else {
        for service in schema.services {
          print(service.fullName)
          for method in service.methods {
            print("  \(service.fullName)/\(method.name)")
          }
        }
        return
      }
      guard let text = SchemaText(schema: schema).describe(symbol) else {
        Output.standardError("error: SYMBOL: the server's schema has no service, method, message or enum \"\(symbol)\"")
        throw ExitCode(ExitStatus.usage.rawValue)
      }
      print(text, terminator: "")
    }
  }
}

/// Prints parts of a ``SchemaDescriptors`` in proto syntax, with their comments.
struct SchemaText {
  let schema: SchemaDescriptors

  /// The text for `symbol`, or nil when the schema has nothing of that name.
  func describe(_ symbol: String) -> String? {
    let name = symbol.hasPrefix(".") || symbol.hasPrefix("/") ? String(symbol.dropFirst()) : symbol
    if let service = schema.services.first(where: { matches($0.fullName, name) }) {
      return comment(service.comment, indent: "") + "service \(service.fullName) {\n"
        + service.methods.map { comment($0.comment, indent: "  ") + "  " + rpc($0) + "\n" }.joined() + "}\n"
    }
    for service in schema.services {
      for method in service.methods where matches("\(service.fullName)/\(method.name)", name) || matches("\(service.fullName).\(method.name)", name) || method.name == name {
        return comment(method.comment, indent: "") + "\(service.fullName)/\(method.name)\n  " + rpc(method) + "\n\n"
          + [method.inputType, method.outputType].compactMap { schema.messages[$0].map(message) }.joined(separator: "\n")
      }
    }
    if let found = schema.messages.values.filter({ matches($0.fullName, name) && !$0.isMapEntry }).min(by: { $0.fullName < $1.fullName }) {
      return message(found)
    }
    if let found = schema.enums.values.filter({ matches($0.fullName, name) }).min(by: { $0.fullName < $1.fullName }) {
      return comment(found.comment, indent: "") + "enum \(found.fullName) {\n"
        + found.values.map { "  \($0.name) = \($0.number);\n" }.joined() + "}\n"
    }
    return nil
  }

  /// Whether `fullName` is `name`, or ends in "." + `name`.
  private func matches(_ fullName: String, _ name: String) -> Bool {
    fullName == name || fullName.hasSuffix("." + name)
  }

  private func rpc(_ method: SchemaDescriptors.Method) -> String {
    let idempotency = [1: " // no side effects", 2: " // idempotent"][method.idempotency] ?? ""
    return "rpc \(method.name)(\(method.clientStreaming ? "stream " : "")\(method.inputType)) returns "
      + "(\(method.serverStreaming ? "stream " : "")\(method.outputType));" + idempotency
  }

  private func message(_ message: SchemaDescriptors.Message) -> String {
    comment(message.comment, indent: "") + "message \(message.fullName) {\n"
      + message.fields.map { comment($0.comment, indent: "  ") + "  \(fieldType($0)) \($0.name) = \($0.number);\n" }.joined() + "}\n"
  }

  private func fieldType(_ field: SchemaDescriptors.Field) -> String {
    if let entry = schema.messages[field.typeName], entry.isMapEntry, entry.fields.count == 2 {
      return "map<\(fieldType(entry.fields[0])), \(fieldType(entry.fields[1]))>"
    }
    let scalar = [
      1: "double", 2: "float", 3: "int64", 4: "uint64", 5: "int32", 6: "fixed64", 7: "fixed32", 8: "bool", 9: "string",
      12: "bytes", 13: "uint32", 15: "sfixed32", 16: "sfixed64", 17: "sint32", 18: "sint64",
    ][field.type] ?? field.typeName
    return (field.label == 3 ? "repeated " : "") + scalar
  }

  private func comment(_ text: String, indent: String) -> String {
    text.isEmpty ? "" : text.split(separator: "\n", omittingEmptySubsequences: false).map { "\(indent)//\($0.isEmpty ? "" : " ")\($0.trimmingCharacters(in: .whitespaces))\n" }.joined()
  }
}
