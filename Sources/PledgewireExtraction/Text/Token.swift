/// One token of a text: a word, number, punctuation mark or symbol, with its range in Unicode scalars.
struct Token: Sendable {
  enum Kind: UInt8, Sendable {
    case word
    case number
    case punctuation
    /// A quotation mark; see ``quote``.
    case quote
    /// A currency symbol: "$", "£", "€".
    case currency
    /// "@AnnaBerg".
    case handle
    /// A flag emoji; ``lower`` holds its ISO 3166-1 alpha-2 code ("de").
    case flag
    /// Any other symbol or emoji.
    case symbol
  }

  /// Which way a quotation mark faces.
  enum QuoteSide: UInt8, Sendable {
    case none, opening, closing, either
  }

  var kind: Kind
  var start: Int
  var end: Int
  var text: String
  /// Lower-cased text.
  var lower: String
  /// The form names are matched on (``NameFolding``): lower case, no accents, dots, apostrophes or hyphens.
  var folded: String
  /// Starts with an upper-case letter.
  var isCapitalized: Bool
  /// Two or more letters, all upper case: "NATO", "U.S.".
  var isAllCaps: Bool
  /// White space separates it from the previous token.
  var spaceBefore: Bool
  /// Line breaks between the previous token and this one.
  var newlinesBefore: Int
  var quote: QuoteSide = .none
  /// The closed word classes of a word token.
  var classes: WordClass = []
  /// A word token's verb form, if it is a verb the extractor knows.
  var verb: Verbs.Form? = nil

  func `is`(_ wordClass: WordClass) -> Bool { classes.contains(wordClass) }

  /// A word that can head a clause's verb group: a finite verb, an auxiliary or a modal.
  var isFiniteVerb: Bool { classes.contains(.auxiliary) || (verb?.isFinite ?? false) }

  var isWord: Bool { kind == .word }
  var isLowercaseWord: Bool { kind == .word && !isCapitalized }
  var range: ScalarRange { ScalarRange(start: start, end: end) }

  /// Whether the tokens from `start` are `words` (lower case); the caller checks the bounds.
  static func words(_ tokens: [Token], at start: Int, are words: [String]) -> Bool {
    words.indices.allSatisfy { tokens[start + $0].lower == words[$0] }
  }

  /// Punctuation or quotation mark whose text is `mark`.
  func isPunctuation(_ mark: String) -> Bool { (kind == .punctuation || kind == .quote) && text == mark }
}
