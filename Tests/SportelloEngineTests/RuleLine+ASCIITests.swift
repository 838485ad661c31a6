import Testing

@testable import SportelloEngine

@Suite struct RuleLineASCIITests {
  private func describe(_ line: RuleLine) -> String {
    "\(line.number):\(line.column) \(line.content) \(line.kind)"
  }

  @Test(arguments: [
    ("  - uno, due ", "1:3 - uno, due item(text: \"uno, due\", textColumn: 5)"),
    (
      "titolo:   Carta  ",
      "1:1 titolo:   Carta keyValue(key: \"titolo\", value: \"Carta\", valueColumn: 11)"
    ),
    ("\t[ a.b ] x", "1:2 [ a.b ] x header(name: \"a.b\", nameColumn: 4, isClosed: true)"),
    ("[a.b", "1:1 [a.b header(name: \"a.b\", nameColumn: 2, isClosed: false)"),
    (">  due spazi", "1:1 >  due spazi quote(text: \" due spazi\", textColumn: 3)"),
    (">", "1:1 > quote(text: \"\", textColumn: 2)"),
    ("chiave con spazio: x", "1:1 chiave con spazio: x other"),
    ("  # nota", "1:3 # nota ignorable"),
    ("   ", "1:4  ignorable"),
  ])
  func asciiLinesGetTheirExactColumns(raw: String, expected: String) throws {
    let line = try #require(RuleLine(number: 1, asciiRaw: Substring(raw)))
    #expect(describe(line) == expected)
  }

  @Test(arguments: ["é: x", "- caffè", "a\r", "\u{A0}- x"])
  func linesBeyondPlainASCIIAreLeftToTheCharacterWalk(raw: String) {
    #expect(RuleLine(number: 1, asciiRaw: Substring(raw)) == nil)
  }

  @Test func randomASCIILinesClassifyAsTheCharacterWalkDoes() throws {
    let pieces = [
      "a", "b", " ", "  ", "\t", "#", "[", "]", "-", ">", ":", ",", "x y", "\u{0B}", "\u{1F}",
    ]
    var random = SeededRandom(seed: 11)
    for _ in 0..<2_000 {
      let raw = (0..<random.next(in: 0...12)).map { _ in
        pieces[random.next(in: 0...pieces.count - 1)]
      }.joined()
      let line = try #require(RuleLine(number: 7, asciiRaw: Substring(raw)))
      let reference = RuleLine(number: 7, characters: Substring(raw))
      #expect(describe(line) == describe(reference), "\(raw.debugDescription)")
    }
  }
}
