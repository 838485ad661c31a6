/// The body of a WhatsApp Cloud API webhook POST, as Meta documents it.
///
/// Every array (`entry`, `changes`, `messages`, `statuses`) may hold several
/// items; fields the service does not use are ignored, and every field is
/// optional so that a payload with a part missing still yields the rest.
public struct WebhookPayload: Decodable, Sendable {
  /// Always `whatsapp_business_account` for WhatsApp.
  public var object: String?
  /// One entry per business account.
  public var entry: [Entry]?

  /// The changes of one business account.
  public struct Entry: Decodable, Sendable {
    /// The business account id.
    public var id: String?
    /// The changes reported.
    public var changes: [Change]?
  }

  /// One change: messages and statuses of one phone number.
  public struct Change: Decodable, Sendable {
    /// `messages` for messages and statuses.
    public var field: String?
    /// What changed.
    public var value: Value?
  }

  /// The content of a change.
  public struct Value: Decodable, Sendable {
    /// The business phone number the change concerns.
    public var metadata: Metadata?
    /// The senders' profiles, matched to messages by `wa_id`.
    public var contacts: [Contact]?
    /// Inbound messages.
    public var messages: [Message]?
    /// Delivery reports of messages the service sent.
    public var statuses: [Status]?
  }

  /// The business phone number.
  public struct Metadata: Decodable, Sendable {
    /// The number as shown.
    public var display_phone_number: String?
    /// The Graph API id of the number.
    public var phone_number_id: String?
  }

  /// A sender's profile.
  public struct Contact: Decodable, Sendable {
    /// The sender's WhatsApp id (the number without `+`).
    public var wa_id: String?
    /// The profile.
    public var profile: Profile?
  }

  /// A sender's public profile.
  public struct Profile: Decodable, Sendable {
    /// The name the sender shows.
    public var name: String?
  }

  /// One inbound message of any type.
  public struct Message: Decodable, Sendable {
    /// The sender's WhatsApp id.
    public var from: String?
    /// The message id (`wamid...`), unique: the deduplication key.
    public var id: String?
    /// Seconds since 1970, as a string.
    public var timestamp: String?
    /// `text`, `interactive`, `image`, `audio`, `location`, `document`, `unsupported`...
    public var type: String?
    /// The text of a `text` message.
    public var text: Text?
    /// A tap on a reply button or a list row.
    public var interactive: Interactive?
    /// A photo.
    public var image: Media?
    /// An audio file or voice note.
    public var audio: Media?
    /// A video.
    public var video: Media?
    /// A document.
    public var document: Media?
    /// A sticker.
    public var sticker: Media?
    /// A shared location.
    public var location: Location?
    /// Errors Meta attaches (for `unsupported`).
    public var errors: [APIError]?
  }

  /// The text of a message.
  public struct Text: Decodable, Sendable {
    /// The words.
    public var body: String?
  }

  /// An interactive reply.
  public struct Interactive: Decodable, Sendable {
    /// `button_reply` or `list_reply`.
    public var type: String?
    /// The tapped button.
    public var button_reply: Reply?
    /// The chosen row.
    public var list_reply: Reply?
  }

  /// The button or row chosen.
  public struct Reply: Decodable, Sendable {
    /// The id the service gave it (an intent id).
    public var id: String?
    /// Its title.
    public var title: String?
  }

  /// A media attachment.
  public struct Media: Decodable, Sendable {
    /// The media id.
    public var id: String?
    /// The caption, if any.
    public var caption: String?
    /// The document's file name, if any.
    public var filename: String?
    /// Whether an audio is a voice note.
    public var voice: Bool?
  }

  /// A shared location.
  public struct Location: Decodable, Sendable {
    /// Latitude in degrees.
    public var latitude: Double?
    /// Longitude in degrees.
    public var longitude: Double?
    /// The place's name.
    public var name: String?
    /// The place's address.
    public var address: String?
  }

  /// A delivery report.
  public struct Status: Decodable, Sendable {
    /// The id of the message the service sent.
    public var id: String?
    /// `sent`, `delivered`, `read` or `failed`.
    public var status: String?
    /// Seconds since 1970, as a string.
    public var timestamp: String?
    /// The recipient's WhatsApp id.
    public var recipient_id: String?
    /// Why it failed.
    public var errors: [APIError]?
  }

  /// An error as the Cloud API reports it.
  public struct APIError: Decodable, Sendable {
    /// The numeric code, such as 131047.
    public var code: Int?
    /// A short title.
    public var title: String?
    /// A message.
    public var message: String?
    /// Details.
    public var error_data: ErrorData?

    /// One line: `131047 Re-engagement message: Message failed to send ...`.
    public var summary: String {
      var text = code.map(String.init) ?? "error"
      if let title { text += " " + title }
      if let details = error_data?.details { text += ": " + details }
      return text
    }
  }

  /// An error's details.
  public struct ErrorData: Decodable, Sendable {
    /// The explanation.
    public var details: String?
  }
}
