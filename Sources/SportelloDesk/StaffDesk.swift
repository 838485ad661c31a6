import Foundation
import SportelloStore

/// What the Sportello's staff do with tickets: list, read, claim, reply, close, reopen.
///
/// Each operation is one transaction that checks before it changes anything, so a refused
/// operation (an unknown ticket, a reply to a closed one, no operator) leaves the database
/// exactly as it was.
///
///     let staff = StaffDesk(store: store)
///     try staff.claim(ticket: 12, operatorName: "Giulia", at: Date())
///     try staff.reply(toTicket: 12, text: "Buongiorno, la pratica è pronta.", at: Date())
public struct StaffDesk: Sendable {
  /// The store the desk works on.
  public let store: any DeskStore

  /// Creates the staff desk.
  public init(store: any DeskStore) { self.store = store }

  /// The tickets matching `filter`, oldest first, and how many match in all.
  public func tickets(matching filter: TicketFilter) throws -> (tickets: [Ticket], total: Int) {
    try store.read { (try $0.tickets(matching: filter), try $0.ticketCount(matching: filter)) }
  }

  /// A ticket with its whole thread and status history.
  ///
  /// - Throws: ``DeskError/unknownTicket(_:)``.
  public func detail(ofTicket id: Int64) throws -> TicketDetail {
    try store.read { transaction in
      guard let ticket = try transaction.ticket(id: id) else { throw DeskError.unknownTicket(id) }
      return TicketDetail(
        ticket: ticket, thread: try transaction.thread(ofTicket: id),
        events: try transaction.events(ofTicket: id))
    }
  }

  /// Assigns a ticket to a staff member; the bot stops answering that citizen on its own.
  ///
  /// Claiming again by the same person changes nothing.
  ///
  /// - Throws: ``DeskError`` for an unknown or closed ticket, a missing name, or a ticket
  ///   held by someone else.
  @discardableResult
  public func claim(ticket id: Int64, operatorName: String, at: Date) throws -> Ticket {
    let name = operatorName.trimmingCharacters(in: .whitespacesAndNewlines)
    guard !name.isEmpty else { throw DeskError.missingOperator }
    return try store.write { transaction in
      let ticket = try existingTicket(id, in: transaction)
      guard ticket.status != .closed else { throw DeskError.ticketClosed(id) }
      if let holder = ticket.operatorName, holder != name, ticket.status != .open {
        throw DeskError.ticketClaimedByOther(id: id, operatorName: holder)
      }
      if ticket.status == .claimed, ticket.operatorName == name { return ticket }
      try transaction.updateTicket(
        id: id, status: .claimed, operatorName: name,
        event: TicketEvent(at: at, kind: .claimed, operatorName: name))
      return try existingTicket(id, in: transaction)
    }
  }

  /// Sends a staff member's reply through the outbox; the ticket becomes answered.
  ///
  /// - Parameters:
  ///   - id: The ticket.
  ///   - text: The reply, sent as it is.
  ///   - operatorName: Who writes; defaults to the staff member who claimed the ticket.
  ///   - at: The time.
  /// - Returns: The updated ticket and the outbox id of the reply.
  /// - Throws: ``DeskError`` for an unknown or closed ticket, empty text, or no operator.
  @discardableResult
  public func reply(
    toTicket id: Int64, text: String, operatorName: String? = nil, at: Date
  ) throws -> (ticket: Ticket, outboxID: Int64) {
    guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
      throw DeskError.emptyText
    }
    return try store.write { transaction in
      let ticket = try existingTicket(id, in: transaction)
      guard ticket.status != .closed else { throw DeskError.ticketClosed(id) }
      let given = operatorName?.trimmingCharacters(in: .whitespacesAndNewlines)
      guard let name = (given?.isEmpty == false ? given : nil) ?? ticket.operatorName else {
        throw DeskError.missingOperator
      }
      let outboxID = try transaction.enqueueOutbound(
        NewOutboundMessage(
          citizenID: ticket.citizenID, channel: ticket.channel, content: .text(text),
          ticketID: id, operatorName: name, createdAt: at))
      try transaction.updateTicket(
        id: id, status: .answered, operatorName: name,
        event: TicketEvent(at: at, kind: .replied, operatorName: name))
      return (try existingTicket(id, in: transaction), outboxID ?? 0)
    }
  }

  /// Closes a ticket; the bot answers the citizen on its own again.
  ///
  /// - Throws: ``DeskError/unknownTicket(_:)`` or ``DeskError/ticketClosed(_:)``.
  @discardableResult
  public func close(ticket id: Int64, operatorName: String? = nil, at: Date) throws -> Ticket {
    try store.write { transaction in
      let ticket = try existingTicket(id, in: transaction)
      guard ticket.status != .closed else { throw DeskError.ticketClosed(id) }
      try transaction.updateTicket(
        id: id, status: .closed, operatorName: ticket.operatorName,
        event: TicketEvent(at: at, kind: .closed, operatorName: operatorName ?? ticket.operatorName)
      )
      return try existingTicket(id, in: transaction)
    }
  }

  /// Reopens a closed ticket, unassigned.
  ///
  /// - Throws: ``DeskError/unknownTicket(_:)`` or ``DeskError/ticketNotClosed(_:)``.
  @discardableResult
  public func reopen(ticket id: Int64, operatorName: String? = nil, at: Date) throws -> Ticket {
    try store.write { transaction in
      let ticket = try existingTicket(id, in: transaction)
      guard ticket.status == .closed else { throw DeskError.ticketNotClosed(id) }
      try transaction.updateTicket(
        id: id, status: .open, operatorName: nil,
        event: TicketEvent(at: at, kind: .reopened, operatorName: operatorName))
      return try existingTicket(id, in: transaction)
    }
  }

  /// The outbox, newest first.
  public func outbox(status: OutboxStatus?, limit: Int = 100) throws -> [OutboundMessage] {
    try store.read { try $0.outboundMessages(status: status, limit: limit) }
  }

  /// Deletes message texts older than `period` before `now` (only counts with `dryRun`).
  public func purge(olderThan period: RetentionPeriod, dryRun: Bool, now: Date) throws
    -> PurgeReport
  {
    try store.write { try $0.purge(before: period.cutoff(before: now), dryRun: dryRun, at: now) }
  }

  private func existingTicket(_ id: Int64, in transaction: any DeskTransaction) throws -> Ticket {
    guard let ticket = try transaction.ticket(id: id) else { throw DeskError.unknownTicket(id) }
    return ticket
  }
}

/// A ticket with its thread and history, as `queue show` prints it.
public struct TicketDetail: Sendable, Equatable, Codable {
  /// The ticket.
  public var ticket: Ticket
  /// Its messages in both directions, in order.
  public var thread: [ThreadEntry]
  /// Its status history, in order.
  public var events: [TicketEvent]
}
