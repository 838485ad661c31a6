import Foundation

/// A JSON document as a tree of values, parsed strictly (RFC 8259) from UTF-8 bytes.
///
/// The webhook parses every POST: `JSONDecoder` spent about 40 µs on a 500-byte body,
/// a tenth of the whole budget of a message at 2,000 per second. This parser builds the
/// tree in one pass over the bytes; the server reads its webhook payloads from it, and the
/// store its JSON lists (``FlatJSON``).
///
///     let value = try JSONValue.parse(Array(#"{"a":[1,"è"]}"#.utf8))
///     value["a"]?[1]   // .string("è")
package enum JSONValue: Equatable, Sendable {
  case null
  case bool(Bool)
  case number(Double)
  case string(String)
  case array([JSONValue])
  case object([String: JSONValue])

  /// Why a text is not JSON: what was expected, at which byte offset.
  package struct ParseError: Error, Equatable, CustomStringConvertible {
    /// What was expected.
    package var reason: String
    /// Where, in bytes from the start.
    package var offset: Int
    /// `reason at byte offset`.
    package var description: String { "\(reason) at byte \(offset)" }

    /// Creates an error.
    package init(reason: String, offset: Int) {
      self.reason = reason
      self.offset = offset
    }
  }

  /// How deeply arrays and objects may nest; deeper input is refused rather than recursed.
  package static let maximumDepth = 64

  /// Parses a whole document (surrounding whitespace allowed, nothing else after it).
  ///
  /// - Throws: ``ParseError``.
  package static func parse(_ bytes: [UInt8]) throws(ParseError) -> JSONValue {
    var parser = JSONParser(bytes: bytes)
    let value = try parser.value(depth: 0)
    parser.skipWhitespace()
    guard parser.position == bytes.count else { throw parser.failure("unexpected text") }
    return value
  }

  /// The member `key` of an object, `nil` for other values or a missing key.
  package subscript(key: String) -> JSONValue? {
    if case .object(let members) = self { return members[key] }
    return nil
  }

  /// The element at `index` of an array, `nil` for other values or out of range.
  package subscript(index: Int) -> JSONValue? {
    if case .array(let elements) = self, elements.indices.contains(index) {
      return elements[index]
    }
    return nil
  }
}

/// The parser's cursor over the bytes.
private struct JSONParser {
  let bytes: [UInt8]
  var position = 0

  func failure(_ reason: String) -> JSONValue.ParseError {
    JSONValue.ParseError(reason: reason, offset: position)
  }

  mutating func skipWhitespace() {
    while position < bytes.count {
      switch bytes[position] {
      case 0x20, 0x09, 0x0A, 0x0D: position += 1
      default: return
      }
    }
  }

  mutating func value(depth: Int) throws(JSONValue.ParseError) -> JSONValue {
    skipWhitespace()
    guard position < bytes.count else { throw failure("unexpected end") }
    switch bytes[position] {
    case UInt8(ascii: "{"): return try object(depth: depth + 1)
    case UInt8(ascii: "["): return try array(depth: depth + 1)
    case UInt8(ascii: "\""): return .string(try string())
    case UInt8(ascii: "t"): return try literal("true", .bool(true))
    case UInt8(ascii: "f"): return try literal("false", .bool(false))
    case UInt8(ascii: "n"): return try literal("null", .null)
    default: return .number(try number())
    }
  }

  mutating func literal(_ word: String, _ value: JSONValue) throws(JSONValue.ParseError)
    -> JSONValue
  {
    for byte in word.utf8 {
      guard position < bytes.count, bytes[position] == byte else {
        throw failure("expected '\(word)'")
      }
      position += 1
    }
    return value
  }

  mutating func object(depth: Int) throws(JSONValue.ParseError) -> JSONValue {
    guard depth <= JSONValue.maximumDepth else { throw failure("nested too deeply") }
    position += 1
    var members: [String: JSONValue] = [:]
    skipWhitespace()
    if position < bytes.count, bytes[position] == UInt8(ascii: "}") {
      position += 1
      return .object(members)
    }
    while true {
      skipWhitespace()
      guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else {
        throw failure("expected a member name")
      }
      let key = try string()
      skipWhitespace()
      guard position < bytes.count, bytes[position] == UInt8(ascii: ":") else {
        throw failure("expected ':'")
      }
      position += 1
      // A repeated name keeps the last value, as JSONDecoder does.
      members[key] = try value(depth: depth)
      skipWhitespace()
      guard position < bytes.count else { throw failure("unexpected end") }
      if bytes[position] == UInt8(ascii: ",") {
        position += 1
        continue
      }
      guard bytes[position] == UInt8(ascii: "}") else { throw failure("expected ',' or '}'") }
      position += 1
      return .object(members)
    }
  }

