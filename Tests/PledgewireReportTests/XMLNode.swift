import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// A report parsed by a real XML parser (libxml2 through Foundation's XMLParser): parsing fails on anything that is
/// not well-formed, so a report that parses is well-formed XHTML.
final class XMLNode {
  let name: String
  let attributes: [String: String]
  /// Text and child elements, in document order.
  var content: [Content] = []
  weak var parent: XMLNode?

  enum Content {
    case text(String)
    case element(XMLNode)
  }

  var children: [XMLNode] {
    content.compactMap { if case .element(let node) = $0 { node } else { nil } }
  }

  init(name: String, attributes: [String: String]) {
    self.name = name
    self.attributes = attributes
  }

  struct ParseError: Error, CustomStringConvertible {
    let description: String
  }

  /// The document's root element; throws with the parser's line and column when the text is not well-formed.
  static func parse(_ text: String) throws -> XMLNode {
    let builder = Builder()
    let parser = XMLParser(data: Data(text.utf8))
    parser.delegate = builder
    guard parser.parse(), let root = builder.root else {
      let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
      let line = parser.lineNumber > 0 && parser.lineNumber <= lines.count ? String(lines[parser.lineNumber - 1].prefix(300)) : ""
      throw ParseError(description: "not well-formed at \(parser.lineNumber):\(parser.columnNumber): \(parser.parserError.map { "\($0)" } ?? "?")\n\(line)")
    }
    return root
  }

  /// This element and every element below it, in document order.
  var all: [XMLNode] {
    [self] + children.flatMap(\.all)
  }

  /// The elements below named `name` whose class list has every one of `classes`.
  func elements(_ name: String? = nil, classes: String...) -> [XMLNode] {
    all.filter { node in
      (name == nil || node.name == name) && classes.allSatisfy { node.classes.contains($0) }
    }
  }

  var classes: Set<String> {
    Set((attributes["class"] ?? "").split(separator: " ").map(String.init))
  }

  /// The text of this element and its descendants, in order.
  var allText: String {
    content.map { item in
      switch item {
      case .text(let text): text
      case .element(let node): node.allText
      }
    }.joined()
  }

  /// The direct `<title>` child's text: a mark's or a chart's accessible name.
  var title: String? {
    children.first { $0.name == "title" }?.allText
  }

  private final class Builder: NSObject, XMLParserDelegate {
    var root: XMLNode?
    var current: XMLNode?

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
      let node = XMLNode(name: name, attributes: attributes)
      if let current {
        node.parent = current
        current.content.append(.element(node))
      } else {
        root = node
      }
      current = node
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
      current = current?.parent
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
      current?.content.append(.text(string))
    }
  }
}
