import Foundation

/// A consent given or withdrawn for the "Unico online" broadcast list.
public struct ConsentRecord: Sendable, Equatable, Codable {
  /// Subscribing or unsubscribing.
  public enum Action: String, Sendable, Codable {
    /// The citizen joined.
    case subscribe
    /// The citizen left.
    case unsubscribe
  }

  /// The citizen.
  public var citizenID: String
  /// The channel.
  public var channel: String
  /// What the citizen did.
  public var action: Action
  /// When.
  public var at: Date
  /// The exact words the citizen wrote.
  public var words: String
  /// The privacy notice's version in force (from the profile).
  public var privacyNoticeVersion: String?
  /// The inbound message that carried it.
  public var inboundID: Int64?

  /// Creates a record.
  public init(
    citizenID: String, channel: String, action: Action, at: Date, words: String,
    privacyNoticeVersion: String?, inboundID: Int64?
  ) {
    self.citizenID = citizenID
    self.channel = channel
    self.action = action
    self.at = at
    self.words = words
    self.privacyNoticeVersion = privacyNoticeVersion
    self.inboundID = inboundID
  }
}

/// A citizen on the broadcast list.
public struct Subscriber: Sendable, Equatable, Codable {
  /// The citizen.
  public var citizenID: String
  /// The channel.
  public var channel: String
  /// When they (last) subscribed.
  public var subscribedAt: Date

  /// Creates a subscriber.
  public init(citizenID: String, channel: String, subscribedAt: Date) {
    self.citizenID = citizenID
    self.channel = channel
    self.subscribedAt = subscribedAt
  }
}

/// A message to every subscriber, sent once per citizen.
public struct Broadcast: Sendable, Equatable, Codable {
  /// The broadcast's id, which makes it idempotent.
  public var id: String
  /// What it says: `.text` or `.template`.
  public var content: OutboundContent
  /// The highest sending rate, messages per second.
  public var ratePerSecond: Double
  /// When it was first created.
  public var createdAt: Date

  /// Creates a broadcast.
  public init(id: String, content: OutboundContent, ratePerSecond: Double, createdAt: Date) {
    self.id = id
    self.content = content
    self.ratePerSecond = ratePerSecond
    self.createdAt = createdAt
  }
}

/// What a retention purge removed (or would remove).
public struct PurgeReport: Sendable, Equatable, Codable {
  /// Inbound message texts deleted.
  public var inboundTexts: Int
  /// Outbound message texts deleted.
  public var outboundTexts: Int
  /// Tickets whose first words and candidates were deleted.
  public var tickets: Int
  /// Conflicting redeliveries whose texts were deleted.
  public var conflicts: Int

  /// Creates a report.
  public init(inboundTexts: Int, outboundTexts: Int, tickets: Int, conflicts: Int) {
    self.inboundTexts = inboundTexts
    self.outboundTexts = outboundTexts
    self.tickets = tickets
    self.conflicts = conflicts
  }
}
