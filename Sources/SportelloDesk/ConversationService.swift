import Foundation
import SportelloEngine
import SportelloLogging
import SportelloStore

/// The conversation: every inbound message recorded, decided, answered or handed over.
///
/// Two ways in, sharing one code path:
/// - ``handle(_:receivedAt:)`` records, decides and enqueues the replies in **one**
///   transaction (`sportello chat`, `POST /api/messages`);
/// - ``record(_:receivedAt:)`` only records the message as pending, durably, so a webhook can
///   answer 200 at once; ``processNextPending()`` then decides and replies to the oldest
///   pending message in its own transaction. Pending messages survive a crash and are
///   processed at the next start (``processPending()``), in arrival order.
///
/// Replies are only enqueued in the outbox, in order per citizen, never sent here.
/// Decisions use the time the message was received, so a message processed late (after a
/// restart) gets the acknowledgement and "which one?" expiry it would have had.
///
///     let service = ConversationService(store: store, responder: Responder(matcher: matcher))
///     let turn = try service.handle(
///       InboundMessage(channel: "whatsapp", citizenID: "393331234567", messageID: "wamid.1",
///         sentAt: Date(), text: "orari anagrafe?"))
///     turn.replies.map(\.content.text)   // ["L'Anagrafe è aperta ..."]
public struct ConversationService: Sendable {
  /// The store everything is recorded in.
  public let store: any DeskStore

  /// The engine's responder, with the rule set it was built from.
  public let responder: Responder

  /// Where debug events go (message texts are never logged).
  public let logger: Logger

  /// The longest text handed to the matcher; longer messages are stored whole and decided
  /// on their beginning (WhatsApp's own limit is 4,096 characters).
  public static let decisionTextLimit = 4_096

  /// Creates the service.
  public init(store: any DeskStore, responder: Responder, logger: Logger = .disabled) {
    self.store = store
    self.responder = responder
    self.logger = logger
  }

  /// Records a message durably as pending, deduplicated, without deciding anything.
  ///
  /// - Returns: Whether it was new, a duplicate or a conflicting reuse of the id.
  /// - Throws: ``DeskError/invalidCitizenID(_:)`` or ``DeskError/invalidMessageID(_:)``
  ///   (nothing recorded; retrying cannot help), or a store error.
  public func record(_ message: InboundMessage, receivedAt: Date = Date()) throws -> RecordResult {
    try Self.validate(message)
    return try store.write { try $0.recordInbound(message, receivedAt: receivedAt) }
  }

  /// Decides and replies to the oldest pending message, in one transaction.
  ///
  /// - Returns: The turn, or `nil` when nothing is pending.
  public func processNextPending() throws -> ConversationTurn? {
    try store.write { transaction in
      guard let pending = try transaction.nextPendingInbound() else { return nil }
      return try process(pending, record: .recorded(id: pending.id), in: transaction)
    }
  }

  /// Processes every pending message in arrival order (the start-up recovery pass).
  ///
  /// - Returns: The turns, in order.
  @discardableResult
  public func processPending() throws -> [ConversationTurn] {
    var turns: [ConversationTurn] = []
    while let turn = try processNextPending() { turns.append(turn) }
    return turns
  }

  /// Records, decides and enqueues the replies of one message in one transaction.
  ///
  /// A duplicate or conflicting delivery is not decided again: the turn carries the replies
  /// enqueued the first time.
  ///
  /// - Throws: ``DeskError`` for an unusable citizen or message id, or a store error.
  public func handle(_ message: InboundMessage, receivedAt: Date = Date()) throws
    -> ConversationTurn
  {
    try Self.validate(message)
    return try store.write { transaction in
      let recorded = try transaction.recordInbound(message, receivedAt: receivedAt)
      guard let stored = try transaction.inboundMessage(id: recorded.id) else {
        throw DeskError.store(.corruptValue(column: "inbound_messages.id", reason: "vanished"))
      }
      if recorded.isNew || stored.state == .pending {
        return try process(stored, record: recorded, in: transaction)
      }
      return ConversationTurn(
        inboundID: recorded.id, record: recorded, outcome: .alreadyHandled,
        replies: try transaction.outboundMessages(forInbound: recorded.id), decision: nil,
        ticket: try stored.ticketID.flatMap { try transaction.ticket(id: $0) })
    }
  }

  /// Checks the ids a channel gave before anything is stored.
  static func validate(_ message: InboundMessage) throws {
    let citizen = message.citizenID
    let hasControl = citizen.unicodeScalars.contains { $0.properties.generalCategory == .control }
    if citizen.isEmpty || citizen.utf8.count > 256 || hasControl
      || citizen.trimmingCharacters(in: .whitespaces).isEmpty
    {
      throw DeskError.invalidCitizenID(citizen)
    }
    if message.messageID.isEmpty || message.messageID.utf8.count > 512 {
      throw DeskError.invalidMessageID(message.messageID)
    }
  }
}
