import Foundation
import Testing

@testable import SportelloText

@Suite struct AnalyzerPropertyTests {
  static let messages = [
    "Buongiorno, cmq x la carta d'identità cosa devo portare??",
    "ciaooo volevo sapere quando posso pagare la TARI di quest'anno grazieeee",
    "salve dov'è l'ufficio anagrafe? ho bisogno del certificato di residneza",
    "nn riesco ad accedere con lo SPID, mi date una mano xké nn funziona",
    "E' possibile avere un'autocertificazione? costa 22,21 € entro il 3/12 alle 8:30",
    "RSSMRA80A01D612X prot. 12345/2026 https://www.comune.arezzo.it 😀👍🏻 un po' di pazienza",
    "c'è qlcs x il 2x3 dell'IMU 6 a casa? grz mille!!!",
  ]

  let analyzer: Analyzer = {
    var configuration = AnalyzerConfiguration()
    configuration.vocabulary = TypoVocabulary(words: [
      "residenza", "identità", "certificato", "anagrafe", "pagare", "pazienza",
    ])
    return Analyzer(configuration: configuration)
  }()

  @Test(arguments: messages)
  func analysingIsDeterministic(message: String) {
    #expect(analyzer.analyze(message) == analyzer.analyze(message))
    #expect(
      analyzer.analyze(message) == Analyzer(configuration: analyzer.configuration).analyze(message))
  }

  @Test(arguments: messages)
  func reanalysingTheFoldedFormsGivesTheSameStems(message: String) {
    let first = analyzer.analyze(message)
    let again = analyzer.analyze(first.foldedWords.joined(separator: " "))
    #expect(again.stems == first.stems)
  }

  /// Knowing words stems them up front; every token stays as it was, with or without a
  /// vocabulary, typos and words the analyzer knew already included.
  @Test(arguments: messages)
  func anAnalyzerKnowingWordsGivesTheSameTokens(message: String) {
    let words = Set(
      analyzer.analyze(message).foldedWords + ["residneza", "casa", "di", "Città", "città", ""])
    #expect(analyzer.knowing(words).analyze(message) == analyzer.analyze(message))
    let plain = Analyzer()
    #expect(plain.knowing(words).analyze(message) == plain.analyze(message))
    #expect(plain.knowing(words).knowing(words).analyze(message) == plain.analyze(message))
  }

  @Test func randomBytesReturnNormally() {
    var generator = SystemRandomNumberGenerator()
    for length in [1, 2, 7, 64, 500, 4096] {
      for _ in 0..<20 {
        let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let message = analyzer.analyze(bytes: bytes)
        for token in message.tokens {
          #expect(token.offset >= 0 && token.offset <= message.text.count)
          #expect(!token.surface.isEmpty)
        }
      }
    }
  }

  @Test func invalidUTF8IsReplacedAndCounted() {
    let bytes: [UInt8] = Array("ciao ".utf8) + [0xFF, 0xC3] + Array(" mondo ".utf8) + [0xE2, 0x82]
    let message = analyzer.analyze(bytes: bytes)
    #expect(message.invalidUTF8Count == 3)
    #expect(message.text == "ciao \u{FFFD}\u{FFFD} mondo \u{FFFD}")
    #expect(message.foldedWords == ["ciao", "mondo"])
  }

  @Test func cleanBytesReportNoReplacement() {
    let message = analyzer.analyze(bytes: Array("città".utf8))
    #expect(message.invalidUTF8Count == 0)
    #expect(message.foldedWords == ["città"])
  }

  @Test(arguments: ["", " ", "\n\t ", "?!?!...", "😀😀😀", "👍🏻 ❤️ 🇮🇹", "-- ** //", "\u{200B}\u{0}"])
  func degenerateMessagesReturnNormally(text: String) {
    let message = analyzer.analyze(text)
    #expect(message.tokens.allSatisfy { $0.kind == .emoji })
  }

  @Test func oneMegabyteMessageReturnsEveryToken() {
    let unit = Self.messages.joined(separator: " ") + " "
    let text = String(repeating: unit, count: 1_000_000 / unit.utf8.count + 1)
    let message = analyzer.analyze(text)
    let perUnit = analyzer.analyze(unit).tokens.count
    #expect(message.tokens.count == perUnit * (1_000_000 / unit.utf8.count + 1))
    #expect(message.tokens.last.map { $0.offset < text.count } == true)
  }

  @Test func longRunsWithoutSpacesReturnNormally() {
    let word = String(repeating: "residenzadellimu", count: 16_384)
    let message = analyzer.analyze(word)
    #expect(message.tokens.count == 1)
    #expect(message.tokens.first?.changes == [])
    let digits = analyzer.analyze(String(repeating: "1234567890", count: 25_000))
    #expect(digits.tokens.map(\.kind) == [.code])
    let mixed = analyzer.analyze(String(repeating: "ab'1.c-d/", count: 25_000))
    #expect(!mixed.tokens.isEmpty)
  }

  @Test func hugeVocabularyWordsAreKeptButNotIndexed() {
    let long = String(repeating: "a", count: 5_000)
    let vocabulary = TypoVocabulary(words: [long, "carta"])
    #expect(vocabulary.contains(long))
    #expect(vocabulary.correction(for: long + "b") == nil)
    #expect(vocabulary.correction(for: "carte") == "carta")
  }

  @Test func offsetsCountCharactersInComplexText() {
    let text = "👨‍👩‍👧 e\u{301} cafe\u{301}\r\nﬁne Ｃｉａｏ 🇮🇹 ok"
    let message = analyzer.analyze(text)
    let characters = Array(text)
    for token in message.tokens {
      let rebuilt = String(characters[token.offset...].prefix(token.surface.count))
      #expect(rebuilt == token.surface, "\(token.surface) at \(token.offset)")
    }
    #expect(message.foldedWords == ["👨‍👩‍👧", "è", "café", "fine", "ciao", "🇮🇹", "ok"])
  }
}
