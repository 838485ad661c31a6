import SportelloDesk
import SportelloStore

/// The body of `POST /api/messages`.
///
///     {"from": "393331234567", "text": "orari anagrafe?"}
struct APIMessageRequest: Decodable {
  /// The citizen's id.
  var from: String
  /// What they wrote.
  var text: String
  /// Their name, if known.
  var name: String?
  /// A message id for deduplication; a fresh one when absent.
  var id: String?
}

/// The answer of `POST /api/messages`.
///
///     {"outcome": "answer", "intent": "anagrafe.orari", "replies": [{"kind": "text", ...}]}
struct APIMessageResponse: Encodable {
  /// One reply.
  struct Reply: Encodable {
    var kind: String
    var text: String
    var options: [OutboundOption]
  }

  var outcome: String
  var intent: String?
  var options: [String]?
  var ticket: Int64?
  var replies: [Reply]

  init(turn: ConversationTurn) {
    outcome = turn.outcome.name
    switch turn.outcome {
    case .answered(let intent): self.intent = intent
    case .asked(let options): self.options = options
    case .handedOver(let ticket, _), .heldForStaff(let ticket): self.ticket = ticket
    case .alreadyHandled: break
    }
    replies = turn.replies.map { message in
      switch message.content {
      case .choice(let text, let options):
        Reply(kind: "choice", text: text, options: options)
      case .text(let text), .template(_, _, let text):
        Reply(kind: "text", text: text, options: [])
      }
    }
  }
}
