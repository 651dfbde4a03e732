/// Reads the golden vectors under Tests/PledgewireWireTests/Golden, which docs/PROTOCOL.md quotes.
enum GoldenFile {
  static func bytes(_ name: String) throws -> [UInt8] {
    let directory = String(#filePath.split(separator: "/").dropLast(2).joined(separator: "/"))
    let path = "/\(directory)/Golden/\(name)"
    guard let file = fopen(path, "r") else {
      throw GoldenFileError(path: path)
    }
    defer { fclose(file) }
    var text: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 4096)
    while true {
      let count = fread(&chunk, 1, chunk.count, file)
      if count <= 0 { break }
      text.append(contentsOf: chunk[0..<count])
    }
    return Hex.parse(String(decoding: text, as: UTF8.self))
  }
}

struct GoldenFileError: Error {
  let path: String
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
