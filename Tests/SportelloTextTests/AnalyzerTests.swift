import Foundation
import Testing

@testable import SportelloText

/// A compact view of a token for table tests: folded form, stem and kind.
struct TokenSummary: Equatable, CustomStringConvertible {
  var folded: String
  var stem: String
  var kind: TokenKind

  init(_ folded: String, _ stem: String, _ kind: TokenKind = .word) {
    self.folded = folded
    self.stem = stem
    self.kind = kind
  }

  init(_ token: Token) {
    self.init(token.folded, token.stem, token.kind)
  }

  var description: String { "\(folded)/\(stem)/\(kind.rawValue)" }
}

@Suite struct AnalyzerTests {
  let analyzer = Analyzer()

  @Test func cartaDIdentitaIsSplitFoldedAndStemmed() throws {
    let message = analyzer.analyze("Cmq x la carta d'identità cosa devo portare??")
    #expect(
      message.tokens.map(TokenSummary.init) == [
        TokenSummary("comunque", "comunqu"), TokenSummary("per", "per"),
        TokenSummary("la", "la"), TokenSummary("carta", "cart"), TokenSummary("di", "di"),
        TokenSummary("identità", "ident"), TokenSummary("cosa", "cos"),
        TokenSummary("devo", "dev"), TokenSummary("portare", "port"),
      ])
    let identita = try #require(message.tokens.first { $0.folded == "identità" })
    #expect(identita.surface == "identità")
    #expect(identita.offset == 17)
    #expect(identita.changes == [.splitElision(from: "d'identità")])
  }

  @Test func everyTokenRecordsItsSurfaceAndOffset() {
    let text = "Salve, dov'è l'ufficio anagrafe?"
    let message = analyzer.analyze(text)
    for token in message.tokens {
      let start = text.index(text.startIndex, offsetBy: token.offset)
      #expect(text[start...].hasPrefix(token.surface), "\(token.surface) at \(token.offset)")
    }
    #expect(message.tokens.map(\.surface) == ["Salve", "dov'", "è", "l'", "ufficio", "anagrafe"])
    #expect(message.tokens.map(\.offset) == [0, 7, 11, 13, 15, 23])
  }

  @Test func stemsAreTheTokensStemsInOrder() {
    let message = analyzer.analyze("certificati di residenza")
    #expect(message.stems == ["certific", "di", "resident"])
  }

  @Test func negationsAndQuestionWordsStayVisible() {
    let message = analyzer.analyze("non so quando e dove si paga la tari, come e quanto")
    let visible = message.tokens.filter { !$0.isStopWord }.map(\.folded)
    #expect(visible == ["non", "so", "quando", "dove", "paga", "tari", "come", "quanto"])
    let flagged = message.tokens.filter(\.isStopWord).map(\.folded)
    #expect(flagged == ["e", "si", "la", "e"])
  }

  @Test func protectedWordsAreNeitherStemmedNorCorrected() throws {
    var configuration = AnalyzerConfiguration()
    configuration.vocabulary = TypoVocabulary(words: ["ospite", "spada", "tariffa"])
    let analyzer = Analyzer(configuration: configuration)
    let message = analyzer.analyze("SPID e CIE per la TARI a Arezzo")
    let protected = message.tokens.filter(\.isProtected)
    #expect(protected.map(\.folded) == ["spid", "cie", "tari", "arezzo"])
    #expect(protected.map(\.stem) == ["spid", "cie", "tari", "arezzo"])
    #expect(protected.allSatisfy { $0.changes.isEmpty })
  }

  @Test func protectedWordsCanBeExtended() {
    var configuration = AnalyzerConfiguration()
    configuration.addProtectedWords(["Saione", "RDC"])
    let message = Analyzer(configuration: configuration).analyze("saione rdc ospedale")
    #expect(message.tokens.map(\.stem) == ["saione", "rdc", "ospedal"])
    #expect(message.tokens.map(\.isProtected) == [true, true, false])
  }

  @Test func typoIsCorrectedToTheVocabularyWordAndThenStemmed() throws {
    var configuration = AnalyzerConfiguration()
    configuration.vocabulary = TypoVocabulary(words: [
      "carta", "identità", "residenza", "certificato",
    ])
    let analyzer = Analyzer(configuration: configuration)
    let message = analyzer.analyze("carta d'identià e certificato di residneza")
    let identita = try #require(message.tokens.first { $0.surface == "identià" })
    #expect(identita.folded == "identità")
    #expect(identita.stem == "ident")
    #expect(
      identita.changes == [.splitElision(from: "d'identià"), .correctedTypo(from: "identià")])
    let residenza = try #require(message.tokens.last)
    #expect(residenza.folded == "residenza")
    #expect(residenza.stem == "resident")
    #expect(residenza.changes == [.correctedTypo(from: "residneza")])
  }

  @Test func stopWordsNumbersAndShortWordsAreNeverCorrected() {
    var configuration = AnalyzerConfiguration()
    configuration.vocabulary = TypoVocabulary(words: ["delle", "12345", "casa", "cane"])
    let analyzer = Analyzer(configuration: configuration)
    let message = analyzer.analyze("della 12346 cas caas")
    #expect(message.tokens.map(\.folded) == ["della", "12346", "cas", "casa"])
    #expect(message.tokens[0].changes.isEmpty)
    #expect(message.tokens[3].changes == [.correctedTypo(from: "caas")])
  }

  @Test func withoutAVocabularyNothingIsCorrected() {
    let message = analyzer.analyze("residneza")
    #expect(message.tokens.map(\.folded) == ["residneza"])
    #expect(message.tokens[0].changes.isEmpty)
  }

  @Test func configurationIsKept() {
    var configuration = AnalyzerConfiguration()
    configuration.addAbbreviations(["rdc": "reddito di cittadinanza"])
    let analyzer = Analyzer(configuration: configuration)
    #expect(analyzer.configuration.abbreviations["rdc"] == "reddito di cittadinanza")
  }

  @Test func jsonRoundTripsTheAnalysis() throws {
    let message = analyzer.analyze("cmq dell'IMU 22,21 € 😀")
    let data = try JSONEncoder().encode(message)
    let decoded = try JSONDecoder().decode(AnalyzedMessage.self, from: data)
    #expect(decoded == message)
  }

  // MARK: The issue's messages, end to end

  /// The words of a small rule set, for the messages below.
  static let ruleWords = [
    "carta", "identità", "residenza", "autocertificazione", "anagrafe", "ufficio", "pazienza",
  ]

  @Test(arguments: [
    (
      "ciaooo nn riesco ad entrare cn lo SPID, xké? grazieeee 😀",
      ["ciao", "non", "riesco", "ad", "entrare", "con", "lo", "spid", "perché", "grazie", "😀"],
      ["cia", "non", "riesc", "ad", "entrar", "con", "lo", "spid", "perc", "graz", "😀"]
    ),
    (
      "E' possibile fare un'autocertificazione x la residneza? c'è da pagare 22,21 €",
      [
        "è", "possibile", "fare", "una", "autocertificazione", "per", "la", "residenza", "ci",
        "è", "da", "pagare", "22,21 €",
      ],
      [
        "è", "possibil", "far", "una", "autocertif", "per", "la", "resident", "ci", "è", "da",
        "pag", "22,21 €",
      ]
    ),
    (
      "perche la citta nn risponde?? dov'è l'ufficio dell'anagrafe, ke orari fa? 8:30-12:30",
      [
        "perché", "la", "città", "non", "risponde", "dove", "è", "l", "ufficio", "dell",
        "anagrafe", "che", "orari", "fa", "8:30", "12:30",
      ],
      [
        "perc", "la", "citt", "non", "rispond", "dov", "è", "l", "uffic", "dell", "anagraf",
        "che", "orar", "fa", "8:30", "12:30",
      ]
    ),
    (
      "il mio CF è RSSMRA80A01D612X, prot. 12345/2026 del 03-12-2026, un po' di pazienza pls",
      [
        "il", "mio", "codice", "fiscale", "è", "rssmra80a01d612x", "protocollo", "12345/2026",
        "del", "03-12-2026", "un", "poco", "di", "pazienza", "per", "favore",
      ],
      [
        "il", "mio", "codic", "fiscal", "è", "rssmra80a01d612x", "protocoll", "12345/2026",
        "del", "03-12-2026", "un", "poc", "di", "pazienz", "per", "favor",
      ]
    ),
    (
      "Buongiorno, cmq x la carta d'identià cosa devo portare?? grz",
      [
        "buongiorno", "comunque", "per", "la", "carta", "di", "identità", "cosa", "devo",
        "portare", "grazie",
      ],
      ["buongiorn", "comunqu", "per", "la", "cart", "di", "ident", "cos", "dev", "port", "graz"]
    ),
  ])
  func whatsAppMessageIsReadStepByStep(message: String, folded: [String], stems: [String]) {
    var configuration = AnalyzerConfiguration()
    configuration.vocabulary = TypoVocabulary(words: Self.ruleWords)
    let analyzed = Analyzer(configuration: configuration).analyze(message)
    #expect(analyzed.foldedWords == folded)
    #expect(analyzed.stems == stems)
  }

  @Test func everyStepOfAMessageRecordsItsChange() throws {
    var configuration = AnalyzerConfiguration()
    configuration.vocabulary = TypoVocabulary(words: Self.ruleWords)
    let message = Analyzer(configuration: configuration).analyze(
      "E' ciaooo, cmq l'autocertificazione x la residneza?")
    let changes = message.tokens.map { token in token.changes.map(\.name) }
    #expect(
      changes == [
        ["accent"], ["squeezed"], ["abbreviation"], ["elision"], ["elision"], ["abbreviation"],
        [], ["typo"],
      ])
  }

  @Test(arguments: ["CIE", "SPID", "ISEE", "TARI", "IMU", "SUAP", "ANPR", "PEC", "ZTL", "Arezzo"])
  func theIssuesProtectedWordsAreKeptWhole(word: String) throws {
    let token = try #require(analyzer.analyze("info sulla \(word)?").tokens.last)
    #expect(token.surface == word)
    #expect(token.folded == word.lowercased())
    #expect(token.stem == word.lowercased())
    #expect(token.isProtected)
  }

  @Test func protectedWordsOneEditFromAVocabularyWordAreNotCorrected() {
    var configuration = AnalyzerConfiguration()
    configuration.vocabulary = TypoVocabulary(words: ["spia", "tare", "arazzo", "isse"])
    let message = Analyzer(configuration: configuration).analyze("SPID TARI Arezzo ISEE spix")
    #expect(message.foldedWords == ["spid", "tari", "arezzo", "isee", "spia"])
    #expect(message.tokens.map(\.changes.isEmpty) == [true, true, true, true, false])
  }

  @Test func negationsNessunoAndSenzaStayVisible() {
    let message = analyzer.analyze("nessuno mi ha risposto, senza documento non posso")
    let visible = message.tokens.filter { !$0.isStopWord }.map(\.folded)
    #expect(visible.contains("nessuno"))
    #expect(visible.contains("senza"))
    #expect(visible.contains("non"))
  }
}
