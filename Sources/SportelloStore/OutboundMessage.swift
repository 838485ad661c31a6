import Foundation

/// A message waiting in (or delivered from) the outbox.
public struct OutboundMessage: Sendable, Equatable, Codable {
  /// The row id: the order messages were enqueued in.
  public var id: Int64
  /// The citizen it goes to.
  public var citizenID: String
  /// The channel it goes out on.
  public var channel: String
  /// What it says.
  public var content: OutboundContent
  /// The inbound message it answers, if any.
  public var inboundID: Int64?
  /// The ticket it belongs to, if any.
  public var ticketID: Int64?
  /// The broadcast it is part of, if any.
  public var broadcastID: String?
  /// The staff member who wrote it, if any.
  public var operatorName: String?
  /// The highest rate the sender may use for this message's broadcast (messages per second).
  public var ratePerSecond: Double?
  /// Where it is.
  public var status: OutboxStatus
  /// How many delivery attempts failed so far.
  public var attempts: Int
  /// When it was enqueued.
  public var createdAt: Date
  /// The earliest time of the next attempt.
  public var nextAttemptAt: Date
  /// When it was sent.
  public var sentAt: Date?
  /// The channel's id of the sent message (`wamid...`).
  public var providerMessageID: String?
  /// The last error, if any.
  public var lastError: String?
  /// The channel's latest delivery report (`sent`, `delivered`, `read`, `failed`).
  public var deliveryStatus: String?
  /// How many parts of a text the channel splits (WhatsApp: over 4,096 characters) were
  /// delivered by earlier attempts; a retry starts after them.
  public var partsSent: Int

  /// Creates a message.
  public init(
    id: Int64, citizenID: String, channel: String, content: OutboundContent, inboundID: Int64?,
    ticketID: Int64?, broadcastID: String?, operatorName: String?, ratePerSecond: Double?,
    status: OutboxStatus, attempts: Int, createdAt: Date, nextAttemptAt: Date, sentAt: Date?,
    providerMessageID: String?, lastError: String?, deliveryStatus: String?, partsSent: Int = 0
  ) {
    self.id = id
    self.citizenID = citizenID
    self.channel = channel
    self.content = content
    self.inboundID = inboundID
    self.ticketID = ticketID
    self.broadcastID = broadcastID
    self.operatorName = operatorName
    self.ratePerSecond = ratePerSecond
    self.status = status
    self.attempts = attempts
    self.createdAt = createdAt
    self.nextAttemptAt = nextAttemptAt
    self.sentAt = sentAt
    self.providerMessageID = providerMessageID
    self.lastError = lastError
    self.deliveryStatus = deliveryStatus
    self.partsSent = partsSent
  }

  private enum CodingKeys: String, CodingKey {
    case id, citizenID, channel, content, inboundID, ticketID, broadcastID, operatorName
    case ratePerSecond, status, attempts, createdAt, nextAttemptAt, sentAt, providerMessageID
    case lastError, deliveryStatus, partsSent
  }

  /// Decodes a message; one written before ``partsSent`` existed has sent no parts.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    id = try container.decode(Int64.self, forKey: .id)
    citizenID = try container.decode(String.self, forKey: .citizenID)
    channel = try container.decode(String.self, forKey: .channel)
    content = try container.decode(OutboundContent.self, forKey: .content)
    inboundID = try container.decodeIfPresent(Int64.self, forKey: .inboundID)
    ticketID = try container.decodeIfPresent(Int64.self, forKey: .ticketID)
    broadcastID = try container.decodeIfPresent(String.self, forKey: .broadcastID)
    operatorName = try container.decodeIfPresent(String.self, forKey: .operatorName)
    ratePerSecond = try container.decodeIfPresent(Double.self, forKey: .ratePerSecond)
    status = try container.decode(OutboxStatus.self, forKey: .status)
    attempts = try container.decode(Int.self, forKey: .attempts)
    createdAt = try container.decode(Date.self, forKey: .createdAt)
    nextAttemptAt = try container.decode(Date.self, forKey: .nextAttemptAt)
    sentAt = try container.decodeIfPresent(Date.self, forKey: .sentAt)
    providerMessageID = try container.decodeIfPresent(String.self, forKey: .providerMessageID)
    lastError = try container.decodeIfPresent(String.self, forKey: .lastError)
    deliveryStatus = try container.decodeIfPresent(String.self, forKey: .deliveryStatus)
    partsSent = try container.decodeIfPresent(Int.self, forKey: .partsSent) ?? 0
  }
}

