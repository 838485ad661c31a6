import Foundation

/// Writes and reads the few JSON lists the store keeps in text columns (a ticket's
/// candidates, a question's options, a template's parameters) without `JSONEncoder` and
/// `JSONDecoder`, which cost tens of microseconds per message on the hot path.
///
/// Only flat shapes: an array of strings, or an array of objects whose values are strings or
/// numbers. The text written is ordinary JSON (keys sorted, slashes unescaped, as
/// `SQLValue.json` writes), so anything can still read it; what this reader does not
/// understand it refuses with `nil`, and the caller falls back to `JSONDecoder`.
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
    var reader = Reader(text)
    var strings: [String] = []
    guard reader.consume(UInt8(ascii: "[")) else { return nil }
    if reader.consume(UInt8(ascii: "]")) { return reader.isAtEnd ? strings : nil }
    repeat {
      guard let string = reader.string() else { return nil }
      strings.append(string)
    } while reader.consume(UInt8(ascii: ","))
    guard reader.consume(UInt8(ascii: "]")), reader.isAtEnd else { return nil }
    return strings
  }

  /// Reads an array of flat objects, or `nil` when `text` is anything else.
  static func objects(from text: String) -> [[String: Value]]? {
    var reader = Reader(text)
    var objects: [[String: Value]] = []
    guard reader.consume(UInt8(ascii: "[")) else { return nil }
    if reader.consume(UInt8(ascii: "]")) { return reader.isAtEnd ? objects : nil }
    repeat {
      guard let object = reader.object() else { return nil }
      objects.append(object)
    } while reader.consume(UInt8(ascii: ","))
    guard reader.consume(UInt8(ascii: "]")), reader.isAtEnd else { return nil }
    return objects
  }

  /// A cursor over the UTF-8 bytes of a JSON text.
  private struct Reader {
    let bytes: [UInt8]
    var position = 0

    init(_ text: String) { bytes = Array(text.utf8) }

    var isAtEnd: Bool {
      var copy = self
      copy.skipWhitespace()
      return copy.position == bytes.count
    }

    mutating func skipWhitespace() {
      while position < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[position]) {
        position += 1
      }
    }

    mutating func consume(_ byte: UInt8) -> Bool {
      skipWhitespace()
      guard position < bytes.count, bytes[position] == byte else { return false }
      position += 1
      return true
    }

    mutating func object() -> [String: Value]? {
      guard consume(UInt8(ascii: "{")) else { return nil }
      var object: [String: Value] = [:]
      if consume(UInt8(ascii: "}")) { return object }
      repeat {
        guard let key = string(), consume(UInt8(ascii: ":")) else { return nil }
        skipWhitespace()
        guard position < bytes.count else { return nil }
        if bytes[position] == UInt8(ascii: "\"") {
          guard let value = string() else { return nil }
          object[key] = .string(value)
        } else {
          guard let value = number() else { return nil }
          object[key] = .number(value)
        }
      } while consume(UInt8(ascii: ","))
      return consume(UInt8(ascii: "}")) ? object : nil
    }

    mutating func number() -> Double? {
      let start = position
      while position < bytes.count, "+-.eE0123456789".utf8.contains(bytes[position]) {
        position += 1
      }
      guard position > start else { return nil }
      return Double(String(decoding: bytes[start..<position], as: UTF8.self))
    }

    mutating func string() -> String? {
      guard consume(UInt8(ascii: "\"")) else { return nil }
      var utf8: [UInt8] = []
      while position < bytes.count {
        let byte = bytes[position]
        position += 1
        switch byte {
        case UInt8(ascii: "\""):
          return String(decoding: utf8, as: UTF8.self)
        case UInt8(ascii: "\\"):
          guard position < bytes.count else { return nil }
          let escaped = bytes[position]
          position += 1
          switch escaped {
          case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): utf8.append(escaped)
          case UInt8(ascii: "n"): utf8.append(0x0A)
          case UInt8(ascii: "r"): utf8.append(0x0D)
          case UInt8(ascii: "t"): utf8.append(0x09)
          case UInt8(ascii: "b"): utf8.append(0x08)
          case UInt8(ascii: "f"): utf8.append(0x0C)
          case UInt8(ascii: "u"):
            guard let scalar = unicodeEscape() else { return nil }
            utf8.append(contentsOf: Array(String(Character(scalar)).utf8))
          default: return nil
          }
        case 0..<0x20:
          return nil
        default:
          utf8.append(byte)
        }
      }
      return nil
    }

    /// The scalar of a `\uXXXX` escape (the `\u` already read), joining surrogate pairs.
    mutating func unicodeEscape() -> Unicode.Scalar? {
      guard let high = hexQuad() else { return nil }
      guard (0xD800..<0xDC00).contains(high) else { return Unicode.Scalar(high) }
      guard position + 1 < bytes.count, bytes[position] == UInt8(ascii: "\\"),
        bytes[position + 1] == UInt8(ascii: "u")
      else { return nil }
      position += 2
      guard let low = hexQuad(), (0xDC00..<0xE000).contains(low) else { return nil }
      return Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))
    }

    mutating func hexQuad() -> UInt32? {
      guard position + 4 <= bytes.count else { return nil }
      let quad = bytes[position..<position + 4]
      guard quad.allSatisfy({ "0123456789abcdefABCDEF".utf8.contains($0) }) else { return nil }
      position += 4
      return UInt32(String(decoding: quad, as: UTF8.self), radix: 16)
    }
  }
}