  mutating func array(depth: Int) throws(JSONValue.ParseError) -> JSONValue {
    guard depth <= JSONValue.maximumDepth else { throw failure("nested too deeply") }
    position += 1
    var elements: [JSONValue] = []
    skipWhitespace()
    if position < bytes.count, bytes[position] == UInt8(ascii: "]") {
      position += 1
      return .array(elements)
    }
    while true {
      elements.append(try value(depth: depth))
      skipWhitespace()
      guard position < bytes.count else { throw failure("unexpected end") }
      if bytes[position] == UInt8(ascii: ",") {
        position += 1
        continue
      }
      guard bytes[position] == UInt8(ascii: "]") else { throw failure("expected ',' or ']'") }
      position += 1
      return .array(elements)
    }
  }

  /// A number as the grammar allows it: `-? int frac? exp?`, no leading zeros, no `+`.
  mutating func number() throws(JSONValue.ParseError) -> Double {
    let start = position
    func digits() -> Int {
      let first = position
      while position < bytes.count, (0x30...0x39).contains(bytes[position]) { position += 1 }
      return position - first
    }
    if position < bytes.count, bytes[position] == UInt8(ascii: "-") { position += 1 }
    guard position < bytes.count, (0x30...0x39).contains(bytes[position]) else {
      throw failure("expected a value")
    }
    if bytes[position] == UInt8(ascii: "0") {
      position += 1
    } else {
      _ = digits()
    }
    if position < bytes.count, bytes[position] == UInt8(ascii: ".") {
      position += 1
      guard digits() > 0 else { throw failure("expected digits after '.'") }
    }
    if position < bytes.count, bytes[position] | 0x20 == UInt8(ascii: "e") {
      position += 1
      if position < bytes.count, bytes[position] == UInt8(ascii: "+") || bytes[position] == 0x2D {
        position += 1
      }
      guard digits() > 0 else { throw failure("expected an exponent") }
    }
    let text = String(decoding: bytes[start..<position], as: UTF8.self)
    guard let number = Double(text), number.isFinite else { throw failure("number out of range") }
    return number
  }

  /// A string, its escapes decoded; the text between escapes is copied as it is, and must
  /// be valid UTF-8 without raw control characters.
  mutating func string() throws(JSONValue.ParseError) -> String {
    position += 1
    var utf8: [UInt8] = []
    var runStart = position
    while position < bytes.count {
      let byte = bytes[position]
      if byte == UInt8(ascii: "\"") {
        utf8.append(contentsOf: bytes[runStart..<position])
        position += 1
        guard let text = String(validating: utf8, as: UTF8.self) else {
          throw failure("invalid UTF-8 in a string")
        }
        return text
      }
      if byte < 0x20 { throw failure("raw control character in a string") }
      guard byte == UInt8(ascii: "\\") else {
        position += 1
        continue
      }
      utf8.append(contentsOf: bytes[runStart..<position])
      position += 1
      guard position < bytes.count else { throw failure("unexpected end") }
      let escaped = bytes[position]
      position += 1
      switch escaped {
      case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): utf8.append(escaped)
      case UInt8(ascii: "b"): utf8.append(0x08)
      case UInt8(ascii: "f"): utf8.append(0x0C)
      case UInt8(ascii: "n"): utf8.append(0x0A)
      case UInt8(ascii: "r"): utf8.append(0x0D)
      case UInt8(ascii: "t"): utf8.append(0x09)
      case UInt8(ascii: "u"):
        let scalar = try unicodeEscape()
        utf8.append(contentsOf: String(Character(scalar)).utf8)
      default: throw failure("unknown escape")
      }
      runStart = position
    }
    throw failure("unterminated string")
  }

  /// The scalar of a `\uXXXX` escape (after the `u`), joining a surrogate pair.
  mutating func unicodeEscape() throws(JSONValue.ParseError) -> Unicode.Scalar {
    let high = try hexQuad()
    if (0xDC00..<0xE000).contains(high) { throw failure("lone low surrogate") }
    guard (0xD800..<0xDC00).contains(high) else {
      guard let scalar = Unicode.Scalar(high) else { throw failure("invalid escape") }
      return scalar
    }
    guard position + 1 < bytes.count, bytes[position] == UInt8(ascii: "\\"),
      bytes[position + 1] == UInt8(ascii: "u")
    else { throw failure("lone high surrogate") }
    position += 2
    let low = try hexQuad()
    guard (0xDC00..<0xE000).contains(low),
      let scalar = Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))
    else { throw failure("invalid surrogate pair") }
    return scalar
  }

  mutating func hexQuad() throws(JSONValue.ParseError) -> UInt32 {
    var value: UInt32 = 0
    for _ in 0..<4 {
      guard position < bytes.count else { throw failure("unexpected end") }
      let byte = bytes[position]
      let digit: UInt32
      switch byte {
      case 0x30...0x39: digit = UInt32(byte - 0x30)
      case 0x41...0x46: digit = UInt32(byte - 0x41 + 10)
      case 0x61...0x66: digit = UInt32(byte - 0x61 + 10)
      default: throw failure("expected a hex digit")
      }
      value = value << 4 | digit
      position += 1
    }
    return value
  }
}
