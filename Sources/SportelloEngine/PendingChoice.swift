import Foundation

/// A pending "which one?" question, stored per citizen by the caller.
public struct PendingChoice: Sendable, Codable, Equatable {
  /// The intent ids offered, in menu order (1-based for the citizen).
  public var options: [String]

  /// When the question was asked.
  public var askedAt: Date

  /// Creates a pending choice.
  public init(options: [String], askedAt: Date) {
    self.options = options
    self.askedAt = askedAt
  }

  /// Whether the question is older than `after` seconds at `date`.
  public func isExpired(at date: Date, after: TimeInterval) -> Bool {
    date.timeIntervalSince(askedAt) > after
  }
}

/// What the caller must do after one turn, and what the citizen gets.
public struct Response: Sendable {
  /// The decision behind the reply.
  public var decision: Decision

  /// The action to carry out: hand over, subscribe, unsubscribe, or none.
  public var action: IntentAction

  /// Exactly what the citizen gets, placeholders filled.
  public var replies: [OutgoingReply]

  /// The new pending "which one?" state to store (nil clears it).
  public var pending: PendingChoice?

  /// Creates a response.
  public init(
    decision: Decision, action: IntentAction, replies: [OutgoingReply], pending: PendingChoice?
  ) {
    self.decision = decision
    self.action = action
    self.replies = replies
    self.pending = pending
  }
}

/// One message to send to the citizen.
public struct OutgoingReply: Sendable, Codable, Equatable {
  /// Plain text, or a choice that a channel may render as a list.
  public enum Kind: String, Sendable, Codable {
    /// A text message.
    case text
    /// A "which one?" menu.
    case choice
  }

  /// The kind of reply.
  public var kind: Kind

  /// The full plain text (the numbered menu for `.choice`).
  public var text: String

  /// For `.choice`, the options in menu order.
  public var options: [ChoiceOption]

  /// Creates a reply.
  public init(kind: Kind, text: String, options: [ChoiceOption] = []) {
    self.kind = kind
    self.text = text
    self.options = options
  }
}

/// One option of a "which one?" menu.
public struct ChoiceOption: Sendable, Codable, Equatable {
  /// The intent id.
  public var id: String

  /// The FAQ's title.
  public var title: String

  /// Creates an option.
  public init(id: String, title: String) {
    self.id = id
    self.title = title
  }
}
