import Testing

@testable import SportelloText

@Suite struct ChatSpeakTests {
  let analyzer = Analyzer()

  @Test func tableHasAtLeastSixtyEntries() {
    #expect(ChatSpeak.table.count >= 60)
  }

  @Test(arguments: [
    ("cmq", "comunque"), ("nn", "non"), ("xké", "perché"), ("xk", "perché"), ("xche", "perché"),
    ("xò", "però"), ("ke", "che"), ("ki", "chi"), ("qlc", "qualche"), ("qlcs", "qualcosa"),
    ("qlcn", "qualcuno"), ("qnd", "quando"), ("tt", "tutto"), ("grz", "grazie"), ("prg", "prego"),
    ("sn", "sono"), ("dv", "dove"), ("cm", "come"), ("cn", "con"), ("dp", "dopo"),
    ("dmn", "domani"), ("msg", "messaggio"), ("prox", "prossimo"), ("anke", "anche"),
    ("perche", "perché"), ("perchè", "perché"), ("piu", "più"), ("puo", "può"), ("gia", "già"),
    ("cosi", "così"), ("citta", "città"), ("CMQ", "comunque"), ("cmqqq", "comunque"),
  ])
  func abbreviationExpandsToOneWord(text: String, expansion: String) {
    let message = analyzer.analyze(text)
    #expect(message.foldedWords == [expansion])
  }

  @Test(arguments: [
    ("pls", ["per", "favore"]), ("pfv", ["per", "favore"]), ("vbb", ["va", "bene"]),
    ("tvb", ["ti", "voglio", "bene"]),
  ])
  func abbreviationExpandsToSeveralWordsSharingTheSurface(text: String, expansion: [String]) {
    let message = analyzer.analyze("ok \(text)")
    let expanded = message.tokens.dropFirst()
    #expect(expanded.map(\.folded) == expansion)
    #expect(expanded.allSatisfy { $0.surface == text && $0.offset == 3 })
    #expect(expanded.allSatisfy { $0.changes == [.expandedAbbreviation(from: text)] })
  }

  @Test func missingAccentIsRecordedAsARestoredAccent() {
    let message = analyzer.analyze("perche")
    #expect(message.tokens[0].changes == [.restoredAccent(from: "perche")])
  }

  @Test func xBetweenDigitsStaysAMultiplication() {
    #expect(analyzer.analyze("2x3").tokens.map(\.kind) == [.number])
    #expect(analyzer.analyze("2x3").foldedWords == ["2x3"])
    #expect(analyzer.analyze("2 x 3").foldedWords == ["2", "x", "3"])
    #expect(
      analyzer.analyze("vengo x il certificato").foldedWords == [
        "vengo", "per", "il", "certificato",
      ])
  }

  @Test func sixBesideDigitsStaysANumber() {
    #expect(analyzer.analyze("6 x 4").foldedWords == ["6", "x", "4"])
    #expect(analyzer.analyze("6 3").foldedWords == ["6", "3"])
    #expect(analyzer.analyze("dove 6?").foldedWords == ["dove", "sei"])
    #expect(analyzer.analyze("dove 6?").tokens.map(\.kind) == [.word, .word])
  }

  @Test func kAloneIsLeftAloneUnlessTheTableSaysOtherwise() {
    #expect(analyzer.analyze("k").foldedWords == ["k"])
    var configuration = AnalyzerConfiguration()
    configuration.addAbbreviations(["K": "ok"])
    #expect(Analyzer(configuration: configuration).analyze("k").foldedWords == ["ok"])
  }

  @Test func abbreviationsApplyToWholeTokensOnly() {
    #expect(analyzer.analyze("cmqa nnonno").foldedWords == ["cmqa", "nnonno"])
  }

  @Test func ruleSetCanOverrideTheTable() {
    var configuration = AnalyzerConfiguration()
    configuration.addAbbreviations(["dv": "devo", "rdc": "reddito di cittadinanza"])
    let analyzer = Analyzer(configuration: configuration)
    #expect(
      analyzer.analyze("dv fare rdc").foldedWords == [
        "devo", "fare", "reddito", "di", "cittadinanza",
      ])
  }
}
