import Foundation

/// A conversation handed to the Sportello's staff.
public struct Ticket: Sendable, Equatable, Codable {
  /// The ticket number.
  public var id: Int64

  /// The citizen's id on the channel.
  public var citizenID: String

  /// The citizen's display name, if known.
  public var displayName: String?

  /// The channel the citizen writes on.
  public var channel: String

  /// The office of the best candidate intent, if any.
  public var office: String?

  /// Where the ticket is.
  public var status: TicketStatus

  /// The staff member who claimed it.
  public var operatorName: String?

  /// Why it was handed over (the engine's handover reason).
  public var reason: String?

  /// When it was opened.
  public var openedAt: Date

  /// When it last changed.
  public var updatedAt: Date

  /// When a person first replied.
  public var firstReplyAt: Date?

  /// When it was closed.
  public var closedAt: Date?

  /// The first words of the message that opened it (empty once purged).
  public var firstWords: String

  /// The engine's best candidates with their scores, best first.
  public var candidates: [TicketCandidate]

  /// Creates a ticket.
  public init(
    id: Int64, citizenID: String, displayName: String?, channel: String, office: String?,
    status: TicketStatus, operatorName: String?, reason: String?, openedAt: Date,
    updatedAt: Date, firstReplyAt: Date?, closedAt: Date?, firstWords: String,
    candidates: [TicketCandidate]
  ) {
    self.id = id
    self.citizenID = citizenID
    self.displayName = displayName
    self.channel = channel
    self.office = office
    self.status = status
    self.operatorName = operatorName
    self.reason = reason
    self.openedAt = openedAt
    self.updatedAt = updatedAt
    self.firstReplyAt = firstReplyAt
    self.closedAt = closedAt
    self.firstWords = firstWords
    self.candidates = candidates
  }
}

/// The life of a ticket: open, claimed by a person, answered, closed.
public enum TicketStatus: String, Sendable, Codable, CaseIterable {
  /// Waiting for a person.
  case open
  /// A staff member is on it; the bot stays quiet for this citizen.
  case claimed
  /// A person replied; the bot stays quiet until the ticket is closed.
  case answered
  /// Done.
  case closed

  /// Whether the ticket still gathers the citizen's messages.
  public var isActive: Bool { self != .closed }
}

/// One candidate intent the engine considered, kept with the ticket.
public struct TicketCandidate: Sendable, Equatable, Codable {
  /// The intent id.
  public var intent: String
  /// The FAQ's title.
  public var title: String
  /// The matcher's score, 0...1.
  public var score: Double

  /// Creates a candidate.
  public init(intent: String, title: String, score: Double) {
    self.intent = intent
    self.title = title
    self.score = score
  }
}

/// What is needed to open a ticket.
public struct NewTicket: Sendable, Equatable {
  /// The citizen's id.
  public var citizenID: String
  /// The citizen's display name.
  public var displayName: String?
  /// The channel.
  public var channel: String
  /// The owning office, if known.
  public var office: String?
  /// The handover reason.
  public var reason: String?
  /// The first words of the message.
  public var firstWords: String
  /// The engine's candidates.
  public var candidates: [TicketCandidate]
  /// When it opens.
  public var openedAt: Date

  /// Creates the request.
  public init(
    citizenID: String, displayName: String?, channel: String, office: String?, reason: String?,
    firstWords: String, candidates: [TicketCandidate], openedAt: Date
  ) {
    self.citizenID = citizenID
    self.displayName = displayName
    self.channel = channel
    self.office = office
    self.reason = reason
    self.firstWords = firstWords
    self.candidates = candidates
    self.openedAt = openedAt
  }
}
