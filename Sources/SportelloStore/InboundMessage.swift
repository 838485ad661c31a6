import Foundation

/// What a citizen sent, as a channel delivers it.
///
///     InboundMessage(
///       channel: "whatsapp", citizenID: "393331234567", displayName: "Maria",
///       messageID: "wamid.HBgL...", sentAt: Date(), kind: .text, text: "orari anagrafe?")
public struct InboundMessage: Sendable, Equatable, Codable {
  /// The channel's name, such as `whatsapp` or `api`; message ids are unique per channel.
  public var channel: String

  /// The citizen's id on the channel (for WhatsApp, the number without `+`).
  public var citizenID: String

  /// The name the citizen shows on the channel, if any.
  public var displayName: String?

  /// The channel's id of this message (`wamid...`), the deduplication key.
  public var messageID: String

  /// When the citizen sent it (the channel's timestamp).
  public var sentAt: Date

  /// What kind of message it is.
  public var kind: MessageKind

  /// The text, the caption of a media message, or the title of an interactive reply.
  public var text: String

  /// For an interactive reply, the id of the chosen button or row (an intent id).
  public var choiceID: String?

  /// Creates a message.
  public init(
    channel: String, citizenID: String, displayName: String? = nil, messageID: String,
    sentAt: Date, kind: MessageKind = .text, text: String, choiceID: String? = nil
  ) {
    self.channel = channel
    self.citizenID = citizenID
    self.displayName = displayName
    self.messageID = messageID
    self.sentAt = sentAt
    self.kind = kind
    self.text = text
    self.choiceID = choiceID
  }

  /// A stable fingerprint of the content (kind, text, choice), to tell a redelivery from a
  /// different message that reuses the id: 64-bit FNV-1a as 16 hex digits.
  public var contentHash: String {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    let parts = [kind.rawValue, text, choiceID ?? ""]
    for (index, part) in parts.enumerated() {
      for byte in part.utf8 {
        hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
      }
      if index < parts.count - 1 { hash = (hash ^ 0x1f) &* 0x100_0000_01b3 }
    }
    let hex = String(hash, radix: 16)
    return String(repeating: "0", count: 16 - hex.count) + hex
  }
}

/// The kinds of inbound message the desk knows.
public enum MessageKind: String, Sendable, Codable, CaseIterable {
  /// Plain text.
  case text
  /// A photo (its caption, if any, is the text).
  case image
  /// An audio file.
  case audio
  /// A voice note.
  case voice
  /// A video.
  case video
  /// A sticker.
  case sticker
  /// A shared location.
  case location
  /// A document (PDF and the like).
  case document
  /// Shared contacts.
  case contacts
  /// A tap on a reply button or a list row; ``InboundMessage/choiceID`` says which.
  case interactive
  /// Something the channel itself could not deliver.
  case unsupported

  /// Whether the bot can read it: text and interactive replies.
  public var isReadable: Bool { self == .text || self == .interactive }
}
