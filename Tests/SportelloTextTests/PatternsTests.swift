import Testing

@testable import SportelloText

@Suite struct PatternsTests {
  let analyzer = Analyzer()

  @Test(arguments: [
    ("12", TokenKind.number), ("3,5", .number), ("1.000", .number), ("1.000,50", .number),
    ("10%", .number), ("2x3", .number), ("2026", .number),
    ("3/12", .date), ("03/12/2026", .date), ("03-12-2026", .date), ("3.12.26", .date),
    ("8:30", .time), ("18:05", .time),
    ("22,21€", .money), ("€22", .money), ("€ 22", .money), ("22,21 €", .money),
    ("10 euro", .money), ("$5", .money),
    ("RSSMRA80A01D612X", .code), ("rssmra80a01d612x", .code), ("AB123CD", .code),
    ("12345/2026", .code), ("0575123456", .code), ("1234567", .code), ("AR-2026-15", .code),
    ("https://www.comune.arezzo.it/servizi", .url), ("www.comune.arezzo.it", .url),
    ("urp@comune.arezzo.it", .email), ("mario.rossi+cie@pec.it", .email),
    ("😀", .emoji), ("👍🏻", .emoji), ("👨‍👩‍👧", .emoji), ("🇮🇹", .emoji),
  ])
  func recognisesWholeTokens(text: String, kind: TokenKind) throws {
    let message = analyzer.analyze(text)
    try #require(message.tokens.count == 1, "\(message.tokens)")
    #expect(message.tokens[0].kind == kind)
    #expect(message.tokens[0].surface == text)
    #expect(message.tokens[0].stem == message.tokens[0].folded)
  }

  @Test func sentencePunctuationIsNotPartOfTheToken() {
    let message = analyzer.analyze("entro il 3/12, alle 8:30. Vedi https://comune.arezzo.it/tari.")
    #expect(
      message.tokens.map(\.surface) == [
        "entro", "il", "3/12", "alle", "8:30", "Vedi", "https://comune.arezzo.it/tari",
      ])
  }

  @Test(arguments: [
    ("15:30-18:00", [TokenKind.time, .time], ["15:30", "18:00"]),
    ("3/12-5/12", [.date, .date], ["3/12", "5/12"]),
    ("9-12", [.number, .number], ["9", "12"]),
    ("12345-2026", [.code], ["12345-2026"]),
    ("covid-19", [.code], ["covid-19"]),
  ])
  func rangesSplitAtTheHyphenIntoTheirParts(text: String, kinds: [TokenKind], folded: [String]) {
    let message = analyzer.analyze(text)
    #expect(message.tokens.map(\.kind) == kinds)
    #expect(message.foldedWords == folded)
  }

  @Test func keycapsAreEmoji() {
    let message = analyzer.analyze("premi 1️⃣ o #️⃣")
    #expect(message.tokens.map(\.kind) == [.word, .emoji, .word, .emoji])
    #expect(message.tokens[1].folded == "1️⃣")
  }

  @Test func lettersAloneAreNeverCodes() {
    let message = analyzer.analyze("n°5")
    #expect(message.tokens.map(\.kind) == [.word, .number])
  }

  @Test func currencyWordBeforeANumberIsMoney() {
    #expect(analyzer.analyze("EUR 5").tokens.map(\.kind) == [.money])
    #expect(analyzer.analyze("EUR 5").foldedWords == ["5 €"])
  }

  @Test func moneyIsFoldedToAmountAndSign() {
    #expect(analyzer.analyze("costa 22,21 €").foldedWords == ["costa", "22,21 €"])
    #expect(analyzer.analyze("€22").foldedWords == ["22 €"])
    #expect(analyzer.analyze("10 euro").foldedWords == ["10 €"])
  }

  @Test func taxCodeIsRecognised() {
    #expect(Patterns.isTaxCode("RSSMRA80A01D612X".unicodeScalars.map(\.value)))
    #expect(Patterns.isTaxCode("RSSMRA80A01D6MNX".unicodeScalars.map(\.value)))
    #expect(!Patterns.isTaxCode("RSSMRA80A01D612".unicodeScalars.map(\.value)))
    #expect(!Patterns.isTaxCode("1SSMRA80A01D612X".unicodeScalars.map(\.value)))
  }

  @Test func codesAreNeverCorrected() {
    var configuration = AnalyzerConfiguration()
    configuration.vocabulary = TypoVocabulary(words: ["ab123cd", "12345/2025"])
    let message = Analyzer(configuration: configuration).analyze("AB123CE 12345/2026")
    #expect(message.foldedWords == ["ab123ce", "12345/2026"])
  }

  @Test func invalidDatesAndTimesAreNotDatesOrTimes() {
    #expect(analyzer.analyze("32/13").tokens.map(\.kind) == [.code])
    #expect(analyzer.analyze("25:70").tokens.map(\.kind) == [.number, .number])
  }

  @Test(arguments: [("3.5", TokenKind.number), ("1.000.000", .number), ("1.000.000,50", .number)])
  func dottedNumbersAreNumbers(text: String, kind: TokenKind) {
    #expect(analyzer.analyze(text).tokens.map(\.kind) == [kind])
  }

  @Test(arguments: ["RSSMRAULALMDSMNX", "rssmraulalmdsmnx", "BNCGNN56R04A390Y"])
  func taxCodeIsACodeEvenWithEveryDigitReplaced(code: String) throws {
    var configuration = AnalyzerConfiguration()
    configuration.vocabulary = TypoVocabulary(words: ["rssmraulalmdsmnz"])
    let message = Analyzer(configuration: configuration).analyze("il mio CF: \(code)")
    let token = try #require(message.tokens.last)
    #expect(token.kind == .code)
    #expect(token.folded == code.lowercased())
    #expect(token.stem == token.folded)
    #expect(token.changes.isEmpty)
  }

  @Test func sixteenLetterWordsAreStillWords() {
    let message = analyzer.analyze("responsabilmente precipitevolmente")
    #expect(message.tokens.map(\.kind) == [.word, .word])
    #expect(message.stems == ["responsabil", "precipitevol"])
  }
}
