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

  /// Records a message as pending inside the caller's transaction (which may record many
  /// at once, with one commit).
  ///
  /// - Throws: As ``record(_:receivedAt:)``; an invalid id throws before anything is written.
  public func record(
    _ message: InboundMessage, receivedAt: Date = Date(), in transaction: any DeskTransaction
  ) throws -> RecordResult {
    try Self.validate(message)
    return try transaction.recordInbound(message, receivedAt: receivedAt)
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

  /// Decides and replies to the oldest pending messages, up to `limit` of them, in one
  /// transaction.
  ///
  /// One commit for many messages: the pages they share (the newest rows of each table and
  /// index) are written to the log once, which is what lets the processor keep up with a
  /// busy webhook. The batch stops early once it has held the write lock for `budget`
  /// seconds, so that the webhook's recording never waits long behind it. Messages are
  /// processed strictly in arrival order, each seeing what the ones before it changed.
  ///
  /// - Parameters:
  ///   - limit: The most messages to process.
  ///   - budget: Seconds after which no further message is started.
  /// - Returns: The turns, in order; empty when nothing is pending.
  /// - Throws: A store error; then nothing of the batch is kept and every message is still
  ///   pending.
  public func processPendingBatch(limit: Int, budget: TimeInterval = 0.005) throws
    -> [ConversationTurn]
  {
    try store.write { transaction in
      let start = DispatchTime.now().uptimeNanoseconds
      let deadline = start + UInt64(max(0, budget) * 1e9)
      var turns: [ConversationTurn] = []
      var turnStart = start
      // Read in one query: nothing else writes while this transaction holds the lock.
      for pending in try transaction.pendingInbound(limit: limit) {
        var turn = try process(pending, record: .recorded(id: pending.id), in: transaction)
        let now = DispatchTime.now().uptimeNanoseconds
        turn.duration = Double(now - turnStart) / 1e9
        turnStart = now
        turns.append(turn)
        if now >= deadline { break }
      }
      return turns
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
    try store.write { try handle(message, receivedAt: receivedAt, in: $0) }
  }

  /// Records, decides and enqueues the replies of one message inside the caller's
  /// transaction.
  ///
  /// - Throws: As ``handle(_:receivedAt:)``.
  public func handle(
    _ message: InboundMessage, receivedAt: Date = Date(), in transaction: any DeskTransaction
  ) throws -> ConversationTurn {
    try Self.validate(message)
    // Decided in this same transaction: it never waits in the queue of pending messages.
    let recorded = try transaction.recordInbound(
      message, receivedAt: receivedAt, isPending: false)
    if recorded.isNew {
      let stored = StoredInboundMessage(
        id: recorded.id, message: message, receivedAt: receivedAt, state: .pending)
      return try process(stored, record: recorded, in: transaction)
    }
    guard let stored = try transaction.inboundMessage(id: recorded.id) else {
      throw DeskError.store(.corruptValue(column: "inbound_messages.id", reason: "vanished"))
    }
    if stored.state == .pending {
      return try process(stored, record: recorded, in: transaction)
    }
    return ConversationTurn(
      inboundID: recorded.id, record: recorded, outcome: .alreadyHandled,
      replies: try transaction.outboundMessages(forInbound: recorded.id), decision: nil,
      ticket: try stored.ticketID.flatMap { try transaction.ticket(id: $0) })
  }

  /// Checks the ids a channel gave before anything is stored.
  static func validate(_ message: InboundMessage) throws {
    let citizen = message.citizenID
    // Scalar tests rather than Foundation's character sets: this runs for every message.
    // Control characters are the C0 and C1 ranges and DEL (general category Cc); blanks are
    // the tab and the space separators (Zs), as in `CharacterSet.whitespaces`.
    let scalars = citizen.unicodeScalars
    let hasControl = scalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }
    let isBlank = scalars.allSatisfy {
      $0 == " " || $0 == "\t"
        || ($0.value >= 0x80 && $0.properties.generalCategory == .spaceSeparator)
    }
    if citizen.isEmpty || citizen.utf8.count > 256 || hasControl || isBlank {
      throw DeskError.invalidCitizenID(citizen)
    }
    if message.messageID.isEmpty || message.messageID.utf8.count > 512 {
      throw DeskError.invalidMessageID(message.messageID)
    }
  }
}
