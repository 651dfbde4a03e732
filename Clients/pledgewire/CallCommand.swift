import ArgumentParser
import Foundation
import PledgewireClient

/// `pledgewire call METHOD '{json}'`: any method of the schema, grpcurl style. The request is read in the proto3 JSON
/// mapping through the generated types (``ServiceCatalog``) and the responses are printed the same way, one a line.
struct CallCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "call",
    abstract: "Call any method with a JSON request and print the responses as JSON, one a line.",
    discussion: """
      The request is the method's request message in the proto3 JSON mapping (lowerCamel or schema names, int64 as
      numbers or strings, enums by name): an argument, -d JSON, -d @FILE, or -d @- (or nothing) for standard input;
      no request at all sends the empty message. A client-streaming method reads one request a line (JSON lines).
      A server stream prints each response as it arrives, until it ends or is interrupted; it has a deadline only
      when --timeout (or PLEDGEWIRE_TIMEOUT, or the profile) sets one. Responses are JSON whatever --output says.
      `pledgewire services` lists the methods; `pledgewire describe METHOD` shows their messages.

      Examples:
        pledgewire call pledgewire.v1.PledgeService/GetPledge '{"id": 4}'
        pledgewire call PledgeService/ListPledges \\
          -d '{"filter": {"statuses": ["IN_PROGRESS"]}, "pageSize": 5}'
        pledgewire call WatchPledges -d '{}' --timeout 30
        pledgewire export actors | pledgewire call ActorService/ImportActors -d @-
      """
  )

  @Argument(help: "The method: pledgewire.v1.PledgeService/GetPledge, PledgeService/GetPledge or GetPledge.")
  var method: String

  @Argument(help: "The request as JSON (instead of -d).")
  var request: String?

  @Option(
    name: [.customShort("d"), .customLong("data")],
    help: ArgumentHelp("The request: JSON, @FILE, or @- for standard input.", valueName: "json|@file|@-"),
    completion: .file()
  )
  var data: String?

  @OptionGroup var options: ClientOptions

  func validate() throws {
    guard request == nil || data == nil else { throw ValidationError("give the request as an argument or with -d, not both") }
    _ = try MethodName.resolve(method)
  }

  func run() async throws {
    let method = try MethodName.resolve(method)
    guard let input = ServiceCatalog.messages[method.inputType], let output = ServiceCatalog.messages[method.outputType] else {
      throw ValidationError("METHOD: \(method.fullName) has no message types in this build's schema")
    }
    let (text, source) = try RequestText.read(argument: request, data: data)
    try await call(method, input, output, text, source)
  }

  private func call<Input: ProtobufMessage, Response: ProtobufMessage>(
    _ method: MethodDescriptor, _: Input.Type, _: Response.Type, _ text: String, _ source: String
  ) async throws {
    if method.isClientStreaming {
      // Every line is read before anything is sent, so that a bad line sends nothing.
      let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
      let requests: [Input] = try lines.enumerated().compactMap { number, line in
        line.trimmingCharacters(in: .whitespaces).isEmpty ? nil : try RequestText.decode(Input.self, line, "\(source), line \(number + 1)")
      }
      try await options.run { client, _ in
        let response = try await client.clientStreaming(method, returning: Response.self, options: options.callOptions) { writer in
          for request in requests {
            try await writer.send(request)
          }
        }
        print(response.jsonString())
      }
      return
    }
    let request = try RequestText.decode(Input.self, text, source)
    try await options.run { client, _ in
      if method.isServerStreaming {
        for try await response in client.serverStreaming(method, request, returning: Response.self, options: options.streamOptions) {
          print(response.jsonString())
          Terminal.flush()
        }
      } else {
        print(try await client.unary(method, request, returning: Response.self, options: options.callOptions).jsonString())
      }
    }
  }
}
