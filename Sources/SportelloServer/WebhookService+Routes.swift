import Foundation
import SportelloDesk
import SportelloHTTP
import SportelloLogging
import SportelloStore

extension WebhookService {
  /// The routes: `/webhook` (GET, POST), `/api/messages`, `/healthz` and `/metrics`.
  func makeRouter() -> Router {
    var router = Router()
    router.add("GET", "/webhook") { [self] in verifySubscription($0) }
    router.add("POST", "/webhook") { [self] in receiveWebhook($0) }
    router.add("POST", "/api/messages") { [self] in receiveAPIMessage($0) }
    router.add("GET", "/healthz") { [self] _ in health() }
    router.add("GET", "/metrics") { [self] _ in metricsPage() }
    return router
  }

  /// Meta's verification: the challenge back when the mode and token match, else 403.
  func verifySubscription(_ request: HTTPRequest) -> HTTPResponse {
    let query = request.queryParameters
    guard let expected = configuration.verifyToken, query["hub.mode"] == "subscribe",
      let token = query["hub.verify_token"],
      HMAC.constantTimeEquals(Array(token.utf8), Array(expected.utf8)),
      let challenge = query["hub.challenge"]
    else {
      logger.warning("webhook.verification_refused", ["remote": request.remoteAddress])
      return .error(403)
    }
    logger.info("webhook.verified", [:])
    return HTTPResponse(
      status: 200, headers: HTTPHeaders([("Content-Type", "text/plain")]),
      body: Array(challenge.utf8))
  }

  /// A webhook POST: signature first, then every message recorded durably, then 200.
  func receiveWebhook(_ request: HTTPRequest) -> HTTPResponse {
    if let verifier {
      let verdict = verifier.verify(
        body: request.body, header: request.headers["X-Hub-Signature-256"])
      guard verdict == .valid else {
        metrics.increment(.signatureFailures)
        logger.warning(
          "webhook.signature_refused",
          ["reason": verdict.rawValue, "remote": request.remoteAddress])
        return .error(401)
      }
    }
    let events: WebhookEvents
    do {
      events = try WebhookEvents.decode(request.body)
    } catch {
      logger.warning("webhook.malformed", ["remote": request.remoteAddress])
      return .error(400)
    }
    let service = rules.current
    let receivedAt = Date()
    // Everything the POST carries is recorded in one job of the writer, committed with the
    // other requests waiting at the same moment; only then is the 200 sent.
    let outcomes: [RecordOutcome]
    let found: [Bool]
    do {
      (outcomes, found) = try writer.perform { transaction in
        let outcomes = try events.messages.map { message -> RecordOutcome in
          do {
            return .recorded(try service.record(message, receivedAt: receivedAt, in: transaction))
          } catch let error as DeskError {
            // An id the desk cannot use will not improve on redelivery: drop it, loudly.
            return .refused(error)
          }
        }
        let found = try events.statuses.map { status in
          try transaction.recordDeliveryStatus(
            providerMessageID: status.providerMessageID, status: status.status,
            error: status.error, at: status.at)
        }
        return (outcomes, found)
      }
    } catch {
      // Not recorded: 500, so that Meta delivers it again.
      logger.error("message.record_failed", ["error": String(describing: error)])
      return .error(500)
    }
    for (message, outcome) in zip(events.messages, outcomes) {
      var metadata = [
        "citizen": Logger.maskedNumber(message.citizenID), "message": message.messageID,
        "kind": message.kind.rawValue,
      ]
      switch outcome {
      case .recorded(.recorded):
        metrics.increment(.received)
        logger.info("message.received", metadata)
        logger.debug("message.text", metadata.merging(["text": message.text]) { $1 })
      case .recorded(.duplicate):
        metrics.increment(.duplicates)
        logger.info("message.duplicate", metadata)
      case .recorded(.conflict):
        metrics.increment(.duplicates)
        logger.warning("message.conflict", metadata)
      case .refused(let error):
        metadata["error"] = error.description
        logger.error("message.refused", metadata)
      }
    }
    for (status, isFound) in zip(events.statuses, found) {
      metrics.increment(.statuses)
      var metadata = ["status": status.status, "message": status.providerMessageID]
      if let error = status.error { metadata["error"] = error }
      logger.log(
        status.status == "failed" ? .warning : .info,
        isFound ? "status.recorded" : "status.unmatched", metadata)
    }
    if !events.messages.isEmpty { messagesRecorded() }
    return .text("EVENT_RECEIVED")
  }

