import Foundation
import SportelloText

/// One turn of a conversation: decides and renders the reply.
///
/// The single code path used by `sportello ask`, `chat` and `test`, the desk and
/// the server, so a message gets the same reply everywhere.
///
///     let responder = Responder(matcher: Matcher(ruleSet: rules))
///     let first = responder.respond(to: "documento per l'espatrio", pending: nil)
///     // first.replies[0].text == "Intendi: 1) Carta d'identità 2) Passaporto? Rispondi con
///     //   il numero, 0 per un operatore"
///     let second = responder.respond(to: "2", pending: first.pending)
///     // second.decision.intent == "passaporto"
public struct Responder: Sendable {
  /// The matcher.
  public let matcher: Matcher

  /// Whether decisions carry their ``Explanation`` (what `sportello ask --explain` shows).
  ///
  /// Building it costs about as much as the decision itself, so the desk, the server and
  /// batch tests leave it out; the decision is the same either way.
  public let explainsDecisions: Bool

  /// What the replies need of each FAQ, by intent id (the first FAQ of an id), worked out
  /// once: the profile's values do not change while a rule set is loaded.
  private let replies: [String: FAQReply]

  /// The office hours of the profile.
  private let officeHours: OfficeHours

  /// Reads the answers to menus, with every title analysed once.
  private let resolver: ChoiceResolver

  /// `messaggio_operatore_in_orario`, filled.
  private let openAcknowledgement: String

  /// `messaggio_operatore_fuori_orario`, filled but for `{riapertura}`.
  private let closedAcknowledgement: SlotTemplate

  /// `messaggio_conferma`, filled but for `{opzione}`.
  private let confirmationQuestion: SlotTemplate

  /// `messaggio_scelta`, filled but for `{opzioni}`.
  private let choiceQuestion: SlotTemplate

  /// `messaggio_iscrizione`, filled: the reply of a subscription FAQ without an answer.
  private let subscribedMessage: String

  /// `messaggio_cancellazione`, filled: the reply of an unsubscription FAQ without an
  /// answer.
  private let unsubscribedMessage: String

  /// What the replies need of one FAQ.
  private struct FAQReply: Sendable {
    /// What answering it does.
    var action: IntentAction
    /// The title, for menus.
    var title: String
    /// The answer as the citizen gets it, for an FAQ that does not hand over.
    var answer: String?
    /// For an FAQ that hands over and has an answer: the answer with its link, filled but
    /// for `{riapertura}`.
    var handoverAnswer: SlotTemplate?
  }

  /// Creates a responder.
  ///
  /// - Parameters:
  ///   - matcher: The matcher of the rule set to answer from.
  ///   - explainsDecisions: Whether decisions carry their explanation.
  public init(matcher: Matcher, explainsDecisions: Bool = false) {
    self.matcher = matcher
    self.explainsDecisions = explainsDecisions
    let ruleSet = matcher.ruleSet
    var answers: [String: String] = [:]
    for faq in ruleSet.faqs where faq.action != .handover && answers[faq.id] == nil {
      answers[faq.id] = ruleSet.renderedAnswer(of: faq)
    }
    let profileValues = ruleSet.profile.values
    func template(_ key: String, slot: String) -> SlotTemplate {
      let text = ruleSet.settings.templates[key] ?? MatcherSettings.defaultTemplates[key] ?? ""
      return SlotTemplate(text, slot: slot) { profileValues[$0] }
    }
    var replies: [String: FAQReply] = [:]
    for faq in ruleSet.faqs where replies[faq.id] == nil {
      let handoverAnswer = faq.answer.map { answer in
        SlotTemplate(answer, slot: "riapertura") { profileValues[$0] }
          .appending(faq.link.map { "\n" + $0 } ?? "")
      }
      replies[faq.id] = FAQReply(
        action: faq.action, title: faq.title, answer: answers[faq.id],
        handoverAnswer: faq.action == .handover ? handoverAnswer : nil)
    }
    self.replies = replies
    officeHours = ruleSet.profile.officeHours
    resolver = ChoiceResolver(analyzer: matcher.analyzer, ruleSet: ruleSet)
    openAcknowledgement = ruleSet.message("messaggio_operatore_in_orario")
    closedAcknowledgement = template("messaggio_operatore_fuori_orario", slot: "riapertura")
    confirmationQuestion = template("messaggio_conferma", slot: "opzione")
    choiceQuestion = template("messaggio_scelta", slot: "opzioni")
    subscribedMessage = ruleSet.message("messaggio_iscrizione")
    unsubscribedMessage = ruleSet.message("messaggio_cancellazione")
  }

  private var ruleSet: RuleSet { matcher.ruleSet }

