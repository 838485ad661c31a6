import Foundation

/// An inbound message as recorded, with what the desk did with it.
public struct StoredInboundMessage: Sendable, Equatable {
  /// The row id: arrival order across all citizens.
  public var id: Int64

  /// The message as received (its text is empty once purged).
  public var message: InboundMessage

  /// When the desk recorded it.
  public var receivedAt: Date

  /// Whether it still waits for a decision.
  public var state: InboundState

  /// The decision's outcome (`answer`, `ask`, `handover`, `silent`), once processed.
  public var outcome: String?

  /// The intent answered, if any.
  public var intent: String?

  /// The ticket it went to, if any.
  public var ticketID: Int64?

  /// Whether the text was deleted by a retention purge.
  public var isTextPurged: Bool

  /// Creates a record.
  public init(
    id: Int64, message: InboundMessage, receivedAt: Date, state: InboundState,
    outcome: String? = nil, intent: String? = nil, ticketID: Int64? = nil,
    isTextPurged: Bool = false
  ) {
    self.id = id
    self.message = message
    self.receivedAt = receivedAt
    self.state = state
    self.outcome = outcome
    self.intent = intent
    self.ticketID = ticketID
    self.isTextPurged = isTextPurged
  }
}

/// Where an inbound message is in its handling.
public enum InboundState: String, Sendable, Codable {
  /// Durably recorded, not yet decided and answered.
  case pending
  /// Decided; its replies are in the outbox.
  case processed
}

/// What recording an inbound message did.
public enum RecordResult: Sendable, Equatable {
  /// A new message, recorded under this row id.
  case recorded(id: Int64)
  /// The same message again (same id, same content): nothing new recorded.
  case duplicate(id: Int64)
  /// The id was reused with different content: kept as a conflict, the original untouched.
  case conflict(id: Int64)

  /// The row id of the original message.
  public var id: Int64 {
    switch self {
    case .recorded(let id), .duplicate(let id), .conflict(let id): id
    }
  }

  /// Whether a new message was recorded.
  public var isNew: Bool {
    if case .recorded = self { return true }
    return false
  }
}

/// A citizen's open "which one?" question, as stored.
public struct StoredPendingChoice: Sendable, Equatable, Codable {
  /// The intent ids offered, in menu order.
  public var options: [String]

  /// When the question was asked.
  public var askedAt: Date

  /// Creates a pending choice.
  public init(options: [String], askedAt: Date) {
    self.options = options
    self.askedAt = askedAt
  }
}
