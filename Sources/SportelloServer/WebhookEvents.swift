import Foundation
import SportelloStore

/// What one webhook POST carries, in the desk's terms: messages to record and delivery
/// reports to file, in payload order.
public struct WebhookEvents: Sendable {
  /// The inbound messages, every entry and change included, duplicates kept (the desk
  /// deduplicates them).
  public var messages: [InboundMessage] = []

  /// The delivery reports.
  public var statuses: [DeliveryReport] = []

  /// A delivery report of a message the service sent.
  public struct DeliveryReport: Sendable, Equatable {
    /// The provider's id of the message (`wamid...`).
    public var providerMessageID: String
    /// `sent`, `delivered`, `read` or `failed`.
    public var status: String
    /// The error summary of a failure.
    public var error: String?
    /// When it happened.
    public var at: Date
  }

  /// The channel name the desk records WhatsApp messages under.
  public static let channel = "whatsapp"

  /// Decodes a verified webhook body.
  ///
  ///     let events = try WebhookEvents.decode(body)
  ///     events.messages.first?.text
  ///     // "cm faccio x la carta d'identità? e' urgente, grz / anagrafe"
  ///
  /// - Parameter body: The raw bytes (already verified against their signature).
  /// - Throws: ``WebhookError/malformedPayload(_:)`` when the body is not a webhook payload.
  public static func decode(_ body: [UInt8], receivedAt: Date = Date()) throws -> WebhookEvents {
    let payload: WebhookPayload
    do {
      payload = try WebhookPayload.parse(body)
    } catch {
      throw WebhookError.malformedPayload(String(describing: error).prefix(200).description)
    }
    return try events(of: payload, receivedAt: receivedAt)
  }

  /// The messages and delivery reports of a payload, in payload order.
  ///
  /// - Throws: ``WebhookError/malformedPayload(_:)`` for a payload of another object.
  static func events(of payload: WebhookPayload, receivedAt: Date) throws -> WebhookEvents {
    guard payload.object == nil || payload.object == "whatsapp_business_account" else {
      throw WebhookError.malformedPayload("unexpected object '\(payload.object ?? "")'")
    }
    var events = WebhookEvents()
    for entry in payload.entry ?? [] {
      for change in entry.changes ?? [] {
        guard let value = change.value else { continue }
        var names: [String: String] = [:]
        for contact in value.contacts ?? [] {
          if let id = contact.wa_id, let name = contact.profile?.name { names[id] = name }
        }
        for message in value.messages ?? [] {
          if let inbound = inboundMessage(message, names: names, receivedAt: receivedAt) {
            events.messages.append(inbound)
          }
        }
        for status in value.statuses ?? [] {
          guard let id = status.id, let state = status.status else { continue }
          let error = status.errors.map { $0.map(\.summary).joined(separator: "; ") }
          events.statuses.append(
            DeliveryReport(
              providerMessageID: id, status: state, error: error,
              at: date(status.timestamp) ?? receivedAt))
        }
      }
    }
    return events
  }

  // Maps one message of any type to the desk's form; nil without a sender or an id.
  static func inboundMessage(
    _ message: WebhookPayload.Message, names: [String: String], receivedAt: Date
  ) -> InboundMessage? {
    guard let from = message.from, let id = message.id else { return nil }
    var kind = MessageKind.unsupported
    var text = ""
    var choice: String?
    switch message.type {
    case "text":
      kind = .text
      text = message.text?.body ?? ""
    case "interactive":
      let reply = message.interactive?.button_reply ?? message.interactive?.list_reply
      if let reply, let replyID = reply.id {
        kind = .interactive
        text = reply.title ?? ""
        choice = replyID
      }
    case "button":
      kind = .text
    case "image":
      kind = .image
      text = message.image?.caption ?? ""
    case "audio":
      kind = message.audio?.voice == true ? .voice : .audio
    case "voice":
      kind = .voice
    case "video":
      kind = .video
      text = message.video?.caption ?? ""
    case "document":
      kind = .document
      text = message.document?.caption ?? message.document?.filename ?? ""
    case "sticker":
      kind = .sticker
    case "location":
      kind = .location
      text = [message.location?.name, message.location?.address].compactMap { $0 }
        .joined(separator: ", ")
    case "contacts":
      kind = .contacts
    default:
      kind = .unsupported
    }
    return InboundMessage(
      channel: channel, citizenID: from, displayName: names[from], messageID: id,
      sentAt: date(message.timestamp) ?? receivedAt, kind: kind, text: text, choiceID: choice)
  }

  static func date(_ timestamp: String?) -> Date? {
    guard let timestamp, let seconds = Int64(timestamp) else { return nil }
    return Date(timeIntervalSince1970: TimeInterval(seconds))
  }
}
