import Foundation
import SportelloEngine
import SportelloStore

extension ConversationService {
  /// Decides and answers one recorded message inside the caller's transaction.
  func process(
    _ inbound: StoredInboundMessage, record: RecordResult, in transaction: any DeskTransaction
  ) throws -> ConversationTurn {
    let message = inbound.message
    let now = inbound.receivedAt
    let active = try transaction.activeTicket(for: message.citizenID)
    if let active, active.status == .claimed || active.status == .answered {
      return try holdForStaff(inbound, ticket: active, record: record, in: transaction)
    }
    guard message.kind.isReadable else {
      return try handOverUnreadable(inbound, active: active, record: record, in: transaction)
    }
    let stored = try transaction.pendingChoice(for: message.citizenID)
    var pending = stored.map { PendingChoice(options: $0.options, askedAt: $0.askedAt) }
    var input = String(message.text.prefix(Self.decisionTextLimit))
    if let choice = message.choiceID {
      if let index = pending?.options.firstIndex(of: choice) {
        input = String(index + 1)
      } else if responder.matcher.ruleSet.faq(withID: choice) != nil {
        // A tap on a button of an expired menu still names the intent: answer it.
        pending = PendingChoice(options: [choice], askedAt: now)
        input = "1"
      }
    }
    let response = responder.respond(to: input, pending: pending, now: now)
    let newChoice = response.pending.map {
      StoredPendingChoice(options: $0.options, askedAt: $0.askedAt)
    }
    if newChoice != stored {
      try transaction.savePendingChoice(newChoice, for: message.citizenID)
    }
    var contents = response.replies.map(Self.content(of:))
    try applySubscription(response.action, inbound: inbound, contents: &contents, in: transaction)
    let decision = response.decision
    var ticket = active
    let outcome: ConversationTurn.Outcome
    if decision.outcome == .handover || response.action == .handover {
      // An `azione: operatore` FAQ is answered with its own text as the acknowledgement.
      let reason = (decision.handoverReason ?? .operatorRequested).rawValue
      let opened = try openOrJoin(
        inbound, active: active, reason: reason, candidates: decision.candidates, in: transaction)
      ticket = opened
      // The FAQ's own answer is the acknowledgement; outside office hours the citizen is
      // also told when the Sportello reopens.
      let hours = responder.matcher.ruleSet.profile.officeHours
      if contents.isEmpty || !hours.isOpen(at: now) {
        let acknowledgement = responder.handoverAcknowledgement(at: now)
        if !contents.contains(where: { $0.text == acknowledgement }) {
          contents.append(.text(acknowledgement))
        }
      }
      outcome = .handedOver(ticketID: opened.id, reason: reason)
    } else if decision.outcome == .ask {
      outcome = .asked(options: decision.options)
    } else {
      outcome = .answered(intent: decision.intent)
    }
    if let active, !outcome.isHandover {
      // The citizen's open ticket shows the whole conversation to the staff.
      try transaction.attachInbound(inbound.id, toTicket: active.id)
    }
    let replies = try enqueue(contents, for: inbound, ticketID: ticket?.id, in: transaction)
    try transaction.markProcessed(
      inboundID: inbound.id, outcome: outcome.name, intent: decision.intent, ticketID: ticket?.id,
      at: now)
    logger.debug(
      "desk.decided",
      ["inbound": String(inbound.id), "outcome": outcome.name, "intent": decision.intent ?? "-"])
    return ConversationTurn(
      inboundID: inbound.id, record: record, outcome: outcome, replies: replies,
      decision: decision, ticket: ticket)
  }

  /// A staff member holds the citizen's ticket: the message joins it and the bot is silent.
  private func holdForStaff(
    _ inbound: StoredInboundMessage, ticket: Ticket, record: RecordResult,
    in transaction: any DeskTransaction
  ) throws -> ConversationTurn {
    let now = inbound.receivedAt
    try transaction.attachInbound(inbound.id, toTicket: ticket.id)
    let event = TicketEvent(at: now, kind: .joined, detail: HandoverReason.ticketClaimed.rawValue)
    var held = ticket
    if ticket.status == .answered {
      // The citizen answered the operator: the ticket is back on the operator's desk.
      try transaction.updateTicket(
        id: ticket.id, status: .claimed, operatorName: ticket.operatorName, event: event)
      held.status = .claimed
      held.updatedAt = now
    } else {
      try transaction.addTicketEvent(event, toTicket: ticket.id)
    }
    try transaction.markProcessed(
      inboundID: inbound.id, outcome: "held", intent: nil, ticketID: ticket.id, at: now)
    return ConversationTurn(
      inboundID: inbound.id, record: record, outcome: .heldForStaff(ticketID: ticket.id),
      replies: [], decision: nil, ticket: held)
  }

