import Foundation

/// The desk's storage, in the desk's own terms.
///
/// Everything goes through a transaction: ``write(_:)`` for work that changes something
/// (all or nothing), ``read(_:)`` for a consistent view. ``SQLiteDeskStore`` implements it on
/// one SQLite file; a PostgreSQL backend serving several `sportello serve` instances would
/// implement the same two protocols.
public protocol DeskStore: Sendable {
  /// Runs `body` in a write transaction: committed when it returns, rolled back when it
  /// throws. Writers wait for each other instead of failing.
  func write<T>(_ body: (any DeskTransaction) throws -> T) throws -> T

  /// Runs `body` in a read transaction that sees one consistent state.
  func read<T>(_ body: (any DeskTransaction) throws -> T) throws -> T
}

/// The operations available inside one transaction of a ``DeskStore``.
public protocol DeskTransaction {
  // MARK: Inbound messages and conversation state

  /// Records an inbound message, deduplicated on (channel, message id).
  ///
  /// The same id with the same content is a duplicate; with other content it is recorded as a
  /// conflict and the original is kept. Also records the citizen (first and last seen, name).
  ///
  /// - Parameter isPending: Whether the message waits in the queue of pending messages for
  ///   ``nextPendingInbound()``; `false` when the caller processes it in this transaction,
  ///   which spares the queue's index an insertion and a deletion.
  func recordInbound(_ message: InboundMessage, receivedAt: Date, isPending: Bool) throws
    -> RecordResult

  /// The oldest inbound message still pending, if any.
  func nextPendingInbound() throws -> StoredInboundMessage?

  /// The oldest inbound messages still pending, at most `limit`, in arrival order.
  func pendingInbound(limit: Int) throws -> [StoredInboundMessage]

  /// The number of inbound messages still pending.
  func pendingInboundCount() throws -> Int

  /// An inbound message by row id.
  func inboundMessage(id: Int64) throws -> StoredInboundMessage?

  /// Marks an inbound message processed, with what was decided and the ticket it went to.
  func markProcessed(
    inboundID: Int64, outcome: String, intent: String?, ticketID: Int64?, at: Date
  ) throws

  /// The citizen's open "which one?" question.
  func pendingChoice(for citizenID: String) throws -> StoredPendingChoice?

  /// Stores (or, with `nil`, clears) the citizen's "which one?" question.
  func savePendingChoice(_ choice: StoredPendingChoice?, for citizenID: String) throws

  // MARK: Tickets

  /// The citizen's ticket that is not closed, if any (the newest).
  func activeTicket(for citizenID: String) throws -> Ticket?

  /// Opens a ticket and records the `opened` event.
  func openTicket(_ ticket: NewTicket) throws -> Ticket

  /// Files an inbound message under a ticket.
  func attachInbound(_ inboundID: Int64, toTicket ticketID: Int64) throws

  /// A ticket by number.
  func ticket(id: Int64) throws -> Ticket?

  /// Changes a ticket's status and operator, recording the event.
  ///
  /// Sets the first-reply time on the first `replied` event and the closing time on `closed`.
  func updateTicket(
    id: Int64, status: TicketStatus, operatorName: String?, event: TicketEvent
  ) throws

  /// Records an event without changing the status (`joined`, `taught`).
  func addTicketEvent(_ event: TicketEvent, toTicket ticketID: Int64) throws

  /// Tickets matching the filter, oldest first.
  func tickets(matching filter: TicketFilter) throws -> [Ticket]

  /// How many tickets match the filter (ignoring its limit).
  func ticketCount(matching filter: TicketFilter) throws -> Int

  /// A ticket's messages in both directions, in order.
  func thread(ofTicket ticketID: Int64) throws -> [ThreadEntry]

  /// A ticket's status history, in order.
  func events(ofTicket ticketID: Int64) throws -> [TicketEvent]

  /// The inbound messages filed under a ticket, in order.
  func inboundMessages(ofTicket ticketID: Int64) throws -> [StoredInboundMessage]

  /// Every ticket's timing, for statistics.
  func ticketTimings() throws -> [TicketTiming]

  // MARK: Outbox

  /// Enqueues an outbound message; returns its id, or `nil` when the same reply (inbound id
  /// and sequence) or broadcast message (broadcast id and citizen) is already enqueued.
  func enqueueOutbound(_ message: NewOutboundMessage) throws -> Int64?