  /// `POST /api/messages`: `{"from", "text"}` in, the replies out, in one transaction.
  func receiveAPIMessage(_ request: HTTPRequest) -> HTTPResponse {
    if let token = configuration.apiToken {
      let given = request.headers["Authorization"] ?? ""
      guard HMAC.constantTimeEquals(Array(given.utf8), Array("Bearer \(token)".utf8)) else {
        logger.warning("api.unauthorized", ["remote": request.remoteAddress])
        var response = HTTPResponse.error(401)
        response.headers.set("WWW-Authenticate", "Bearer")
        return response
      }
    }
    guard let input = try? JSONDecoder().decode(APIMessageRequest.self, from: Data(request.body))
    else { return Self.jsonError("expected a JSON object with 'from' and 'text'", status: 400) }
    let message = InboundMessage(
      channel: "api", citizenID: input.from, displayName: input.name,
      messageID: input.id ?? UUID().uuidString, sentAt: Date(), kind: .text, text: input.text)
    let turn: ConversationTurn
    let service = rules.current
    do {
      turn = try writer.perform { transaction in
        let start = DispatchTime.now().uptimeNanoseconds
        var turn = try service.handle(message, in: transaction)
        turn.duration = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        // The replies travel in this response: they are delivered, not left for the outbox.
        for reply in turn.replies where reply.status == .pending {
          try transaction.markSent(outboundID: reply.id, providerMessageID: nil, at: Date())
        }
        return turn
      }
    } catch let error as DeskError {
      return Self.jsonError(error.description, status: 422)
    } catch {
      logger.error("api.failed", ["error": String(describing: error)])
      return Self.jsonError("internal error", status: 500)
    }
    // Counted as the webhook's messages are: received once, decided once.
    if case .alreadyHandled = turn.outcome {
      metrics.increment(.duplicates)
    } else {
      metrics.increment(.received)
      if let duration = turn.duration { metrics.observeDecision(seconds: duration) }
    }
    switch turn.outcome {
    case .answered: metrics.increment(.answered)
    case .asked: metrics.increment(.asked)
    case .handedOver: metrics.increment(.handedOver)
    case .heldForStaff: metrics.increment(.heldForStaff)
    case .alreadyHandled: break
    }
    logger.info(
      "api.message",
      ["citizen": Logger.maskedNumber(input.from), "outcome": turn.outcome.name])
    let reply = APIMessageResponse(turn: turn)
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    guard let data = try? encoder.encode(reply) else {
      return Self.jsonError("internal error", status: 500)
    }
    return .json(Array(data))
  }

  /// `GET /healthz`: 200 with the rule set's version and counts.
  func health() -> HTTPResponse {
    let ruleSet = rules.current.responder.matcher.ruleSet
    let pending = (try? store.read { try $0.pendingInboundCount() }) ?? -1
    let object: [String: Any] = [
      "status": "ok", "rules_version": ruleSet.version, "faqs": ruleSet.faqs.count,
      "pending_inbound": pending, "mode": configuration.isDryRun ? "dry-run" : "live",
    ]
    let data =
      (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
    return .json(Array(data))
  }

  /// `GET /metrics`: the counters, the outbox gauges and the latency histogram.
  func metricsPage() -> HTTPResponse {
    let backlog =
      (try? store.read { try $0.outboxBacklog() }) ?? OutboxBacklog(unsent: 0, failed: 0)
    let pending = (try? store.read { try $0.pendingInboundCount() }) ?? 0
    let text = metrics.render(gauges: [
      ("sportello_outbox_backlog", "Outbox messages waiting to be sent.", Double(backlog.unsent)),
      ("sportello_outbox_failed", "Outbox messages given up.", Double(backlog.failed)),
      ("sportello_inbound_pending", "Recorded messages not yet decided.", Double(pending)),
      (
        "sportello_rules_faqs", "FAQs in the current rule set.",
        Double(rules.current.responder.matcher.ruleSet.faqs.count)
      ),
    ])
    return HTTPResponse(
      status: 200, headers: HTTPHeaders([("Content-Type", "text/plain; version=0.0.4")]),
      body: Array(text.utf8))
  }

  static func jsonError(_ message: String, status: Int) -> HTTPResponse {
    let data = (try? JSONEncoder().encode(["error": message])) ?? Data()
    return .json(Array(data), status: status)
  }

  /// What recording one message of a webhook did.
  enum RecordOutcome {
    /// Recorded: new, a duplicate or a conflict.
    case recorded(RecordResult)
    /// Refused before anything was written (an unusable id).
    case refused(DeskError)
  }
}
