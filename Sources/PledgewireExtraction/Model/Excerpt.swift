/// A piece of the extracted text: exactly the text's scalars at `range`.
public struct Excerpt: Hashable, Sendable {
  public var text: String
  public var range: ScalarRange

  public init(text: String, range: ScalarRange) {
    self.text = text
    self.range = range
  }
}
