import Foundation
import SportelloStore

/// Turns an outbox message into the JSON bodies of Graph API send requests.
///
/// - Text longer than 4,096 UTF-16 units is split, on paragraph boundaries
///   first, then lines, then words.
/// - A "which one?" question with 1 to 3 options goes out as reply buttons
///   (titles cut to 20 characters and kept unique), with 4 to 10 as a list
///   (row titles cut to 24, the full title as the row's description up to 72);
///   otherwise, and when the text is too long for an interactive body, as the
///   plain numbered text.
/// - A template goes out as a template with its body parameters, in Italian.
public enum GraphMessageBuilder {
  /// The longest text body WhatsApp accepts.
  public static let textLimit = 4_096
  /// The longest body of an interactive message.
  public static let interactiveBodyLimit = 1_024
  /// The longest reply-button title.
  public static let buttonTitleLimit = 20
  /// The longest list-row title.
  public static let rowTitleLimit = 24
  /// The longest list-row description.
  public static let rowDescriptionLimit = 72
  /// The most rows in a list message.
  public static let listRowLimit = 10
  /// The label of the button that opens the list.
  public static let listButtonLabel = "Scegli"

  /// The request bodies for one outbox message, in sending order.
  ///
  /// - Parameters:
  ///   - content: What the message says.
  ///   - recipient: The citizen's WhatsApp id.
  /// - Returns: One JSON object per request (more than one only for long text).
  public static func bodies(for content: OutboundContent, to recipient: String) -> [[String: Any]] {
    switch content {
    case .text(let text):
      return split(text).map { textBody($0, to: recipient) }
    case .choice(let text, let options):
      if let interactive = interactiveBody(text: text, options: options, to: recipient) {
        return [interactive]
      }
      return split(text).map { textBody($0, to: recipient) }
    case .template(let name, let parameters, _):
      var template: [String: Any] = ["name": name, "language": ["code": "it"]]
      if !parameters.isEmpty {
        template["components"] = [
          ["type": "body", "parameters": parameters.map { ["type": "text", "text": $0] }]
        ]
      }
      return [envelope(to: recipient, type: "template", ["template": template])]
    }
  }

  /// Splits text into parts of at most `limit` UTF-16 units, preferring paragraph breaks,
  /// then line breaks, then spaces; a single unbreakable run is cut where it must be.
  public static func split(_ text: String, limit: Int = textLimit) -> [String] {
    guard text.utf16.count > limit else { return [text] }
    var parts: [String] = []
    var rest = Substring(text)
    while rest.utf16.count > limit {
      var end = rest.startIndex
      var units = 0
      for index in rest.indices {
        let size = rest[index].utf16.count
        if units + size > limit { break }
        units += size
        end = rest.index(after: index)
      }
      let window = rest[rest.startIndex..<end]
      var cut = end
      for separator in ["\n\n", "\n", " "] {
        if let range = window.range(of: separator, options: .backwards),
          range.lowerBound > window.startIndex
        {
          cut = range.lowerBound
          break
        }
      }
      if cut == rest.startIndex { cut = end }
      let part = rest[rest.startIndex..<cut].trimmingCharacters(in: .whitespacesAndNewlines)
      if !part.isEmpty { parts.append(part) }
      rest = rest[cut...].drop { $0.isWhitespace || $0.isNewline }
    }
    if !rest.isEmpty { parts.append(String(rest)) }
    return parts
  }

  /// Cuts a title to `limit` characters, ending with `…` when cut.
  public static func shortened(_ title: String, to limit: Int) -> String {
    guard title.count > limit else { return title }
    return String(title.prefix(limit - 1)) + "…"
  }

  private static func interactiveBody(
    text: String, options: [OutboundOption], to recipient: String
  ) -> [String: Any]? {
    guard !options.isEmpty, options.count <= listRowLimit,
      text.utf16.count <= interactiveBodyLimit
    else { return nil }
    if options.count <= 3 {
      var titles = options.map { shortened($0.title, to: buttonTitleLimit) }
      if Set(titles).count < titles.count {
        titles = options.enumerated().map {
          shortened("\($0.offset + 1). \($0.element.title)", to: buttonTitleLimit)
        }
      }
      let buttons = zip(options, titles).map { option, title in
        ["type": "reply", "reply": ["id": option.id, "title": title]] as [String: Any]
      }
      let interactive: [String: Any] = [
        "type": "button", "body": ["text": text], "action": ["buttons": buttons],
      ]
      return envelope(to: recipient, type: "interactive", ["interactive": interactive])
    }
    let rows = options.map { option -> [String: Any] in
      var row: [String: Any] = [
        "id": option.id, "title": shortened(option.title, to: rowTitleLimit),
      ]
      if option.title.count > rowTitleLimit {
        row["description"] = shortened(option.title, to: rowDescriptionLimit)
      }
      return row
    }
    let interactive: [String: Any] = [
      "type": "list", "body": ["text": text],
      "action": ["button": listButtonLabel, "sections": [["title": "Opzioni", "rows": rows]]],
    ]
    return envelope(to: recipient, type: "interactive", ["interactive": interactive])
  }

  private static func textBody(_ text: String, to recipient: String) -> [String: Any] {
    envelope(to: recipient, type: "text", ["text": ["preview_url": false, "body": text]])
  }

  private static func envelope(to recipient: String, type: String, _ content: [String: Any])
    -> [String: Any]
  {
    var body: [String: Any] = [
      "messaging_product": "whatsapp", "recipient_type": "individual", "to": recipient,
      "type": type,
    ]
    body.merge(content) { $1 }
    return body
  }
}