  /// An image, voice note, location...: stored, handed over, with a polite note.
  private func handOverUnreadable(
    _ inbound: StoredInboundMessage, active: Ticket?, record: RecordResult,
    in transaction: any DeskTransaction
  ) throws -> ConversationTurn {
    let now = inbound.receivedAt
    let reason = HandoverReason.nonText.rawValue
    let ticket = try openOrJoin(
      inbound, active: active, reason: reason, candidates: [], in: transaction)
    let contents: [OutboundContent] = [
      .text(responder.nonTextReply().text), .text(responder.handoverAcknowledgement(at: now)),
    ]
    let replies = try enqueue(contents, for: inbound, ticketID: ticket.id, in: transaction)
    try transaction.markProcessed(
      inboundID: inbound.id, outcome: Decision.Outcome.handover.rawValue, intent: nil,
      ticketID: ticket.id, at: now)
    return ConversationTurn(
      inboundID: inbound.id, record: record,
      outcome: .handedOver(ticketID: ticket.id, reason: reason),
      replies: replies, decision: nil, ticket: ticket)
  }

  /// Opens a ticket, or files the message under the citizen's open one.
  private func openOrJoin(
    _ inbound: StoredInboundMessage, active: Ticket?, reason: String?, candidates: [Candidate],
    in transaction: any DeskTransaction
  ) throws -> Ticket {
    let message = inbound.message
    if let active {
      try transaction.attachInbound(inbound.id, toTicket: active.id)
      try transaction.addTicketEvent(
        TicketEvent(at: inbound.receivedAt, kind: .joined, detail: reason), toTicket: active.id)
      return active
    }
    let office = candidates.first.flatMap {
      responder.matcher.ruleSet.faq(withID: $0.intent)?.office
    }
    // Splits off no more than the words kept: a text may be 100 KB long.
    let words = message.text.split(
      maxSplits: 12, omittingEmptySubsequences: true, whereSeparator: \.isWhitespace)
    let firstWords = words.prefix(12).joined(separator: " ")
    let ticket = try transaction.openTicket(
      NewTicket(
        citizenID: message.citizenID, displayName: message.displayName, channel: message.channel,
        office: office, reason: reason,
        firstWords: firstWords.isEmpty
          ? "[\(message.kind.rawValue)]" : String(firstWords.prefix(200)),
        candidates: candidates.prefix(5).map {
          TicketCandidate(intent: $0.intent, title: $0.title, score: $0.score)
        },
        openedAt: inbound.receivedAt))
    try transaction.attachInbound(inbound.id, toTicket: ticket.id)
    return ticket
  }

  /// Subscribes or unsubscribes, keeping the consent record; adds the privacy link to the
  /// welcome when the rule set's message lacks it.
  private func applySubscription(
    _ action: IntentAction, inbound: StoredInboundMessage, contents: inout [OutboundContent],
    in transaction: any DeskTransaction
  ) throws {
    guard action == .subscribe || action == .unsubscribe else { return }
    let profile = responder.matcher.ruleSet.profile
    let consent = ConsentRecord(
      citizenID: inbound.message.citizenID, channel: inbound.message.channel,
      action: action == .subscribe ? .subscribe : .unsubscribe, at: inbound.receivedAt,
      words: inbound.message.text, privacyNoticeVersion: profile.privacyNoticeVersion,
      inboundID: inbound.id)
    if action == .subscribe {
      _ = try transaction.subscribe(consent)
      if let link = profile.privacyNoticeLink, !contents.contains(where: { $0.text.contains(link) })
      {
        contents.append(.text("Informativa sulla privacy: \(link)"))
      }
    } else {
      _ = try transaction.unsubscribe(consent)
    }
  }

  /// Puts the replies in the outbox, numbered so that each is enqueued once.
  private func enqueue(
    _ contents: [OutboundContent], for inbound: StoredInboundMessage, ticketID: Int64?,
    in transaction: any DeskTransaction
  ) throws -> [OutboundMessage] {
    var replies: [OutboundMessage] = []
    for (sequence, content) in contents.enumerated() {
      let message = NewOutboundMessage(
        citizenID: inbound.message.citizenID, channel: inbound.message.channel, content: content,
        inboundID: inbound.id, sequence: sequence, ticketID: ticketID,
        createdAt: inbound.receivedAt)
      guard let id = try transaction.enqueueOutbound(message) else {
        // Enqueued before (a redelivery racing this one): return what is stored.
        return try transaction.outboundMessages(forInbound: inbound.id)
      }
      replies.append(
        OutboundMessage(
          id: id, citizenID: message.citizenID, channel: message.channel, content: content,
          inboundID: inbound.id, ticketID: ticketID, broadcastID: nil, operatorName: nil,
          ratePerSecond: nil, status: .pending, attempts: 0, createdAt: message.createdAt,
          nextAttemptAt: message.createdAt, sentAt: nil, providerMessageID: nil, lastError: nil,
          deliveryStatus: nil))
    }
    return replies
  }

  /// The outbox form of one of the engine's replies.
  static func content(of reply: OutgoingReply) -> OutboundContent {
    switch reply.kind {
    case .text:
      return .text(reply.text)
    case .choice:
      return .choice(
        text: reply.text, options: reply.options.map { OutboundOption(id: $0.id, title: $0.title) })
    }
  }
}
