import Testing

@testable import SportelloText

@Suite struct ItalianStopWordsTests {
  @Test func embeddedListIsTheSnowballList() throws {
    let words = try Fixture.lines("stop").compactMap { line in
      line.split(separator: "|").first?.split(separator: " ").first.map(String.init)
    }
    #expect(ItalianStopWords.snowball == words)
    #expect(ItalianStopWords.snowball.count == 279)
  }

  @Test func negationsAndQuestionWordsAreNotFlagged() {
    for word in ["non", "come", "dove", "dov", "quanto", "quale", "chi", "perché"] {
      #expect(!ItalianStopWords.defaultSet.contains(word), "\(word)")
    }
    for word in ["il", "di", "che", "è", "sono", "l", "dell"] {
      #expect(ItalianStopWords.defaultSet.contains(word), "\(word)")
    }
  }

  @Test func stopWordsAreFlaggedAndKept() {
    let message = Analyzer().analyze("il certificato non è pronto")
    #expect(message.foldedWords == ["il", "certificato", "non", "è", "pronto"])
    #expect(message.tokens.map(\.isStopWord) == [true, false, false, true, false])
  }
}
