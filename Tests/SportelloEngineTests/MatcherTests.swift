import Foundation
import Testing

@testable import SportelloEngine

@Suite struct MatcherTests {
  private func matcher() throws -> Matcher { try #require(FixtureRules.matcher) }

  @Test func fixtureLoadsWithOnlyTheExpiryWarning() throws {
    let diagnostic = try #require(FixtureRules.result.diagnostics.first)
    #expect(FixtureRules.result.diagnostics.count == 1)
    #expect(diagnostic.path.hasSuffix("Fixtures/comune/tributi/tributi.faq"))
    #expect(
      "\(diagnostic.line):\(diagnostic.column): \(diagnostic.severity): \(diagnostic.message)"
        == "23:11: warning: faq 'tributi.vecchia' expired on 2020-01-01 and is never answered")
  }

  @Test(arguments: [
    ("cm faccio x la carta d'identità?", "anagrafe.carta_identita"),
    ("come faccio la carta d identita", "anagrafe.carta_identita"),
    ("cie scaduta", "anagrafe.carta_identita"),
    ("carta identità", "anagrafe.carta_identita"),
    ("documento d'identità scaduto cosa faccio", "anagrafe.carta_identita"),
    ("dove si fa il passaporto?", "passaporto"),
    ("quanto si paga di tassa spazzatura", "tributi.tari"),
    ("TARI", "tributi.tari"),
    ("scadenza imu prima casa", "tributi.imu"),
    ("mi sono trasferito, devo cambiare la residenza", "anagrafe.residenza"),
    ("a che ora apre lo sportello?", "sportello.orari"),
    ("buongiorno", "smalltalk.saluto"),
    ("grazie mille!", "smalltalk.grazie"),
    ("buongiorno, come rinnovo la carta d'identità?", "anagrafe.carta_identita"),
    ("iscrivimi", "unico.iscrizione"),
    ("STOP", "unico.cancellazione"),
  ])
  func answers(message: String, intent: String) throws {
    let decision = try matcher().decide(message, now: FixtureRules.mondayMorning)
    #expect(decision.outcome == .answer, "\(message): \(decision.explanation.reason)")
    #expect(decision.intent == intent)
    #expect((0...1).contains(decision.confidence))
  }

  @Test(arguments: [
    "a che punto è la mia richiesta prot. 88123?",
    "la mia pratica di residenza è ferma",
    "vorrei sapere lo stato della mia domanda del 3 marzo per la carta d'identità",
    "il mio ricorso sulla tari",
    "ho la pratica n. 2025/4455 per la residenza",
  ])
  func ownCasesGoToAPerson(message: String) throws {
    let decision = try matcher().decide(message, now: FixtureRules.mondayMorning)
    #expect(decision.outcome == .handover)
    #expect(decision.handoverReason == .ownCase)
  }

  @Test func myQuestionIsNotAnOwnCase() throws {
    let decision = try matcher().decide(
      "la mia domanda è: come faccio la carta d'identità", now: FixtureRules.mondayMorning)
    #expect(decision.handoverReason != .ownCase)
  }

  @Test(arguments: [
    "voglio parlare con un operatore", "mi passi una persona vera per la tari?",
    "mi fate chiamare da un impiegato?",
  ])
  func explicitRequestForAPersonGoesToTheOperatorIntent(message: String) throws {
    let decision = try matcher().decide(message, now: FixtureRules.mondayMorning)
    #expect(decision.outcome == .answer)
    #expect(decision.intent == "operatore")
    #expect(decision.handoverReason == .operatorRequested)
  }

  @Test(arguments: ["che tempo fa domani a roma?", "qual è la capitale della francia", "asdfgh"])
  func outOfScopeGoesToAPerson(message: String) throws {
    let decision = try matcher().decide(message, now: FixtureRules.mondayMorning)
    #expect(decision.outcome == .handover, "\(message): \(decision.explanation.reason)")
    #expect(decision.handoverReason == .noMatch)
  }

  @Test(arguments: ["2", "0", "22,21 €", "8:30"])
  func numbersAloneAreNotMatchedToExamplesThatMentionThem(message: String) {
    let faq = FAQ(
      id: "anagrafe.carta_identita", title: "Carta d'identità",
      examples: ["carta d'identità per mio figlio di 2 anni", "costa 22,21 € e apre alle 8:30"],
      answer: "Risposta.")
    let decision = Matcher(ruleSet: RuleSet(faqs: [faq])).decide(message)
    #expect(decision.outcome == .handover, "\(message): \(decision.explanation.reason)")
    #expect(decision.handoverReason == .noMatch)
  }

