/// Hex dumps for golden vectors: two hex digits a byte; whitespace and `#` comments are ignored.
enum Hex {
  static func parse(_ text: String) -> [UInt8] {
    var bytes: [UInt8] = []
    var pending: UInt8?
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      for character in line.prefix(while: { $0 != "#" }) where !character.isWhitespace {
        let nibble = UInt8(character.hexDigitValue!)
        if let high = pending {
          bytes.append(high << 4 | nibble)
          pending = nil
        } else {
          pending = nibble
        }
      }
    }
    precondition(pending == nil, "odd number of hex digits")
    return bytes
  }

  static func format(_ bytes: [UInt8]) -> String {
    bytes.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined(separator: " ")
  }
}
