import Testing

@testable import SportelloText

@Suite struct SourceTextTests {
  @Test(arguments: ["", "ciao", "carta d'identità perché", "costa 5 € ’ok’ 😀 ❤", "a\rb"])
  func simpleMessagesKeepTheirOwnScalars(text: String) {
    let source = SourceText(text)
    #expect(source.isVerbatim)
    #expect(source.scalars == text.unicodeScalars.map(\.value))
    #expect(source.surface(from: 0, to: source.scalars.count) == text)
  }

  @Test(arguments: ["a\r\nb", "cafe\u{301}", "Ｃｉａｏ", "👍🏻", "❤️", "ﬁne", "e\u{200B}"])
  func otherMessagesAreNormalisedByCharacter(text: String) {
    let source = SourceText(text)
    #expect(!source.isVerbatim)
    let end = source.scalars.count
    #expect(source.surface(from: 0, to: end) == text)
    #expect(source.characterOffset(of: end - 1) == text.count - 1)
  }

  @Test func normalisedScalarsMapBackToTheirCharacter() {
    let source = SourceText("ﬁ è")
    #expect(source.scalars == [0x66, 0x69, 0x20, 0xE8])
    #expect(source.surface(from: 0, to: 2) == "ﬁ")
    #expect(source.surface(from: 0, to: 1) == "ﬁ")
    #expect((0..<4).map(source.characterOffset(of:)) == [0, 0, 1, 2])
  }

  @Test(arguments: [
    "ok grazie 👍🏻", "❤️ grazie mille", "🇮🇹🇮🇹 forza", "premi 1️⃣ o #️⃣", "👨‍👩‍👧 famiglia",
    "x🏻y", "\u{FE0F}a", "a\u{200D}b", "ciao\r\nciao", "🏳️‍🌈 e 🏴󠁧󠁢󠁳󠁣󠁴󠁿", "l’ufficio 👍🏽👍🏿",
  ])
  func joiningScalarsGiveTheTablesOfNormalisingByCharacter(text: String) throws {
    let joining = try #require(SourceText.joining(text))
    let normalized = SourceText(normalizing: text)
    #expect(!joining.isVerbatim)
    #expect(joining.scalars == normalized.scalars)
    let count = normalized.scalars.count
    for start in 0..<count {
      #expect(joining.characterOffset(of: start) == normalized.characterOffset(of: start))
      for end in (start + 1)...count {
        #expect(joining.surface(from: start, to: end) == normalized.surface(from: start, to: end))
      }
    }
  }

  @Test(arguments: ["cafe\u{301}", "Ｃｉａｏ", "ﬁne", "´\u{FE0F}", "½ 👍🏻"])
  func scalarsThatNormalisationChangesAreNotJoinedAsTheyAre(text: String) {
    #expect(SourceText.joining(text) == nil)
  }
}
