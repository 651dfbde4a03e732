import Testing
@testable import PledgewireExtraction

@Suite("Tokens and sentences")
struct TextTests {
  func texts(_ text: String) -> [String] { Tokenizer.tokenize(text).map(\.text) }

  @Test func abbreviationsDecimalsAndCurrenciesAreSingleTokens() {
    #expect(texts("The U.S. gave $17.5bn, or 5,000 units.") == [
      "The", "U.S.", "gave", "$", "17.5", "bn", ",", "or", "5,000", "units", ".",
    ])
    #expect(texts("Gen. Ito met No. 10 staff.") == ["Gen", ".", "Ito", "met", "No", ".", "10", "staff", "."])
    #expect(texts("£1.6bn ($2bn)") == ["£", "1.6", "bn", "(", "$", "2", "bn", ")"])
    // A currency prefix glued to the number stays apart from it: "$US100", "C$2".
    #expect(texts("$US100 million") == ["$", "US", "100", "million"])
  }

  @Test func possessivesSplitButNamesWithApostrophesAndHyphensStayWhole() {
    #expect(texts("Peru’s envoy and Côte d'Ivoire's Al-Hassan") == [
      "Peru", "’", "s", "envoy", "and", "Côte", "d'Ivoire", "'", "s", "Al-Hassan",
    ])
    let tokens = Tokenizer.tokenize("the Nations’ forum")
    #expect(tokens[2].kind == .punctuation && tokens[2].folded == "'")
  }

  @Test func quotationMarksHandlesAndFlagsAreTheirOwnKinds() {
    let tokens = Tokenizer.tokenize("“Yes,” said @AnnaBerg 🇫🇷 and ''no''")
    #expect(tokens.map(\.kind) == [.quote, .word, .punctuation, .quote, .word, .handle, .flag, .word, .quote, .word, .quote])
    #expect(tokens[0].quote == .opening && tokens[3].quote == .closing)
    #expect(tokens[6].lower == "fr")
  }

  @Test func rangesCountUnicodeScalars() {
    // "é" as one scalar, the flag as two, the combining accent as its own scalar.
    let text = "Café 🇩🇪 Zoe\u{0301} pledged"
    for token in Tokenizer.tokenize(text) {
      #expect(slice(text, token.range) == token.text)
    }
    let pledged = Tokenizer.tokenize(text).last!
    #expect(pledged.start == text.unicodeScalars.count - 7)
  }

  @Test func foldingMakesSpellingVariantsEqual() {
    #expect(NameFolding.fold("Zelenskiy") == "zelensky")
    #expect(NameFolding.fold("Zelenskyy") == NameFolding.fold("Zelensky"))
    #expect(NameFolding.fold("Kiev") == "kyiv")
    #expect(NameFolding.fold("U.S.") == "us")
    #expect(NameFolding.fold("Dürr") == "durr")
    #expect(NameFolding.foldWords("São Tomé and Príncipe") == "sao tome and principe")
    #expect(EditDistance.isAtMostOne("zelensky", "zelenski"))
    #expect(EditDistance.isAtMostOne("okafor", "okfaor"))
    #expect(!EditDistance.isAtMostOne("okafor", "okafar1"))
  }

  @Test func sentencesEndAtStopsButNotAfterAbbreviations() {
    let text = """
      Gen. Ito said the U.S. would help. The plan costs $2.5 billion, No. 10 said! Was it enough? Mr. Ode \
      said: “Yes.” Tokyo agreed.

      A new paragraph
      """
    let tokens = Tokenizer.tokenize(text)
    let sentences = SentenceSplitter.split(tokens).map { range in range.map { tokens[$0].text }.joined(separator: " ") }
    #expect(sentences == [
      "Gen . Ito said the U.S. would help .",
      "The plan costs $ 2.5 billion , No . 10 said !",
      "Was it enough ?",
      "Mr . Ode said : “ Yes . ”",
      "Tokyo agreed .",
      "A new paragraph",
    ])
  }

  @Test func aDottedAbbreviationEndsASentenceOnlyBeforeAUsualSentenceStart() {
    let tokens = Tokenizer.tokenize("Aid went to the U.S. The rest stayed. Talks with the U.S. Navy ended.")
    #expect(SentenceSplitter.split(tokens).count == 3)
    let words = SentenceSplitter.split(tokens).map { $0.map { tokens[$0].text }.joined(separator: " ") }
    #expect(words[1] == "The rest stayed .")
    #expect(words[2] == "Talks with the U.S. Navy ended .")
  }

  @Test func aLineBreakInsideASentenceDoesNotEndIt() {
    let tokens = Tokenizer.tokenize("Norway said it would\nsend engineers.\nA caption line")
    #expect(SentenceSplitter.split(tokens).count == 2)
    // Hard-wrapped text: a number, a currency or a name after a word no sentence ends on carries on.
    let wrapped = Tokenizer.tokenize("Finland will send\n200 engineers and\n$5 million to\nKenya.\nPhoto by reuters\nNorway agreed.")
    #expect(SentenceSplitter.split(wrapped).count == 3)
  }

  @Test func quotationsAreFoundAcrossSentencesOfAParagraph() {
    let document = Document("“We will act. We will pay,” she said. No quote here.")
    #expect(document.quotations.count == 1)
    #expect(document.sentences.count == 3)
    #expect(document.quotationOf[1] == 0)
    #expect(document.quotationOf[document.tokens.count - 2] == nil)
  }
}

@Suite("Numbers and dates")
struct NumberTests {
  @Test func decimalStringsScaleExactly() {
    #expect(DecimalString.scale("1.6", byPowerOfTen: 9) == "1600000000")
    #expect(DecimalString.scale("17.5", byPowerOfTen: 6) == "17500000")
    #expect(DecimalString.scale("5,000", byPowerOfTen: 0) == "5000")
    #expect(DecimalString.scale("0.25", byPowerOfTen: 1) == "2.5")
    #expect(DecimalString.scale("2.50", byPowerOfTen: 0) == "2.5")
    #expect(DecimalString.scale("1.2.3", byPowerOfTen: 0) == nil)
  }

  @Test func civilDatesConvertBothWays() {
    #expect(CivilDate.milliseconds(year: 1970, month: 1, day: 1) == 0)
    #expect(CivilDate.milliseconds(year: 2035, month: 1, day: 1) == 2_051_222_400_000)
    #expect(CivilDate.milliseconds(year: 2024, month: 2, day: 29) == 1_709_164_800_000)
    let (y, m, d) = CivilDate.date(ms: 1_709_164_800_000 + 3_600_000)
    #expect(y == 2024 && m == 2 && d == 29)
    #expect(CivilDate.daysIn(month: 2, year: 2100) == 28)
  }
}