  @Test func typoIsCorrectedAgainstTheRuleVocabulary() throws {
    let decision = try matcher().decide("passaprto per mio fglio", now: FixtureRules.mondayMorning)
    #expect(decision.intent == "passaporto")
  }

  @Test func exclusionRemovesTheFAQ() throws {
    let decision = try matcher().decide(
      "carta d'identità o passaporto per l'estero", now: FixtureRules.mondayMorning)
    #expect(!decision.candidates.contains { $0.intent == "anagrafe.carta_identita" })
    #expect(
      decision.explanation.excluded.contains("anagrafe.carta_identita: excluded by 'passaporto'"))
  }

  @Test func missingRequiredGroupStopsAnAnswer() throws {
    let decision = try matcher().decide("rinnovo scaduta", now: FixtureRules.mondayMorning)
    #expect(decision.intent != "anagrafe.carta_identita")
    let detail = decision.explanation.candidates.first { $0.intent == "anagrafe.carta_identita" }
    #expect(detail?.missingRequired == ["cie, documento, carta"])
  }

  @Test func expiredFAQIsNeverAnswered() throws {
    let decision = try matcher().decide("bonus affitti 2019", now: FixtureRules.mondayMorning)
    #expect(decision.intent != "tributi.vecchia")
    #expect(!decision.candidates.contains { $0.intent == "tributi.vecchia" })
    #expect(decision.explanation.excluded == ["tributi.vecchia: expired"])
  }

  @Test func ambiguousMessageAsksWhichOne() throws {
    let decision = try matcher().decide("scadenza", now: FixtureRules.mondayMorning)
    #expect(decision.outcome == .ask, "\(decision.explanation.reason)")
    #expect(
      Set(decision.options).isSubset(of: ["tributi.tari", "tributi.imu", "anagrafe.carta_identita"])
    )
    #expect(decision.options.count >= 2)
  }

  @Test func candidatesAreOrderedByScoreThenID() throws {
    let decision = try matcher().decide("scadenza", now: FixtureRules.mondayMorning)
    for (first, second) in zip(decision.candidates, decision.candidates.dropFirst()) {
      #expect(
        first.score > second.score || (first.score == second.score && first.intent < second.intent))
    }
  }

  @Test func sameMessageGivesTheSameDecision() throws {
    let matcher = try matcher()
    let first = matcher.decide("tassa rifiuti e imu", now: FixtureRules.mondayMorning)
    let again = Matcher(ruleSet: matcher.ruleSet).decide(
      "tassa rifiuti e imu", now: FixtureRules.mondayMorning)
    #expect(first == again)
  }

  @Test func explanationShowsTokensKeywordsSynonymsAndThresholds() throws {
    let decision = try matcher().decide("cm faccio x la cie?", now: FixtureRules.mondayMorning)
    let explanation = decision.explanation
    #expect(explanation.tokens.map(\.surface).prefix(2) == ["cm", "faccio"])
    #expect(explanation.concepts == ["cie"])
    let best = try #require(explanation.candidates.first)
    #expect(best.intent == "anagrafe.carta_identita")
    #expect(best.matchedKeywords == ["cie"])
    #expect(best.matchedPhrases.contains("cie"))
    #expect(explanation.thresholds.answer == 0.55)
    #expect(explanation.reason.hasPrefix("answer: score "))
  }

  @Test func importedStyleFAQWithOneQuestionMatchesThroughItsAnswer() {
    let faqs = [
      FAQ(
        id: "faq-1", title: "Bollo auto", examples: ["come si paga il bollo auto?"],
        answer: "Il bollo auto si paga alla Regione con pagoPA presso tabaccherie e banche."),
      FAQ(
        id: "faq-2", title: "Passi carrabili",
        examples: ["serve un permesso per il passo carrabile?"],
        answer: "Il passo carrabile richiede una concessione del Comune e un cartello."),
    ]
    let matcher = Matcher(ruleSet: RuleSet(faqs: faqs))
    #expect(matcher.decide("pagare il bollo in tabaccheria").intent == "faq-1")
    #expect(matcher.decide("cartello passo carrabile").intent == "faq-2")
  }
}
