import ArgumentParser
import Foundation
import PledgewireClient

/// `--json-input FILE|-`: the record a create command sends, in the proto3 JSON mapping (what `--json` and
/// `pledgewire export` print), instead of the command's record flags.
struct JSONInput: ParsableArguments {
  @Option(
    name: .customLong("json-input"),
    help: ArgumentHelp("The record as JSON (proto3 mapping) from FILE, or - for standard input, instead of the flags.", valueName: "file|-"),
    completion: .file()
  )
  var path: String?

  /// The record, or nil without --json-input; a usage error naming --json-input (and the field) when it does not read.
  func read<Record: ProtobufMessage>(_: Record.Type) throws -> Record? {
    guard let path else { return nil }
    let data: Data
    if path == "-" {
      data = FileHandle.standardInput.readDataToEndOfFile()
    } else {
      guard let contents = FileManager.default.contents(atPath: path) else { throw ValidationError("--json-input: cannot read \(path)") }
      data = contents
    }
    do {
      return try Record(jsonUTF8: Array(data))
    } catch let error as RPCError {
      throw ValidationError("--json-input: \(error.message) (a \(Record.protoName) in the proto3 JSON mapping)")
    }
  }

  /// A usage error when --json-input and record flags are both given.
  func exclude(_ flags: [String: Bool]) throws {
    guard path != nil else { return }
    let given = flags.filter(\.value).keys.sorted()
    guard given.isEmpty else { throw ValidationError("--json-input: give the record as JSON or with \(given.joined(separator: ", ")), not both") }
  }
}
