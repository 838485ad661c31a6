import Testing

@testable import SportelloText

@Suite struct ItalianLexiconTests {
  /// The rules' words that real Italian words lie one edit away from.
  static let ruleWords = ["rami", "visione", "casa", "tari", "residenza", "passaporto"]

  static let analyzer: Analyzer = {
    var configuration = AnalyzerConfiguration()
    configuration.vocabulary = TypoVocabulary(words: ruleWords)
    return Analyzer(configuration: configuration)
  }()

  @Test func holdsTheSnowballWordsOfFourLettersOrMore() {
    #expect(ItalianLexicon.count > 34_000)
    #expect(ItalianLexicon.contains("causa"))
    #expect(ItalianLexicon.contains("Revisione"))
    #expect(!ItalianLexicon.contains("residneza"))
    // Words of three letters or fewer are never corrected, so they are left out.
    #expect(!ItalianLexicon.contains("per"))
  }

  @Test(arguments: ["armi", "revisione", "causa", "tardi"])
  func realItalianWordsAreNotCorrectedToARuleWord(word: String) throws {
    let token = try #require(Self.analyzer.analyze("\(word) ?").tokens.first)
    #expect(token.folded == word)
    #expect(token.changes.isEmpty)
  }

  @Test(arguments: [("residneza", "residenza"), ("pasaporto", "passaporto")])
  func realTyposAreStillCorrected(typo: String, word: String) throws {
    let token = try #require(Self.analyzer.analyze(typo).tokens.first)
    #expect(token.folded == word)
    #expect(token.changes == [.correctedTypo(from: typo)])
  }

  @Test func knownWordsAreStillStemmed() throws {
    let message = Self.analyzer.analyze("revisione della causa")
    #expect(message.stems == ["revision", "dell", "caus"])
    #expect(message.tokens.allSatisfy { !$0.isProtected })
  }
}

@Suite struct ItalianLexiconSplitTests {
  /// The words as a `Set<String>` built the straightforward way: split by `Character` at
  /// spaces and line breaks, each folded.
  static let referenceWords: Set<String> = Set(
    ItalianLexicon.source.split(whereSeparator: { $0 == " " || $0 == "\n" }).map {
      TextFolding.foldedWord(String($0))
    })

  @Test func byteSplitFindsExactlyTheWordsOfACharacterSplit() {
    #expect(ItalianLexicon.count == Self.referenceWords.count)
    let missing = Self.referenceWords.filter { !ItalianLexicon.contains($0) }
    #expect(missing.isEmpty)
  }

  @Test(arguments: ["abbandonerà", "ABBANDONERÀ", "abbandonerá", "zwickel", "aalst", "abbiccì"])
  func wordsAtTheEdgesAndWithAccentsAreFound(word: String) {
    #expect(ItalianLexicon.contains(word))
  }
}
