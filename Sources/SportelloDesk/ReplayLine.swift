import Foundation
import SportelloStore

/// One inbound message written as a line of JSON, the format `sportello desk replay` reads.
///
///     {"id": "wamid.1", "from": "393331234567", "name": "Maria",
///      "time": "2026-12-03T09:30:00Z", "type": "text", "text": "orari anagrafe?"}
///
/// `channel` defaults to `whatsapp`, `type` to `text`, `time` may also be seconds since 1970,
/// and an interactive reply carries `"type": "interactive", "choice": "<intent id>"`.
public struct ReplayLine: Sendable, Equatable, Decodable {
  /// The channel (default `whatsapp`).
  public var channel: String?
  /// The channel's message id.
  public var id: String
  /// The citizen's id.
  public var from: String
  /// The citizen's display name.
  public var name: String?
  /// When it was sent: ISO 8601 text or seconds since 1970.
  public var time: Date
  /// The message kind (default `text`).
  public var type: String?
  /// The text or caption.
  public var text: String?
  /// For an interactive reply, the chosen id.
  public var choice: String?

  private enum CodingKeys: String, CodingKey {
    case channel, id, from, name, time, type, text, choice
  }

  /// Decodes a line.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    channel = try container.decodeIfPresent(String.self, forKey: .channel)
    id = try container.decode(String.self, forKey: .id)
    from = try container.decode(String.self, forKey: .from)
    name = try container.decodeIfPresent(String.self, forKey: .name)
    type = try container.decodeIfPresent(String.self, forKey: .type)
    text = try container.decodeIfPresent(String.self, forKey: .text)
    choice = try container.decodeIfPresent(String.self, forKey: .choice)
    if let seconds = try? container.decode(Double.self, forKey: .time) {
      time = Date(timeIntervalSince1970: seconds)
    } else {
      let text = try container.decode(String.self, forKey: .time)
      guard let date = try? Date(text, strategy: .iso8601) else {
        throw DecodingError.dataCorruptedError(
          forKey: .time, in: container, debugDescription: "expected ISO 8601 time, got '\(text)'")
      }
      time = date
    }
  }

  /// Parses one line of JSON.
  ///
  /// - Throws: `DecodingError` describing what is wrong.
  public static func parse(_ line: String) throws -> ReplayLine {
    try JSONDecoder().decode(ReplayLine.self, from: Data(line.utf8))
  }

  /// The message it describes; an unknown type is `unsupported`.
  public var message: InboundMessage {
    InboundMessage(
      channel: channel ?? "whatsapp", citizenID: from, displayName: name, messageID: id,
      sentAt: time, kind: type.map { MessageKind(rawValue: $0) ?? .unsupported } ?? .text,
      text: text ?? "", choiceID: choice)
  }
}
