import Testing

@testable import SportelloEngine

@Suite struct PlaceholdersTests {
  @Test func occurrencesGiveNameAndCharacterOffset() {
    #expect(
      Placeholders.occurrences(in: "Chiama il {telefono} o {x}}, {Maiusc} {}")
        == [.init(name: "telefono", offset: 10), .init(name: "x", offset: 23)])
    #expect(
      Placeholders.occurrences(in: "Caffè {tel} 😀 {a_1}")
        == [.init(name: "tel", offset: 6), .init(name: "a_1", offset: 14)])
  }

  @Test func bytesOfPlainASCIIFindWhatTheCharacterWalkFinds() throws {
    let pieces = ["{", "}", "a", "z", "_", "9", "A", " ", "-", "{tel}", "{{x}", "\t"]
    var random = SeededRandom(seed: 17)
    for _ in 0..<2_000 {
      let text = (0..<random.next(in: 0...14)).map { _ in
        pieces[random.next(in: 0...pieces.count - 1)]
      }.joined()
      let found = try #require(Placeholders.asciiOccurrences(in: text))
      #expect(found == Placeholders.characterOccurrences(in: text), "\(text.debugDescription)")
    }
  }

  @Test func fillReplacesKnownNamesAndKeepsTheRestAsWritten() {
    let values = ["tel": "0575 1", "è": "x", "sito": "https://comune.it/{tel}"]
    let filled = Placeholders.fill("Caffè {tel}, {{tel}} {ignoto} {è} {sito}{tel") {
      values[$0]
    }
    #expect(filled == "Caffè 0575 1, {0575 1} {ignoto} {è} https://comune.it/{tel}{tel")
    #expect(Placeholders.fill("senza graffe 😀") { _ in "x" } == "senza graffe 😀")
  }

  @Test(arguments: ["caffè {tel}", "{tel}\r\n", "{a\u{301}b}"])
  func textBeyondPlainASCIIIsLeftToTheCharacterWalk(text: String) {
    #expect(Placeholders.asciiOccurrences(in: text) == nil)
  }
}
