import Foundation
import Testing

@testable import SportelloEngine

@Suite struct ResponderTests {
  private func responder() throws -> Responder {
    Responder(matcher: try #require(FixtureRules.matcher))
  }

  private let monday = FixtureRules.mondayMorning

  @Test func choiceTextHasTheDefaultWording() throws {
    let reply = try responder().choiceReply(["anagrafe.carta_identita", "passaporto"])
    #expect(reply.kind == .choice)
    #expect(
      reply.text
        == "Intendi: 1) Carta d'identità 2) Passaporto? "
        + "Rispondi con il numero, 0 per un operatore")
    #expect(
      reply.options == [
        ChoiceOption(id: "anagrafe.carta_identita", title: "Carta d'identità"),
        ChoiceOption(id: "passaporto", title: "Passaporto"),
      ])
  }

  @Test func oneOptionIsAskedAsAConfirmation() throws {
    let reply = try responder().choiceReply(["passaporto"])
    #expect(reply.kind == .choice)
    #expect(reply.text == "Intendi *Passaporto*? Rispondi *sì*, oppure *0* per un operatore")
    #expect(reply.options == [ChoiceOption(id: "passaporto", title: "Passaporto")])
  }

  @Test(arguments: [
    ("sì", "answer"), ("si", "answer"), ("Sì, esatto", "answer"), ("va bene", "answer"),
    ("1", "answer"), ("no", "person"), ("no grazie", "person"), ("0", "person"),
    ("grazie", "other"),
  ])
  func oneOptionIsResolvedByYesOrNo(reply: String, expected: String) throws {
    let pending = PendingChoice(options: ["passaporto"], askedAt: monday)
    let response = try responder().respond(
      to: reply, pending: pending, now: monday.addingTimeInterval(60))
    switch expected {
    case "answer":
      #expect(response.decision.outcome == .answer, "\(reply)")
      #expect(response.decision.intent == "passaporto", "\(reply)")
    case "person":
      #expect(response.decision.handoverReason == .choseOperator, "\(reply)")
    default:
      #expect(response.decision.intent != "passaporto", "\(reply)")
    }
  }

  @Test func answerFillsPlaceholders() throws {
    let response = try responder().respond(to: "quanto pago di tari", pending: nil, now: monday)
    #expect(response.decision.intent == "tributi.tari")
    #expect(response.action == .none)
    #expect(response.pending == nil)
    #expect(
      response.replies == [
        OutgoingReply(kind: .text, text: "La *TARI* si paga in due rate. Info: 0575 377777")
      ])
  }

  @Test func askStoresThePendingChoice() throws {
    let response = try responder().respond(to: "scadenza", pending: nil, now: monday)
    #expect(response.decision.outcome == .ask)
    #expect(
      response.pending == PendingChoice(options: ["tributi.imu", "tributi.tari"], askedAt: monday))
    #expect(
      response.replies.first?.text
        == "Intendi: 1) IMU 2) TARI? Rispondi con il numero, 0 per un operatore")
  }

  @Test(arguments: [
    ("2", "tributi.tari"), ("1", "tributi.imu"), (" 2. ", "tributi.tari"),
    ("la seconda", "tributi.tari"),
    ("tari", "tributi.tari"), ("IMU", "tributi.imu"), ("opzione 1", "tributi.imu"),
  ])
  func pendingChoiceIsResolvedByNumberOrTitle(reply: String, intent: String) throws {
    let pending = PendingChoice(options: ["tributi.imu", "tributi.tari"], askedAt: monday)
    let response = try responder().respond(
      to: reply, pending: pending, now: monday.addingTimeInterval(60))
    #expect(response.decision.outcome == .answer)
    #expect(response.decision.intent == intent)
    #expect(response.pending == nil)
  }

  @Test(arguments: ["0", "operatore", "voglio un operatore"])
  func zeroOrOperatorHandsOver(reply: String) throws {
    let pending = PendingChoice(options: ["tributi.imu", "tributi.tari"], askedAt: monday)
    let response = try responder().respond(to: reply, pending: pending, now: monday)
    #expect(response.decision.outcome == .handover)
    #expect(response.decision.handoverReason == .choseOperator)
    #expect(response.action == .handover)
    #expect(response.pending == nil)
  }

  @Test func numberOutsideTheMenuSendsTheMenuAgain() throws {
    let pending = PendingChoice(options: ["tributi.imu", "tributi.tari"], askedAt: monday)
    let response = try responder().respond(to: "5", pending: pending, now: monday)
    #expect(response.decision.outcome == .ask)
    #expect(response.pending == pending)
    #expect(response.replies.first?.kind == .choice)
  }

  @Test func expiredChoiceIsIgnored() throws {
    let pending = PendingChoice(options: ["tributi.imu", "tributi.tari"], askedAt: monday)
    let later = monday.addingTimeInterval(10 * 60 + 1)
    #expect(pending.isExpired(at: later, after: 600))
    #expect(!pending.isExpired(at: monday.addingTimeInterval(600), after: 600))
    let response = try responder().respond(to: "2", pending: pending, now: later)
    #expect(response.decision.intent != "tributi.tari")
    #expect(response.decision.outcome == .handover)
  }

  @Test func newQuestionWhilePendingIsDecidedAfresh() throws {
    let pending = PendingChoice(options: ["tributi.imu", "tributi.tari"], askedAt: monday)
    let response = try responder().respond(
      to: "come faccio il passaporto", pending: pending, now: monday)
    #expect(response.decision.intent == "passaporto")
    #expect(response.pending == nil)
  }

  @Test func handoverAcknowledgementDependsOnOfficeHours() throws {
    let responder = try responder()
    #expect(
      responder.handoverAcknowledgement(at: monday)
        == "Grazie, ho passato il tuo messaggio a una persona dello Sportello Unico: ti risponderà "
        + "qui il prima possibile.")
    let saturdayAfternoon = try #require(
      ISO8601DateFormatter().date(from: "2026-12-05T15:00:00Z"))
    #expect(
      responder.handoverAcknowledgement(at: saturdayAfternoon)
        == "Grazie, ho passato il tuo messaggio a una persona dello Sportello Unico. Ora "
        + "l'ufficio è chiuso: ti risponderemo qui da lunedì alle 8:30.")
  }

  @Test func ownCaseIsHandedOverWithTheAcknowledgement() throws {
    let responder = try responder()
    let response = responder.respond(
      to: "a che punto è la mia richiesta prot. 88123?", pending: nil, now: monday)
    #expect(response.decision.handoverReason == .ownCase)
    #expect(response.action == .handover)
    #expect(response.replies.map(\.text) == [responder.handoverAcknowledgement(at: monday)])
  }

  @Test func operatorIntentWithoutAnAnswerSendsTheAcknowledgement() throws {
    let responder = try responder()
    let response = responder.respond(
      to: "voglio parlare con un operatore", pending: nil, now: monday)
    #expect(response.decision.intent == "operatore")
    #expect(response.action == .handover)
    #expect(response.replies.map(\.text) == [responder.handoverAcknowledgement(at: monday)])
  }

  @Test func subscriptionUsesItsTemplateWhenTheFAQHasNoAnswer() throws {
    let response = try responder().respond(to: "iscrivimi", pending: nil, now: monday)
    #expect(response.action == .subscribe)
    #expect(
      response.replies.first?.text == MatcherSettings.defaultTemplates["messaggio_iscrizione"])
  }

  @Test func smallTalkAnswersOnlyWhenNothingElseFits() throws {
    let responder = try responder()
    #expect(
      responder.respond(to: "buongiorno", pending: nil, now: monday).decision.intent
        == "smalltalk.saluto")
    let mixed = responder.respond(
      to: "buongiorno, come rinnovo la carta d'identità?", pending: nil, now: monday)
    #expect(mixed.decision.intent == "anagrafe.carta_identita")
  }

  @Test func linkIsAppendedOnItsOwnLine() {
    let faq = FAQ(
      id: "a", title: "A", examples: ["bollo auto"], answer: "Vedi il sito.",
      link: "https://www.comune.arezzo.it/a")
    let responder = Responder(matcher: Matcher(ruleSet: RuleSet(faqs: [faq])))
    let response = responder.respond(to: "bollo auto", pending: nil)
    #expect(response.replies.map(\.text) == ["Vedi il sito.\nhttps://www.comune.arezzo.it/a"])
  }
}
