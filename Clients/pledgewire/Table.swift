/// An aligned text table. When it would be wider than the terminal, wrapping columns narrow first and their text
/// wraps at word boundaries onto further lines.
struct Table {
  let columns: [(title: String, wraps: Bool)]
  let rows: [[String]]
  var header = true

  func render(width: Int) -> String {
    let gap = 2
    var widths = columns.indices.map { index in
      max(header ? columns[index].title.count : 0, rows.map { Self.longestLine($0[index]) }.max() ?? 0)
    }
    let total = { widths.reduce(0, +) + gap * (widths.count - 1) }
    let wrapping = columns.indices.filter { columns[$0].wraps }
    // Narrow the widest wrapping column a character at a time, so that wrapping columns end up balanced.
    while total() > width, let widest = wrapping.max(by: { widths[$0] < widths[$1] }), widths[widest] > 20 {
      widths[widest] -= 1
    }
    var lines: [String] = []
    if header {
      lines.append(Self.line(columns.map(\.title), widths, gap))
      lines.append(Self.line(widths.map { String(repeating: "-", count: $0) }, widths, gap))
    }
    for row in rows {
      let cells = row.indices.map { Self.wrap(row[$0], width: widths[$0]) }
      for lineIndex in 0..<(cells.map(\.count).max() ?? 1) {
        lines.append(Self.line(cells.map { lineIndex < $0.count ? $0[lineIndex] : "" }, widths, gap))
      }
    }
    return lines.joined(separator: "\n")
  }

  private static func line(_ cells: [String], _ widths: [Int], _ gap: Int) -> String {
    var line = ""
    for (index, cell) in cells.enumerated() {
      let isLast = index == cells.count - 1
      line += isLast ? cell : cell + String(repeating: " ", count: max(0, widths[index] - cell.count + gap))
    }
    return line
  }

  private static func longestLine(_ text: String) -> Int {
    text.split(separator: "\n", omittingEmptySubsequences: false).map(\.count).max() ?? 0
  }

  /// Splits text into lines of at most `width` characters, at spaces where possible.
  static func wrap(_ text: String, width: Int) -> [String] {
    var lines: [String] = []
    for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
      var current = ""
      for word in paragraph.split(separator: " ", omittingEmptySubsequences: false) {
        var word = Substring(word)
        while word.count > width {
          if !current.isEmpty {
            lines.append(current)
            current = ""
          }
          lines.append(String(word.prefix(width)))
          word = word.dropFirst(width)
        }
        if current.isEmpty {
          current = String(word)
        } else if current.count + 1 + word.count <= width {
          current += " " + word
        } else {
          lines.append(current)
          current = String(word)
        }
      }
      lines.append(current)
    }
    return lines
  }
}