/// What an outbound message says.
public enum OutboundContent: Sendable, Equatable, Codable {
  /// Free text (allowed within 24 hours of the citizen's last message).
  case text(String)
  /// A "which one?" question: the numbered plain text and the options for buttons or a list.
  case choice(text: String, options: [OutboundOption])
  /// An approved WhatsApp template with its body parameters; `text` is a readable rendering.
  case template(name: String, parameters: [String], text: String)

  /// The plain text: the message itself, the numbered fallback, or the template's rendering.
  public var text: String {
    switch self {
    case .text(let text), .choice(let text, _), .template(_, _, let text): text
    }
  }

  /// The kind's name as stored: `text`, `choice` or `template`.
  public var kindName: String {
    switch self {
    case .text: "text"
    case .choice: "choice"
    case .template: "template"
    }
  }
}

/// One option of a "which one?" question.
public struct OutboundOption: Sendable, Equatable, Codable {
  /// The id sent back when the citizen taps it (an intent id).
  public var id: String
  /// The title shown.
  public var title: String

  /// Creates an option.
  public init(id: String, title: String) {
    self.id = id
    self.title = title
  }
}

/// Where an outbound message is.
public enum OutboxStatus: String, Sendable, Codable, CaseIterable {
  /// Waiting to be sent (possibly after a failed attempt, see ``OutboundMessage/nextAttemptAt``).
  case pending
  /// Claimed by a sender, being sent.
  case sending
  /// Accepted by the channel.
  case sent
  /// Given up: a permanent error.
  case failed
  /// Not sent because the service runs without credentials.
  case dryRun = "dry_run"
}

/// What is needed to enqueue an outbound message.
public struct NewOutboundMessage: Sendable, Equatable {
  /// The citizen.
  public var citizenID: String
  /// The channel.
  public var channel: String
  /// What it says.
  public var content: OutboundContent
  /// The inbound message it answers; with ``sequence`` it makes a reply unique.
  public var inboundID: Int64?
  /// The position among the replies to one inbound message (0, 1, ...).
  public var sequence: Int
  /// The ticket.
  public var ticketID: Int64?
  /// The broadcast; with the citizen it makes a broadcast message unique.
  public var broadcastID: String?
  /// The staff member who wrote it.
  public var operatorName: String?
  /// The sending rate limit of its broadcast.
  public var ratePerSecond: Double?
  /// When it is enqueued.
  public var createdAt: Date
  /// The earliest time it may be sent (`nil`: at once); a broadcast spreads its messages
  /// out this way. A citizen's message is never sent before their earlier ones, whatever
  /// this says.
  public var notBefore: Date?

  /// Creates the request.
  public init(
    citizenID: String, channel: String, content: OutboundContent, inboundID: Int64? = nil,
    sequence: Int = 0, ticketID: Int64? = nil, broadcastID: String? = nil,
    operatorName: String? = nil, ratePerSecond: Double? = nil, createdAt: Date,
    notBefore: Date? = nil
  ) {
    self.citizenID = citizenID
    self.channel = channel
    self.content = content
    self.inboundID = inboundID
    self.sequence = sequence
    self.ticketID = ticketID
    self.broadcastID = broadcastID
    self.operatorName = operatorName
    self.ratePerSecond = ratePerSecond
    self.createdAt = createdAt
    self.notBefore = notBefore
  }
}

/// How much of the outbox still needs attention, for the service's gauges.
public struct OutboxBacklog: Sendable, Equatable {
  /// Messages waiting to be sent or being sent.
  public var unsent: Int
  /// Messages given up.
  public var failed: Int

  /// Creates the figures.
  public init(unsent: Int, failed: Int) {
    self.unsent = unsent
    self.failed = failed
  }
}
