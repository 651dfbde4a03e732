import ArgumentParser
import Foundation
import PledgewireClient

/// A request written as JSON on the command line (`call`, `bench --call`): an argument, `-d JSON`, `-d @FILE`, or
/// standard input, read into the method's request type through the proto3 JSON mapping.
enum RequestText {
  /// The request's text and what to call its source in an error ("-d", "REQUEST", "standard input"); empty when
  /// nothing was given and standard input is a terminal.
  static func read(argument: String?, data: String?) throws -> (text: String, source: String) {
    if let argument {
      return (argument, "REQUEST")
    }
    if let data, data != "@-" {
      guard data.hasPrefix("@") else { return (data, "-d") }
      let path = String(data.dropFirst())
      guard let contents = FileManager.default.contents(atPath: path) else { throw ValidationError("-d: cannot read \(path)") }
      return (String(decoding: contents, as: UTF8.self), "-d \(data)")
    }
    if data == nil && isatty(STDIN_FILENO) != 0 {
      return ("", "")
    }
    return (String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self), "standard input")
  }

  /// The message `text` holds ("{}" when blank); a usage error naming where it came from and the field otherwise.
  static func decode<Input: ProtobufMessage>(_: Input.Type, _ text: String, _ source: String) throws -> Input {
    let blank = text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
    do {
      return try Input(jsonString: blank ? "{}" : text)
    } catch let error as RPCError {
      throw ValidationError("\(source): \(error.message) (a \(Input.protoName) in the proto3 JSON mapping)")
    }
  }
}
