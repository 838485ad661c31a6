import Foundation

/// One step in a ticket's status history.
public struct TicketEvent: Sendable, Equatable, Codable {
  /// When it happened.
  public var at: Date
  /// What happened.
  public var kind: TicketEventKind
  /// The staff member involved, if any.
  public var operatorName: String?
  /// A detail, such as the intent taught.
  public var detail: String?

  /// Creates an event.
  public init(at: Date, kind: TicketEventKind, operatorName: String? = nil, detail: String? = nil) {
    self.at = at
    self.kind = kind
    self.operatorName = operatorName
    self.detail = detail
  }
}

/// The kinds of ticket event.
public enum TicketEventKind: String, Sendable, Codable, CaseIterable {
  /// The ticket was opened by a handover.
  case opened
  /// A follow-up message of the citizen joined it.
  case joined
  /// A staff member claimed it.
  case claimed
  /// A staff member replied.
  case replied
  /// It was closed.
  case closed
  /// It was reopened.
  case reopened
  /// Its message was taught to an intent.
  case taught
}

/// One message of a ticket's thread, either direction.
public struct ThreadEntry: Sendable, Equatable, Codable {
  /// Who wrote a message.
  public enum Author: Sendable, Equatable, Codable {
    /// The citizen.
    case citizen
    /// The bot.
    case bot
    /// A staff member.
    case staff(String)
  }

  /// When it was written.
  public var at: Date
  /// Who wrote it.
  public var author: Author
  /// The message kind (`text`, `image`, ... for inbound; `text`, `choice` for outbound).
  public var kind: String
  /// The text (empty once purged).
  public var text: String
  /// For outbound messages, the outbox status.
  public var deliveryStatus: String?

  /// Creates an entry.
  public init(at: Date, author: Author, kind: String, text: String, deliveryStatus: String? = nil) {
    self.at = at
    self.author = author
    self.kind = kind
    self.text = text
    self.deliveryStatus = deliveryStatus
  }
}

/// The timing of one ticket, for statistics.
public struct TicketTiming: Sendable, Equatable {
  /// When it was opened.
  public var openedAt: Date
  /// When a person first replied.
  public var firstReplyAt: Date?
  /// Its office.
  public var office: String?
  /// Its status.
  public var status: TicketStatus

  /// Creates a timing.
  public init(openedAt: Date, firstReplyAt: Date?, office: String?, status: TicketStatus) {
    self.openedAt = openedAt
    self.firstReplyAt = firstReplyAt
    self.office = office
    self.status = status
  }
}

/// Which tickets a listing shows.
public struct TicketFilter: Sendable, Equatable {
  /// Only this status; `nil` shows every ticket that is not closed.
  public var status: TicketStatus?
  /// Only this office.
  public var office: String?
  /// At most this many, oldest first.
  public var limit: Int

  /// Creates a filter.
  public init(status: TicketStatus? = nil, office: String? = nil, limit: Int = 50) {
    self.status = status
    self.office = office
    self.limit = limit
  }
}
