import Foundation
import SportelloStore

/// Reads ``WebhookPayload`` from a parsed ``JSONValue`` with `Decodable`'s rules for
/// optional fields: a missing or `null` member is `nil`, a member of the wrong type is an
/// error (the body is then refused with 400), members the service does not use are ignored.
extension WebhookPayload {
  /// Why a parsed body is not a webhook payload: the member path and what it should be.
  struct ShapeError: Error, CustomStringConvertible {
    var path: String
    var expected: String
    var description: String { "'\(path)' is not \(expected)" }
  }

  /// Parses and reads a webhook body.
  ///
  /// - Throws: ``JSONValue/ParseError`` or ``ShapeError``.
  static func parse(_ body: [UInt8]) throws -> WebhookPayload {
    try WebhookPayload(JSONObject(try JSONValue.parse(body), path: "$"))
  }

  init(_ json: JSONObject) throws {
    object = try json.string("object")
    entry = try json.array("entry", Entry.init)
  }
}

extension WebhookPayload.Entry {
  init(_ json: JSONObject) throws {
    id = try json.string("id")
    changes = try json.array("changes", WebhookPayload.Change.init)
  }
}

extension WebhookPayload.Change {
  init(_ json: JSONObject) throws {
    field = try json.string("field")
    value = try json.object("value", WebhookPayload.Value.init)
  }
}

extension WebhookPayload.Value {
  init(_ json: JSONObject) throws {
    metadata = try json.object("metadata", WebhookPayload.Metadata.init)
    contacts = try json.array("contacts", WebhookPayload.Contact.init)
    messages = try json.array("messages", WebhookPayload.Message.init)
    statuses = try json.array("statuses", WebhookPayload.Status.init)
  }
}

extension WebhookPayload.Metadata {
  init(_ json: JSONObject) throws {
    display_phone_number = try json.string("display_phone_number")
    phone_number_id = try json.string("phone_number_id")
  }
}

extension WebhookPayload.Contact {
  init(_ json: JSONObject) throws {
    wa_id = try json.string("wa_id")
    profile = try json.object("profile") { WebhookPayload.Profile(name: try $0.string("name")) }
  }
}

extension WebhookPayload.Message {
  init(_ json: JSONObject) throws {
    from = try json.string("from")
    id = try json.string("id")
    timestamp = try json.string("timestamp")
    type = try json.string("type")
    text = try json.object("text") { WebhookPayload.Text(body: try $0.string("body")) }
    interactive = try json.object("interactive", WebhookPayload.Interactive.init)
    image = try json.object("image", WebhookPayload.Media.init)
    audio = try json.object("audio", WebhookPayload.Media.init)
    video = try json.object("video", WebhookPayload.Media.init)
    document = try json.object("document", WebhookPayload.Media.init)
    sticker = try json.object("sticker", WebhookPayload.Media.init)
    location = try json.object("location", WebhookPayload.Location.init)
    errors = try json.array("errors", WebhookPayload.APIError.init)
  }
}

extension WebhookPayload.Interactive {
  init(_ json: JSONObject) throws {
    type = try json.string("type")
    button_reply = try json.object("button_reply", WebhookPayload.Reply.init)
    list_reply = try json.object("list_reply", WebhookPayload.Reply.init)
  }
}

extension WebhookPayload.Reply {
  init(_ json: JSONObject) throws {
    id = try json.string("id")
    title = try json.string("title")
  }
}

extension WebhookPayload.Media {
  init(_ json: JSONObject) throws {
    id = try json.string("id")
    caption = try json.string("caption")
    filename = try json.string("filename")
    voice = try json.bool("voice")
  }
}

extension WebhookPayload.Location {
  init(_ json: JSONObject) throws {
    latitude = try json.number("latitude")
    longitude = try json.number("longitude")
    name = try json.string("name")
    address = try json.string("address")
  }
}

extension WebhookPayload.Status {
  init(_ json: JSONObject) throws {
    id = try json.string("id")
    status = try json.string("status")
    timestamp = try json.string("timestamp")
    recipient_id = try json.string("recipient_id")
    errors = try json.array("errors", WebhookPayload.APIError.init)
  }
}

extension WebhookPayload.APIError {
  init(_ json: JSONObject) throws {
    code = try json.integer("code")
    title = try json.string("title")
    message = try json.string("message")
    error_data = try json.object("error_data") {
      WebhookPayload.ErrorData(details: try $0.string("details"))
    }
  }
}

/// A JSON object being read, with its path for error messages.
struct JSONObject {
  let members: [String: JSONValue]
  let path: String

  /// Wraps a value that must be an object.
  ///
  /// - Throws: ``WebhookPayload/ShapeError`` for any other value.
  init(_ value: JSONValue, path: String) throws {
    guard case .object(let members) = value else {
      throw WebhookPayload.ShapeError(path: path, expected: "an object")
    }
    self.members = members
    self.path = path
  }

  private func member(_ key: String) -> JSONValue? {
    guard let value = members[key], value != .null else { return nil }
    return value
  }

  private func mismatch(_ key: String, _ expected: String) -> WebhookPayload.ShapeError {
    WebhookPayload.ShapeError(path: path + "." + key, expected: expected)
  }

  func string(_ key: String) throws -> String? {
    guard let value = member(key) else { return nil }
    guard case .string(let string) = value else { throw mismatch(key, "a string") }
    return string
  }

  func number(_ key: String) throws -> Double? {
    guard let value = member(key) else { return nil }
    guard case .number(let number) = value else { throw mismatch(key, "a number") }
    return number
  }

  func integer(_ key: String) throws -> Int? {
    guard let number = try number(key) else { return nil }
    guard let integer = Int(exactly: number) else { throw mismatch(key, "an integer") }
    return integer
  }

  func bool(_ key: String) throws -> Bool? {
    guard let value = member(key) else { return nil }
    guard case .bool(let bool) = value else { throw mismatch(key, "a Boolean") }
    return bool
  }

  func object<T>(_ key: String, _ read: (JSONObject) throws -> T) throws -> T? {
    guard let value = member(key) else { return nil }
    return try read(JSONObject(value, path: path + "." + key))
  }

  func array<T>(_ key: String, _ read: (JSONObject) throws -> T) throws -> [T]? {
    guard let value = member(key) else { return nil }
    guard case .array(let elements) = value else { throw mismatch(key, "an array") }
    return try elements.enumerated().map { index, element in
      try read(JSONObject(element, path: "\(path).\(key)[\(index)]"))
    }
  }
}
