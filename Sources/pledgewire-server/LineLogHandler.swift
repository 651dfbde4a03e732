import Logging

#if canImport(Glibc)
import Glibc
#endif

/// A swift-log handler writing one line per entry to standard error, as text or as JSON.
struct LineLogHandler: LogHandler {
  enum Format: String, CaseIterable, Sendable {
    case text
    case json
  }

  let label: String
  let format: Format
  var logLevel: Logger.Level
  var metadata: Logger.Metadata = [:]

  subscript(metadataKey key: String) -> Logger.Metadata.Value? {
    get { metadata[key] }
    set { metadata[key] = newValue }
  }

  func log(event: LogEvent) {
    var merged = metadata
    if let extra = event.metadata {
      merged.merge(extra) { $1 }
    }
    let line: String
    switch format {
    case .text:
      let fields = merged.keys.sorted().map { "\($0)=\(merged[$0]!)" }.joined(separator: " ")
      line = "\(Self.timestamp()) \(event.level.rawValue.uppercased()) \(event.message)\(fields.isEmpty ? "" : " " + fields)\n"
    case .json:
      var object = [
        "\"time\":\(Self.quoted(Self.timestamp()))",
        "\"level\":\(Self.quoted(event.level.rawValue))",
        "\"logger\":\(Self.quoted(label))",
        "\"message\":\(Self.quoted("\(event.message)"))",
      ]
      for key in merged.keys.sorted() {
        object.append("\(Self.quoted(key)):\(Self.quoted("\(merged[key]!)"))")
      }
      line = "{\(object.joined(separator: ","))}\n"
    }
    var bytes = Array(line.utf8)
    _ = bytes.withUnsafeMutableBytes { write(2, $0.baseAddress, $0.count) }
  }

  static func timestamp() -> String {
    var time = timespec()
    clock_gettime(CLOCK_REALTIME, &time)
    var parts = tm()
    var seconds = time.tv_sec
    gmtime_r(&seconds, &parts)
    func pad(_ value: Int32, _ width: Int) -> String {
      let text = String(value)
      return String(repeating: "0", count: max(0, width - text.count)) + text
    }
    return "\(pad(parts.tm_year + 1900, 4))-\(pad(parts.tm_mon + 1, 2))-\(pad(parts.tm_mday, 2))T"
      + "\(pad(parts.tm_hour, 2)):\(pad(parts.tm_min, 2)):\(pad(parts.tm_sec, 2)).\(pad(Int32(time.tv_nsec / 1_000_000), 3))Z"
  }

  static func quoted(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case _ where scalar.value < 0x20:
        let hex = String(scalar.value, radix: 16)
        out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out + "\""
  }
}
