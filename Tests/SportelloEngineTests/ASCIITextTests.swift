import Testing

@testable import SportelloEngine

@Suite struct ASCIITextTests {
  @Test(
    arguments: [
      ("cie, carta d'identità", nil),
      ("cie,  carta ,documento", ["cie", "carta", "documento"]),
      ("a,,b,", ["a", "", "b", ""]),
      ("", [""]),
      (" \t ", [""]),
    ] as [(String, [String]?)])
  func commaSeparatedPartsAreTrimmed(text: String, expected: [String]?) {
    #expect(ASCIIText.commaSeparatedParts(of: text) == expected)
  }

  @Test func randomASCIITextsSplitAsTheCharacterSplitDoes() throws {
    let pieces = ["a", "b", " ", ",", ", ", "\t", "x y", "\u{0B}"]
    var random = SeededRandom(seed: 5)
    for _ in 0..<1_000 {
      let text = (0..<random.next(in: 0...10)).map { _ in
        pieces[random.next(in: 0...pieces.count - 1)]
      }.joined()
      let reference = text.split(separator: ",", omittingEmptySubsequences: false).map {
        $0.trimmed()
      }
      #expect(ASCIIText.commaSeparatedParts(of: text) == reference, "\(text.debugDescription)")
    }
  }
}
