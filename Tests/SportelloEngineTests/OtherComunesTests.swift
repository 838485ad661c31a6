import Foundation
import Testing

@testable import SportelloEngine

/// Questions about another Comune's offices or rules go to a person; questions about
/// Arezzo that name another place do not.
@Suite struct OtherComunesTests {
  private let comunes = OtherComunes([
    "Cortona", "Montevarchi", "Castiglion Fiorentino", "siena", "Sansepolcro", "Lucignano", "Prato",
    "Bologna",
  ])

  private func words(_ text: String) -> [String] {
    text.lowercased().split(whereSeparator: { $0 == " " || $0 == "'" }).map(String.init)
  }

  @Test(arguments: [
    ("la tari di montevarchi quando scade", "'di montevarchi'"),
    ("telefono anagrafe di cortona", "'di cortona'"),
    ("una multa in ztl a siena come la contesto", "'a siena'"),
    ("orari del comune di castiglion fiorentino", "'di castiglion fiorentino'"),
    ("mi trasferisco a siena come funziona li", "'a siena'"),
    ("calendario raccolta differenziata sansepolcro", "'sansepolcro'"),
    ("lucignano ufficio tecnico per la cila dove si trova?", "'lucignano'"),
    ("orari anagrafe castiglion fiorentino", "'castiglion fiorentino'"),
  ])
  func anotherComunesMatterIsFound(message: String, evidence: String) {
    #expect(comunes.mention(in: words(message)) == evidence)
  }

  @Test(arguments: [
    "mi trasferisco ad arezzo da cortona",
    "vengo da siena, come sposto la residenza",
    "mio figlio studia a siena, deve spostare la residenza?",
    "sono residente a cortona, posso fare la carta d'identità?",
    "mi trasferisco a siena, la tari qui come la chiudo?",
    "sono nato a castiglion fiorentino",
    "ci trasferiamo a bologna, come si disdice la mensa?",
    "i biglietti per il concerto al prato",
    "come sposto la residenza, vengo da siena",
    "la tari quando scade",
  ])
  func questionsAboutArezzoAreNot(message: String) {
    #expect(comunes.mention(in: words(message)) == nil)
  }

  @Test func placeWordsAreComparedAsListed() {
    #expect(OtherComunes.placeWords.allSatisfy(OtherComunes.isPlaceWord))
    #expect(!["da", "la", "il", "at", "dii", ""].contains(where: OtherComunes.isPlaceWord))
  }

  @Test func theMatcherHandsThemOverAndExplainsWhy() throws {
    let rules = try TemporaryRules([
      "tari.faq": faqText(
        "tributi.tari", title: "TARI", examples: ["quando scade la tari", "come pago la tari"]),
      "sinonimi.txt": "[altri_comuni]\nMontevarchi, Castiglion Fiorentino\n",
    ])
    defer { rules.remove() }
    let matcher = Matcher(ruleSet: try #require(RuleSet.load(from: rules.url).ruleSet))
    let decision = matcher.decide("la tari di Montevarchi quando scade?")
    #expect(decision.outcome == .handover)
    #expect(decision.handoverReason == .otherComune)
    #expect(
      decision.explanation.reason
        == "handover (other_comune): the message is about another Comune: 'di montevarchi'")
    #expect(matcher.decide("la tari quando scade?").intent == "tributi.tari")
    // The names are protected: "montevarchi" is not corrected into a rule word.
    let tokens = matcher.analyzer.analyze("montevarchi").tokens
    #expect(tokens.map(\.folded) == ["montevarchi"] && tokens[0].isProtected)
  }
}
