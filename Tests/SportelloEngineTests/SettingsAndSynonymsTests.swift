import Foundation
import Testing

@testable import SportelloEngine

@Suite struct SettingsAndSynonymsTests {
  @Test func settingsReadThresholdsExpiryAndMultiLineTemplates() {
    let text = """
      soglia_risposta: 0.55
      margine: 0,1
      soglia_scelta: 0.3
      scadenza_scelta_minuti: 15
      messaggio_non_testo:
      > Solo testo,
      > per favore.
      """
    let (settings, _, diagnostics) = MatcherSettings.parse(text, path: "i.txt")
    #expect(diagnostics.isEmpty)
    #expect(settings.answerThreshold == 0.55)
    #expect(settings.margin == 0.1)
    #expect(settings.choiceThreshold == 0.3)
    #expect(settings.choiceExpiry == 900)
    #expect(settings.templates["messaggio_non_testo"] == "Solo testo,\nper favore.")
  }

  @Test func settingsReportBadValuesDuplicatesAndStrayLines() {
    let text =
      "scadenza_scelta_minuti: dieci\nmargine: 0.1\nmargine: 0.2\n> orfana\nsoglia scelta 3"
    let (_, _, diagnostics) = MatcherSettings.parse(text, path: "i.txt")
    #expect(
      diagnostics.map(\.description) == [
        "i.txt:3:1: error: duplicate key 'margine' (first set on line 2)",
        "i.txt:4:1: error: '>' line outside a value: write 'key:' alone first",
        "i.txt:5:1: error: expected 'key: value'",
        "i.txt:1:25: error: invalid value 'dieci' for 'scadenza_scelta_minuti': expected whole "
          + "minutes from 1 to 10080",
      ])
  }

  @Test func synonymsReadConceptsAbbreviationsAndProtectedWords() {
    let text = """
      [sinonimi]
      cie = carta d'identità elettronica = documento d'identità
      [abbreviazioni]
      cdi = carta d'identità
      [protette]
      CUDE, SUAP
      - CILA
      """
    let (synonyms, diagnostics) = Synonyms.parse(text, path: "s.txt")
    #expect(diagnostics.isEmpty)
    #expect(
      synonyms.concepts == [["cie", "carta d'identità elettronica", "documento d'identità"]])
    #expect(synonyms.abbreviations == ["cdi": "carta d'identità"])
    #expect(synonyms.protectedWords == ["cude", "suap", "cila"])
  }

  @Test func synonymLinesNeedTwoPhrases() {
    let text = "[sinonimi]\ncie\ntari = = tassa\n[abbreviazioni]\na = b = c"
    let (_, diagnostics) = Synonyms.parse(text, path: "s.txt")
    #expect(
      diagnostics.map(\.description) == [
        "s.txt:2:1: error: expected 'phrase = phrase [= phrase ...]' with no empty phrase",
        "s.txt:3:1: error: expected 'phrase = phrase [= phrase ...]' with no empty phrase",
        "s.txt:5:1: error: expected 'abbreviation = expansion'",
      ])
  }

  @Test func synonymsReadStopWordsOtherComunesAndGenericWords() {
    let text =
      "[parole_vuote]\nthe, Please\n- where\n[altri_comuni]\nCortona, Monte San Savino\n"
      + "[parole_generiche]\nAiuto, documento\n"
    let (synonyms, diagnostics) = Synonyms.parse(text, path: "s.txt")
    #expect(diagnostics.isEmpty)
    #expect(synonyms.stopWords == ["the", "please", "where"])
    #expect(synonyms.otherComunes == ["cortona", "monte san savino"])
    #expect(synonyms.genericWords == ["aiuto", "documento"])
  }

  /// English function words, made stop words by the rules, no longer dilute a question
  /// whose content words the synonyms know.
  @Test func stopWordsOfTheRulesWeighAsStopWords() throws {
    let faq = faqText(
      "polizia.oggetti_smarriti", title: "Oggetti smarriti",
      examples: ["dove è l'ufficio oggetti smarriti", "ho perso il portafoglio"])
    let synonyms = "[sinonimi]\noggetti smarriti = lost and found\n"
    let question = "where is the lost and found office please?"

    let plainRules = try TemporaryRules(["o.faq": faq, "sinonimi.txt": synonyms])
    defer { plainRules.remove() }
    let plain = try #require(RuleSet.load(from: plainRules.url).ruleSet)
    #expect(Matcher(ruleSet: plain).decide(question).outcome != .answer)

    let rules = try TemporaryRules([
      "o.faq": faq, "sinonimi.txt": synonyms + "[parole_vuote]\nwhere, is, the, please\n",
    ])
    defer { rules.remove() }
    let ruleSet = try #require(RuleSet.load(from: rules.url).ruleSet)
    let matcher = Matcher(ruleSet: ruleSet)
    let stopWords = matcher.analyzer.analyze(question).tokens.filter(\.isStopWord)
    #expect(stopWords.map(\.folded) == ["where", "is", "the", "please"])
    let decision = matcher.decide(question)
    #expect(decision.intent == "polizia.oggetti_smarriti", "\(decision.explanation.reason)")
  }
}