  /// Decides and renders the reply to `message`.
  ///
  /// - Parameters:
  ///   - message: The citizen's text.
  ///   - pending: The citizen's open "which one?" question, if any. A reply of "1", "2",
  ///     "3" (or "uno", "secondo"...), an option's title, or "0"/"operatore" resolves it;
  ///     anything else is decided as a new message. An expired question is ignored.
  ///   - now: The current time.
  /// - Returns: The decision, the action, the replies and the new pending state.
  public func respond(to message: String, pending: PendingChoice?, now: Date = Date()) -> Response {
    if let pending, !pending.isExpired(at: now, after: ruleSet.settings.choiceExpiry) {
      // One analysis serves the menu's answer and, when it is none, the new question.
      let analysed = matcher.analyzer.analyze(message)
      switch resolver.resolve(analyzed: analysed, pending) {
      case .option(let id)?:
        var explanation = Explanation()
        explanation.thresholds = matcher.thresholds
        explanation.reason = "answer: chosen from the menu"
        let title = replies[id]?.title ?? id
        let decision = Decision(
          outcome: .answer, intent: id, confidence: 1,
          candidates: [Candidate(intent: id, title: title, score: 1)],
          handoverReason: replies[id]?.action == .handover ? .choseOperator : nil,
          explanation: explanation)
        return render(decision, now: now)
      case .person?:
        var explanation = Explanation()
        explanation.thresholds = matcher.thresholds
        explanation.reason = "handover (chose_operator): the citizen chose a person in the menu"
        let decision = Decision(
          outcome: .handover, confidence: 1, handoverReason: .choseOperator,
          explanation: explanation)
        return render(decision, now: now)
      case .outOfRange?:
        var explanation = Explanation()
        explanation.thresholds = matcher.thresholds
        explanation.reason = "ask: the number is not in the menu; the menu is sent again"
        let decision = Decision(
          outcome: .ask, options: pending.options, confidence: 0, explanation: explanation)
        return Response(
          decision: decision, action: .none, replies: [choiceReply(pending.options)],
          pending: pending)
      case nil:
        let decision = matcher.decide(analyzed: analysed, now: now, explains: explainsDecisions)
        return render(decision, now: now)
      }
    }
    return render(matcher.decide(message, now: now, explains: explainsDecisions), now: now)
  }

  /// Renders a decision as the citizen's replies.
  public func render(_ decision: consuming Decision, now: Date) -> Response {
    switch decision.outcome {
    case .ask:
      // The decision is handed on last, and moved: a use after it would copy it whole.
      let options = decision.options
      let reply = choiceReply(options)
      return Response(
        decision: consume decision, action: .none, replies: [reply],
        pending: PendingChoice(options: options, askedAt: now))
    case .handover:
      return Response(
        decision: consume decision, action: .handover,
        replies: [OutgoingReply(kind: .text, text: handoverAcknowledgement(at: now))],
        pending: nil)
    case .answer:
      guard let id = decision.intent, let reply = replies[id] else {
        return Response(decision: consume decision, action: .none, replies: [], pending: nil)
      }
      let text: String
      switch reply.action {
      case .handover:
        if let answer = reply.handoverAnswer {
          // The next opening is worked out only when the answer names it.
          let opening = answer.hasSlot ? officeHours.describeNextOpening(after: now) : ""
          text = answer.filled(with: opening)
        } else {
          text = handoverAcknowledgement(at: now)
        }
      case .subscribe:
        text = reply.answer ?? subscribedMessage
      case .unsubscribe:
        text = reply.answer ?? unsubscribedMessage
      case .none, .smallTalk:
        text = reply.answer ?? ""
      }
      return Response(
        decision: consume decision, action: reply.action,
        replies: [OutgoingReply(kind: .text, text: text)], pending: nil)
    }
  }

  /// The "which one?" reply for `options` (intent ids), from `messaggio_scelta`; with one
  /// option, the question whether it is that one, from `messaggio_conferma`.
  ///
  /// With the default templates: `Intendi: 1) Carta d'identità 2) Passaporto? Rispondi con
  /// il numero, 0 per un operatore`, and `Intendi *Passaporto*? Rispondi *sì*, oppure *0* per
  /// un operatore`.
  public func choiceReply(_ options: [String]) -> OutgoingReply {
    let choices = options.map { ChoiceOption(id: $0, title: replies[$0]?.title ?? $0) }
    if choices.count == 1 {
      let text = confirmationQuestion.filled(with: choices[0].title)
      return OutgoingReply(kind: .choice, text: text, options: choices)
    }
    let list = choices.enumerated().map { "\($0.offset + 1)) \($0.element.title)" }
      .joined(separator: " ")
    let text = choiceQuestion.filled(with: list)
    return OutgoingReply(kind: .choice, text: text, options: choices)
  }

  /// The acknowledgement of a handover: `messaggio_operatore_in_orario` while the office
  /// is open, otherwise `messaggio_operatore_fuori_orario` with `{riapertura}` filled
  /// (such as "lunedì alle 8:30").
  public func handoverAcknowledgement(at date: Date) -> String {
    // The wall clock is read once: the time zone's offset costs more than the rest.
    let clock = officeHours.wallClock(date)
    if officeHours.isOpen(at: clock) { return openAcknowledgement }
    let opening =
      closedAcknowledgement.hasSlot ? officeHours.describeNextOpening(after: clock) : ""
    return closedAcknowledgement.filled(with: opening)
  }

  /// The reply to a message that is not text (a photo, a voice note).
  public func nonTextReply() -> OutgoingReply {
    OutgoingReply(kind: .text, text: ruleSet.message("messaggio_non_testo"))
  }
}
