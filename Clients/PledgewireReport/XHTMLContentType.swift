import Mustache

/// How the report templates escape text (their `{{% CONTENT_TYPE: XHTML}}` pragma): `< > & " '` as entities XML
/// knows, and the characters XML 1.0 forbids even escaped (U+0001–U+0008, U+000B, U+000C, U+000E–U+001F, U+FFFE,
/// U+FFFF) replaced with U+FFFD, so that text from any source keeps the document well-formed. Text with nothing to
/// escape — most of it — is returned after one pass over its UTF-8 bytes.
struct XHTMLContentType: MustacheContentType {
  static let name = "XHTML"

  func escapeText(_ text: String) -> String {
    let clean = text.utf8.allSatisfy { byte in
      byte >= 0x40 ? byte != 0xEF : byte >= 0x20 ? !(byte == 0x3C || byte == 0x3E || byte == 0x26 || byte == 0x22 || byte == 0x27) : (byte == 0x09 || byte == 0x0A || byte == 0x0D)
    }
    guard !clean else { return text }
    var escaped = String()
    escaped.reserveCapacity(text.utf8.count + 16)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "<": escaped += "&lt;"
      case ">": escaped += "&gt;"
      case "&": escaped += "&amp;"
      case "\"": escaped += "&quot;"
      case "'": escaped += "&#39;"
      case "\t", "\n", "\r": escaped.unicodeScalars.append(scalar)
      default:
        let forbidden = scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF
        escaped.unicodeScalars.append(forbidden ? "\u{FFFD}" : scalar)
      }
    }
    return escaped
  }
}
