import Foundation
import SportelloEngine
import SportelloStore

/// What the desk did with one inbound message.
public struct ConversationTurn: Sendable {
  /// What happened to the message.
  public enum Outcome: Sendable, Equatable {
    /// The bot answered (small talk and subscriptions included); the intent, if any.
    case answered(intent: String?)
    /// The bot asked "which one?" among these intents.
    case asked(options: [String])
    /// Handed to a person: the ticket opened or joined, and the engine's reason.
    case handedOver(ticketID: Int64, reason: String?)
    /// A staff member holds the citizen's ticket: the message joined it, no bot reply.
    case heldForStaff(ticketID: Int64)
    /// A redelivery (or conflicting reuse) of a message already handled: nothing new.
    case alreadyHandled
  }

  /// The inbound message's row id.
  public var inboundID: Int64
  /// Whether the message was new, a duplicate or a conflict.
  public var record: RecordResult
  /// What happened.
  public var outcome: Outcome
  /// The replies in the outbox for this message, in order (not yet sent).
  public var replies: [OutboundMessage]
  /// The engine's decision, when one was made now.
  public var decision: Decision?
  /// The citizen's ticket involved, if any.
  public var ticket: Ticket?
  /// How long deciding and recording it took, in seconds, when it was measured (in a batch
  /// of ``ConversationService/processPendingBatch(limit:budget:)``).
  public var duration: TimeInterval?

  /// Creates a turn.
  public init(
    inboundID: Int64, record: RecordResult, outcome: Outcome, replies: [OutboundMessage],
    decision: Decision?, ticket: Ticket?
  ) {
    self.inboundID = inboundID
    self.record = record
    self.outcome = outcome
    self.replies = replies
    self.decision = decision
    self.ticket = ticket
  }
}

extension ConversationTurn.Outcome {
  /// The outcome's name as stored with the message: `answer`, `ask`, `handover`, `held`,
  /// `duplicate`.
  public var name: String {
    switch self {
    case .answered: "answer"
    case .asked: "ask"
    case .handedOver: "handover"
    case .heldForStaff: "held"
    case .alreadyHandled: "duplicate"
    }
  }

  /// Whether the message went to a person.
  public var isHandover: Bool {
    if case .handedOver = self { return true }
    return false
  }
}
