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

@Suite struct PlaceholderPiecesTests {
  @Test func piecesJoinedWithAValueAreTheFilledText() {
    let pieces = ["{", "}", "a", "é", " ", "{ora}", "{{ora}", "{tel}", "{x}", "ora", "😀"]
    let values = ["tel": "0575 1", "x": "{ora}"]
    var random = SeededRandom(seed: 29)
    for _ in 0..<2_000 {
      let text = (0..<random.next(in: 0...12)).map { _ in
        pieces[random.next(in: 0...pieces.count - 1)]
      }.joined()
      let filled = Placeholders.fill(text) { $0 == "ora" ? "lunedì alle 8:30" : values[$0] }
      let cut = Placeholders.pieces(of: text, around: "ora") { values[$0] }
      #expect(cut.joined(separator: "lunedì alle 8:30") == filled, "\(text.debugDescription)")
    }
  }

  @Test func textIsCutAtEachSlotAndNowhereElse() {
    let values = ["sede": "Piazza Grande"]
    #expect(
      Placeholders.pieces(of: "{ora} apre {ora} ({sede}) {ignoto}", around: "ora") {
        values[$0]
      } == ["", " apre ", " (Piazza Grande) {ignoto}"])
    #expect(Placeholders.pieces(of: "senza {ora", around: "ora") { _ in "x" } == ["senza {ora"])
  }
}

@Suite struct SlotTemplateTests {
  @Test func slotIsFilledAndTheRestReadOnce() {
    let template = SlotTemplate("Apre {riapertura} ({sede}), {riapertura}", slot: "riapertura") {
      ["sede": "Piazza Grande"][$0]
    }
    #expect(template.hasSlot)
    #expect(template.filled(with: "lunedì") == "Apre lunedì (Piazza Grande), lunedì")
    #expect(
      template.appending("\nhttps://comune.it").filled(with: "oggi")
        == "Apre oggi (Piazza Grande), oggi\nhttps://comune.it")
  }

  @Test func templateWithoutTheSlotIsItsFilledText() {
    let template = SlotTemplate("Orari: {orari}", slot: "riapertura") { _ in "8:30-13:00" }
    #expect(!template.hasSlot)
    #expect(template.filled(with: "ignorato") == "Orari: 8:30-13:00")
  }
}
