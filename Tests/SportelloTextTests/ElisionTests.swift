import Testing

@testable import SportelloText

@Suite struct ElisionTests {
  let analyzer = Analyzer()

  @Test(arguments: [
    ("l'anagrafe", ["l", "anagrafe"]),
    ("dell'IMU", ["dell", "imu"]),
    ("nell'ufficio", ["nell", "ufficio"]),
    ("all'anagrafe", ["all", "anagrafe"]),
    ("dall'estero", ["dall", "estero"]),
    ("sull'auto", ["sull", "auto"]),
    ("un'autocertificazione", ["una", "autocertificazione"]),
    ("quest'anno", ["quest", "anno"]),
    ("quell'ufficio", ["quell", "ufficio"]),
    ("c'è", ["ci", "è"]),
    ("dov'è", ["dove", "è"]),
    ("com'è", ["come", "è"]),
    ("sant'Antonio", ["santo", "antonio"]),
    ("carta d’identità", ["carta", "di", "identità"]),
    ("l`ufficio", ["l", "ufficio"]),
  ])
  func elidedArticleIsSplitFromItsWord(text: String, folded: [String]) {
    let message = analyzer.analyze(text)
    #expect(message.tokens.map(\.folded) == folded)
  }

  @Test func bothPartsOfAnElisionRecordTheSplit() {
    let message = analyzer.analyze("dell'IMU")
    #expect(message.tokens.map(\.surface) == ["dell'", "IMU"])
    #expect(
      message.tokens.map(\.changes) == [
        [.splitElision(from: "dell'IMU")], [.splitElision(from: "dell'IMU")],
      ])
  }

  @Test(arguments: [
    ("po'", "poco"), ("un po' di pazienza", "poco"), ("e'", "è"), ("E'", "è"), ("e`", "è"),
    ("citta'", "città"), ("perche'", "perché"), ("puo'", "può"), ("piu'", "più"),
  ])
  func finalApostropheIsAnAccent(text: String, expected: String) {
    let message = analyzer.analyze(text)
    #expect(message.tokens.map(\.folded).contains(expected), "\(message.foldedWords)")
  }

  @Test func poIsPocoWithTheAccentChangeRecorded() throws {
    let token = try #require(analyzer.analyze("un po' di pazienza").tokens.dropFirst().first)
    #expect(token.surface == "po'")
    #expect(token.folded == "poco")
    #expect(token.changes == [.restoredAccent(from: "po'")])
  }

  @Test func bareEIsTheConjunctionAndIsNeverChanged() {
    let message = analyzer.analyze("carta e codice fiscale")
    #expect(message.tokens[1].folded == "e")
    #expect(message.tokens[1].changes.isEmpty)
  }

  @Test(arguments: ["c'e", "dov'e", "com'e"])
  func bareEAfterCeDoveComeIsTheVerb(text: String) throws {
    let last = try #require(analyzer.analyze(text).tokens.last)
    #expect(last.folded == "è")
    #expect(last.changes.contains(.restoredAccent(from: "e")))
  }

  @Test func quotedWordsKeepTheirLastVowel() {
    let message = analyzer.analyze("ha scritto 'ciao' e basta")
    #expect(message.foldedWords == ["ha", "scritto", "ciao", "e", "basta"])
  }

  @Test func elidedFormAloneBeforeASpaceIsKept() {
    let message = analyzer.analyze("l' anagrafe")
    #expect(message.foldedWords == ["l", "anagrafe"])
  }

  @Test func elisionBeforeANumberSplitsToo() {
    let message = analyzer.analyze("dall'8 dicembre")
    #expect(message.tokens.map(\.kind) == [.word, .number, .word])
    #expect(message.tokens[1].changes == [.splitElision(from: "dall'8")])
  }

  @Test(arguments: [
    ("carta d identità", ["carta", "di", "identità"]),
    ("c e qualcuno", ["ci", "è", "qualcuno"]),
    ("dov e l ufficio", ["dove", "è", "l", "ufficio"]),
    ("com era", ["come", "era"]),
    ("cos e la tari", ["cosa", "è", "la", "tari"]),
    ("c ho la tari", ["ci", "ho", "la", "tari"]),
    ("quant e", ["quanto", "è"]),
  ])
  func elisionWrittenWithASpaceIsReadAsTheElision(text: String, folded: [String]) {
    #expect(analyzer.analyze(text).foldedWords == folded)
  }

  @Test(arguments: [
    ("un amico", ["un", "amico"]), ("buon anno", ["buon", "anno"]),
    ("vitamina d", ["vitamina", "d"]), ("d la tari", ["d", "la", "tari"]),
  ])
  func wordsOfTheirOwnAndFormsBeforeAConsonantAreLeftAlone(text: String, folded: [String]) {
    #expect(analyzer.analyze(text).foldedWords == folded)
  }

  @Test func elisionWrittenWithASpaceRecordsTheSplit() {
    let message = analyzer.analyze("carta d identità")
    #expect(message.tokens[1].changes == [.splitElision(from: "d identità")])
    #expect(message.tokens[2].changes == [.splitElision(from: "d identità")])
  }
}
