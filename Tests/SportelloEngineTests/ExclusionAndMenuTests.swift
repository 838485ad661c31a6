import Foundation
import Testing

@testable import SportelloEngine

/// Exclusions match the words as written; menus offer only FAQs whose required words
/// are in the message.
@Suite struct ExclusionAndMenuTests {
  private let now = ISO8601DateFormatter().date(from: "2026-12-07T10:00:00Z") ?? Date()

  /// A CIE FAQ that lost-and-found messages ("ho trovato una carta d'identità") and
  /// home deliveries ("a casa") must leave out, and a synonym concept among its exclusions.
  private func matcher() throws -> Matcher {
    let rules = try TemporaryRules([
      "cie.faq": faqText(
        "anagrafe.carta_identita", title: "Carta d'identità",
        examples: ["come rinnovo la carta d'identità", "carta d'identità scaduta"],
        extra: "parole:\n- carta d'identità, rinnovo\n"
          + "escludi:\n- trovato, trovata\n- a casa\n- tassa rifiuti\n"),
      "tari.faq": faqText(
        "tributi.tari", title: "TARI", examples: ["quanto si paga di tari"],
        extra: "parole:\n- tari\n"),
      "sinonimi.txt": "[sinonimi]\ntari = tassa rifiuti = tassa spazzatura\n",
    ])
    defer { rules.remove() }
    let ruleSet = try #require(RuleSet.load(from: rules.url, now: now).ruleSet)
    return Matcher(ruleSet: ruleSet)
  }

  @Test(arguments: [
    "ho trovato una carta d'identità per strada",
    "ho trovata una carta d'identità",
    "trovati due carta d'identità sulla panchina",
    "mi portate la carta d'identità a casa?",
    "carta d'identità e tassa spazzatura",
  ])
  func exclusionOccursAsWritten(message: String) throws {
    let decision = try matcher().decide(message, now: now)
    #expect(
      decision.explanation.excluded.contains { $0.hasPrefix("anagrafe.carta_identita: ") },
      "\(message): \(decision.explanation.reason)")
  }

  @Test(arguments: [
    "devo andare a trovare mia figlia all'estero, come rinnovo la carta d'identità?",
    "carta d'identità scaduta, la rinnovo o la casa comunale è chiusa?",
  ])
  func otherFormsOfTheSameStemDoNotExclude(message: String) throws {
    let decision = try matcher().decide(message, now: now)
    #expect(decision.explanation.excluded.isEmpty, "\(decision.explanation.excluded)")
    #expect(decision.intent == "anagrafe.carta_identita", "\(decision.explanation.reason)")
  }

  @Test func sameWordAllowsAnotherFinalVowelFromFiveLetters() {
    #expect(Query.sameWord("trovata", "trovato"))
    #expect(Query.sameWord("multe", "multa"))
    #expect(!Query.sameWord("trovare", "trovato"))
    #expect(!Query.sameWord("caso", "casa"))
    #expect(!Query.sameWord("trovat", "trovato"))
  }

  @Test func menuLeavesOutFAQsWhoseRequiredWordsAreMissing() throws {
    let rules = try TemporaryRules([
      "scadenze.faq":
        faqText(
          "tributi.imu", title: "IMU", examples: ["scadenza imu", "quando scade l'imu"],
          extra: "richiede:\n- imu\n")
        + "\n"
        + faqText(
          "tributi.tari", title: "TARI", examples: ["scadenza tari", "quando scade la tari"])
        + "\n"
        + faqText(
          "anagrafe.cie", title: "CIE", examples: ["scadenza carta", "quando scade la carta"])
    ])
    defer { rules.remove() }
    let ruleSet = try #require(RuleSet.load(from: rules.url, now: now).ruleSet)
    let decision = Matcher(ruleSet: ruleSet).decide("scadenza", now: now)
    #expect(decision.outcome == .ask, "\(decision.explanation.reason)")
    #expect(decision.candidates.contains { $0.intent == "tributi.imu" })
    #expect(Set(decision.options) == ["tributi.tari", "anagrafe.cie"])
    let reason = decision.explanation.reason
    // The three tie; ties rank by intent id.
    #expect(
      reason == "ask: the best FAQ, anagrafe.cie (0.80), ties with tributi.imu; options "
        + "have scores >= 0.35")
  }

  @Test func handoverForMissingRequiredWordsSaysSo() throws {
    let rules = try TemporaryRules([
      "multe.faq": faqText(
        "polizia.multe", title: "Multe",
        examples: ["sconto del 30 per cento entro 5 giorni", "come pago la multa"],
        extra: "richiede:\n- multa, verbale\n")
    ])
    defer { rules.remove() }
    let ruleSet = try #require(RuleSet.load(from: rules.url, now: now).ruleSet)
    let decision = Matcher(ruleSet: ruleSet).decide("sconto entro 5 giorni?", now: now)
    #expect(decision.outcome == .handover)
    #expect(decision.handoverReason == .noMatch)
    let reason = decision.explanation.reason
    #expect(reason.contains("(polizia.multe) is at least 0.35"), "\(reason)")
    #expect(reason.hasSuffix("has its required words"), "\(reason)")
  }

  /// The margin is taken over the next FAQ that could be answered instead: one missing
  /// its required words does not block the answer, unless it ties.
  @Test func marginIgnoresFAQsMissingTheirRequiredWordsUnlessTheyTie() throws {
    let rules = try TemporaryRules([
      "a.faq":
        faqText(
          "sportello.appuntamento", title: "Appuntamenti",
          examples: ["disdire appuntamento", "prenotare un appuntamento"])
        + "\n"
        + faqText(
          "scuola.mensa", title: "Mensa", examples: ["disdire domani", "disdire il pasto"],
          extra: "richiede:\n- mensa, pasto\n"),
      "impostazioni.txt": "margine: 0.2\n",
    ])
    defer { rules.remove() }
    let matcher = Matcher(ruleSet: try #require(RuleSet.load(from: rules.url, now: now).ruleSet))
    let decision = matcher.decide("disdire appuntamento domani", now: now)
    let mensa = try #require(decision.candidates.first { $0.intent == "scuola.mensa" })
    let best = try #require(decision.candidates.first)
    #expect(best.score - mensa.score < 0.2, "the FAQ without its words is within the margin")
    #expect(decision.intent == "sportello.appuntamento", "\(decision.explanation.reason)")
    #expect(decision.explanation.reason.hasSuffix("over the next FAQ with its required words"))

    let missing = ScoredFAQ(
      faq: 1, score: 0.7, exampleScore: 0.7, bestExample: nil, coverage: 0.5,
      matchedKeywordGroups: 0, missingRequiredGroups: 1)
    var best07 = missing
    best07.faq = 0
    best07.missingRequiredGroups = 0
    #expect(Matcher.lead(of: best07, over: [missing][...]) == nil, "a tie is no lead")
    var lower = missing
    lower.score = 0.68
    var contender = missing
    contender.score = 0.6
    contender.missingRequiredGroups = 0
    let lead = try #require(Matcher.lead(of: best07, over: [lower, contender][...]))
    #expect(abs(lead - 0.1) < 1e-9)
  }
}
