import Testing

@testable import SportelloText

@Suite struct TextFoldingTests {
  let analyzer = Analyzer()

  @Test(arguments: [
    ("CIAO", "ciao"), ("Ｃｉａｏ", "ciao"), ("ﬁnestra", "finestra"), ("cafe\u{301}", "café"),
    ("È", "è"), ("Città", "città"), ("citta\u{300}", "città"), ("perchÉ", "perché"),
    ("però", "però"), ("pero\u{301}", "però"), ("virtù", "virtù"), ("virtú", "virtù"),
  ])
  func foldsCaseAndUnicodeForms(text: String, folded: String) {
    #expect(analyzer.analyze(text).foldedWords == [folded])
  }

  @Test func zeroWidthAndControlCharactersAreDropped() {
    let message = analyzer.analyze("ana\u{200B}grafe re\u{00AD}sidenza \u{7}ciao\u{FEFF}")
    #expect(message.foldedWords == ["anagrafe", "residenza", "ciao"])
    #expect(message.tokens[0].surface == "ana\u{200B}grafe")
  }

  @Test func anyWhitespaceRunSeparatesTokens() {
    let message = analyzer.analyze("carta\u{00A0}\u{00A0}d'identità\n\n\tsubito\u{2003}grazie")
    #expect(message.foldedWords == ["carta", "di", "identità", "subito", "grazie"])
  }

  @Test(arguments: [
    "l'ufficio", "l’ufficio", "l‘ufficio", "l`ufficio", "l´ufficio", "lʼufficio", "l＇ufficio",
  ])
  func everyApostropheVariantSplitsTheElision(text: String) {
    #expect(analyzer.analyze(text).foldedWords == ["l", "ufficio"])
  }

  @Test(arguments: [
    ("ciaooo", "ciao"), ("grazieeee", "grazie"), ("nooo", "no"), ("siiiii", "si"),
    ("anno", "anno"), ("carro", "carro"), ("ciaoooo!!!", "ciao"),
  ])
  func runsOfThreeOrMoreLettersAreSqueezed(text: String, folded: String) {
    #expect(analyzer.analyze(text).foldedWords == [folded])
  }

  @Test func squeezingIsRecorded() {
    let message = analyzer.analyze("Grazieeee")
    #expect(message.tokens[0].changes == [.squeezedLetters(from: "grazieeee")])
    #expect(message.tokens[0].stem == "graz")
  }

  @Test func squeezeLeavesDoubleLetters() {
    var letters = "carro".unicodeScalars.map(\.value)
    #expect(TextFolding.squeezeRuns(&letters) == false)
    #expect(ScalarString.make(letters) == "carro")
  }
}
