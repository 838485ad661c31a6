import Foundation

/// Writes and reads the few JSON lists the store keeps in text columns (a ticket's
/// candidates, a question's options, a template's parameters) without `JSONEncoder` and
/// `JSONDecoder`, which cost tens of microseconds per message on the hot path.
///
/// Only flat shapes: an array of strings, or an array of objects whose values are strings or
/// numbers. The text written is ordinary JSON (keys sorted, slashes unescaped, as
/// `SQLValue.json` writes), so anything can still read it. It is read back through
/// ``JSONValue``; text of any other shape is refused with `nil`, and the caller falls back to
/// `JSONDecoder`.
///
///     FlatJSON.array(["a", "b\"c"])            // ["a","b\"c"]
///     FlatJSON.objects(from: #"[{"id":"x","n":2}]"#)  // [["id": .string("x"), "n": .number(2)]]
enum FlatJSON {
  /// A value of a flat object.
  enum Value: Equatable {
    /// A string.
    case string(String)
    /// A number.
    case number(Double)
  }

  // MARK: Writing

  /// An array of strings.
  static func array(_ strings: [String]) -> String {
    var text = "["
    for (index, string) in strings.enumerated() {
      if index > 0 { text += "," }
      appendQuoted(string, to: &text)
    }
    return text + "]"
  }

  /// An array of objects, each written with its keys in ascending order.
  static func objects(_ objects: [[(key: String, value: Value)]]) -> String {
    var text = "["
    for (index, fields) in objects.enumerated() {
      if index > 0 { text += "," }
      text += "{"
      for (offset, field) in fields.sorted(by: { $0.key < $1.key }).enumerated() {
        if offset > 0 { text += "," }
        appendQuoted(field.key, to: &text)
        text += ":"
        switch field.value {
        case .string(let string): appendQuoted(string, to: &text)
        // Scores and the like are finite; a non-finite number has no JSON form.
        case .number(let number): text += number.isFinite ? "\(number)" : "0"
        }
      }
      text += "}"
    }
    return text + "]"
  }

  private static func appendQuoted(_ string: String, to text: inout String) {
    text += "\""
    var plainStart = string.unicodeScalars.startIndex
    var index = plainStart
    let scalars = string.unicodeScalars
    while index != scalars.endIndex {
      let scalar = scalars[index]
      let escape: String? =
        switch scalar {
        case "\"": "\\\""
        case "\\": "\\\\"
        case "\n": "\\n"
        case "\r": "\\r"
        case "\t": "\\t"
        case "\u{08}": "\\b"
        case "\u{0C}": "\\f"
        default:
          scalar.value < 0x20
            ? "\\u00" + (scalar.value < 0x10 ? "0" : "")
              + String(scalar.value, radix: 16) : nil
        }
      if let escape {
        text.unicodeScalars.append(contentsOf: scalars[plainStart..<index])
        text += escape
        plainStart = scalars.index(after: index)
      }
      index = scalars.index(after: index)
    }
    text.unicodeScalars.append(contentsOf: scalars[plainStart..<scalars.endIndex])
    text += "\""
  }

  // MARK: Reading

  /// Reads an array of strings, or `nil` when `text` is anything else.
  static func strings(from text: String) -> [String]? {
    guard case .array(let elements)? = try? JSONValue.parse(Array(text.utf8)) else {
      return nil
    }
    var strings: [String] = []
    strings.reserveCapacity(elements.count)
    for element in elements {
      guard case .string(let string) = element else { return nil }
      strings.append(string)
    }
    return strings
  }

  /// Reads an array of flat objects, or `nil` when `text` is anything else.
  static func objects(from text: String) -> [[String: Value]]? {
    guard case .array(let elements)? = try? JSONValue.parse(Array(text.utf8)) else {
      return nil
    }
    var objects: [[String: Value]] = []
    objects.reserveCapacity(elements.count)
    for element in elements {
      guard case .object(let members) = element else { return nil }
      var object: [String: Value] = [:]
      for (key, member) in members {
        switch member {
        case .string(let string): object[key] = .string(string)
        case .number(let number): object[key] = .number(number)
        default: return nil
        }
      }
      objects.append(object)
    }
    return objects
  }
}