  /// Claims up to `limit` messages ready to send, at most one per citizen and never one
  /// whose citizen has an earlier message still unsent, so each citizen's messages go out in
  /// order (a reply does not wait for a broadcast message, which is spread out by the
  /// broadcast's rate). Claimed messages are `sending` until `now + lease`; a claim that
  /// expires (the sender died) makes them claimable again. `channel` limits the claim to one
  /// channel (`whatsapp`); `nil` claims from every channel.
  func claimOutbound(
    channel: String?, limit: Int, now: Date, lease: TimeInterval
  ) throws -> [OutboundMessage]

  /// Records a successful send. The provider id of a part sent by an earlier attempt
  /// (``recordPartsSent(outboundID:count:providerMessageID:)``) is kept.
  func markSent(outboundID: Int64, providerMessageID: String?, at: Date) throws

  /// Records that the first `count` parts of a message the channel splits were delivered
  /// (an attempt failed on a later part), with the provider id of the first part.
  func recordPartsSent(outboundID: Int64, count: Int, providerMessageID: String?) throws

  /// Records a failed attempt: with `retryAt` it goes back to pending for then, without it
  /// the message is given up (`failed`).
  func markFailed(outboundID: Int64, error: String, retryAt: Date?, at: Date) throws

  /// Puts a claimed message back for later without counting an attempt (a broadcast
  /// message over its rate); the citizen's messages that wait for it wait longer.
  func postponeOutbound(outboundID: Int64, until: Date) throws

  /// Records that a message was not sent because the service runs without credentials.
  func markDryRun(outboundID: Int64, at: Date) throws

  /// Records a delivery report from the channel against the message it sent.
  ///
  /// - Returns: Whether a message with that provider id was found.
  func recordDeliveryStatus(
    providerMessageID: String, status: String, error: String?, at: Date
  ) throws -> Bool

  /// An outbound message by id.
  func outboundMessage(id: Int64) throws -> OutboundMessage?

  /// The replies enqueued for an inbound message, in order.
  func outboundMessages(forInbound inboundID: Int64) throws -> [OutboundMessage]

  /// Outbound messages, newest first, optionally of one status.
  func outboundMessages(status: OutboxStatus?, limit: Int) throws -> [OutboundMessage]

  /// How many outbound messages have each status.
  ///
  /// - Complexity: O(*n*) in the size of the outbox; see ``outboxBacklog()`` for gauges.
  func outboxCounts() throws -> [OutboxStatus: Int]

  /// How many messages wait to be sent and how many were given up.
  ///
  /// - Complexity: O(*u* + *f*) in those counts, not in the size of the outbox.
  func outboxBacklog() throws -> OutboxBacklog

  // MARK: Subscriptions and broadcasts

  /// Subscribes a citizen, keeping the consent record.
  ///
  /// - Returns: Whether the citizen was not subscribed before.
  func subscribe(_ consent: ConsentRecord) throws -> Bool

  /// Unsubscribes a citizen, keeping the consent record.
  ///
  /// - Returns: Whether the citizen was subscribed.
  func unsubscribe(_ consent: ConsentRecord) throws -> Bool

  /// Whether the citizen is on the list now.
  func isSubscribed(_ citizenID: String) throws -> Bool

  /// Every active subscriber, in order of subscription.
  func activeSubscribers() throws -> [Subscriber]

  /// The citizen's consent history, oldest first.
  func consentRecords(for citizenID: String) throws -> [ConsentRecord]

  /// Records a broadcast; returns the stored one (the earlier one when the id exists).
  func createBroadcast(_ broadcast: Broadcast) throws -> Broadcast

  // MARK: Retention

  /// Deletes message texts older than `cutoff` (or only counts them with `dryRun`).
  func purge(before cutoff: Date, dryRun: Bool, at: Date) throws -> PurgeReport
}

extension DeskTransaction {
  /// Records an inbound message as pending, deduplicated on (channel, message id).
  ///
  /// The same id with the same content is a duplicate; with other content it is recorded as a
  /// conflict and the original is kept. Also records the citizen (first and last seen, name).
  public func recordInbound(_ message: InboundMessage, receivedAt: Date) throws -> RecordResult {
    try recordInbound(message, receivedAt: receivedAt, isPending: true)
  }
}
