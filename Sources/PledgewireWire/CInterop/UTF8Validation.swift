/// A UTF-8 validator for wire bytes: rejects overlong forms, surrogates, code points past U+10FFFF, and U+0000.
enum UTF8Validation {
  static func isValidWithoutNUL(_ bytes: UnsafeRawBufferPointer) -> Bool {
    let count = bytes.count
    var index = 0
    while index < count {
      // Eight ASCII bytes at a time, none of them zero.
      if index + 8 <= count {
        let word = bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self)
        let hasZeroByte = (word &- 0x0101_0101_0101_0101) & ~word & 0x8080_8080_8080_8080
        if word & 0x8080_8080_8080_8080 == 0 && hasZeroByte == 0 {
          index += 8
          continue
        }
      }
      let lead = bytes[index]
      if lead < 0x80 {
        guard lead != 0 else { return false }
        index += 1
        continue
      }
      let length: Int
      var low: UInt8 = 0x80
      var high: UInt8 = 0xbf
      switch lead {
      case 0xc2...0xdf: length = 2
      case 0xe0: length = 3; low = 0xa0
      case 0xe1...0xec, 0xee...0xef: length = 3
      case 0xed: length = 3; high = 0x9f
      case 0xf0: length = 4; low = 0x90
      case 0xf1...0xf3: length = 4
      case 0xf4: length = 4; high = 0x8f
      default: return false
      }
      guard index + length <= count else { return false }
      let second = bytes[index + 1]
      guard second >= low && second <= high else { return false }
      for offset in 2..<max(length, 2) {
        guard bytes[index + offset] & 0xc0 == 0x80 else { return false }
      }
      index += length
    }
    return true
  }
}
