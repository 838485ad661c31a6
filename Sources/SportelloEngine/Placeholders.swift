/// `{name}` placeholders in answers and templates.
enum Placeholders {
  /// A placeholder found in a text: its name and the character offset of its `{`.
  struct Occurrence: Sendable, Equatable {
    var name: String
    var offset: Int
  }

  /// Every `{name}` in `text`, where the name is lowercase letters, digits and `_`.
  static func occurrences(in text: String) -> [Occurrence] {
    guard text.utf8.contains(UInt8(ascii: "{")) else { return [] }
    return asciiOccurrences(in: text) ?? characterOccurrences(in: text)
  }

  /// Every `{name}` in `text`, found by walking its characters.
  static func characterOccurrences(in text: String) -> [Occurrence] {
    var result: [Occurrence] = []
    var offset = 0
    var index = text.startIndex
    while index < text.endIndex {
      if text[index] == "{" {
        var end = text.index(after: index)
        while end < text.endIndex, isNameCharacter(text[end]) { end = text.index(after: end) }
        if end < text.endIndex, text[end] == "}", end > text.index(after: index) {
          result.append(
            Occurrence(name: String(text[text.index(after: index)..<end]), offset: offset))
          offset += text.distance(from: index, to: end) + 1
          index = text.index(after: end)
          continue
        }
      }
      offset += 1
      index = text.index(after: index)
    }
    return result
  }

  /// Every `{name}` in `text` found from its bytes, or nil when `text` is not plain ASCII.
  ///
  /// In plain ASCII text (see ``ASCIIText``) a byte is a character, so byte offsets are the
  /// character offsets that ``occurrences(in:)`` reports, without walking the characters.
  static func asciiOccurrences(in text: String) -> [Occurrence]? {
    var text = text
    text.makeContiguousUTF8()
    return text.utf8.withContiguousStorageIfAvailable { bytes -> [Occurrence]? in
      guard ASCIIText.isPlain(bytes) else { return nil }
      var result: [Occurrence] = []
      var index = 0
      while index < bytes.count {
        if bytes[index] == UInt8(ascii: "{") {
          var end = index + 1
          while end < bytes.count, isNameByte(bytes[end]) { end += 1 }
          if end < bytes.count, bytes[end] == UInt8(ascii: "}"), end > index + 1 {
            let name = ASCIIText.string(bytes, (index + 1)..<end)
            result.append(Occurrence(name: name, offset: index))
            index = end + 1
            continue
          }
        }
        index += 1
      }
      return result
    } ?? nil
  }

  /// Replaces each `{name}` that `values` knows; unknown ones stay as written.
  ///
  /// - Complexity: O(n) in the length of `text`; a text without `{` is returned as is.
  static func fill(_ text: String, with values: (String) -> String?) -> String {
    pieces(of: text, around: nil, with: values)[0]
  }

  /// `text` cut at each `{slot}`, with every other `{name}` that `values` knows replaced:
  /// joined with a value, the pieces are what ``fill(_:with:)`` gives when `slot` has that
  /// value. A template filled again and again, with only `slot` changing, is read once.
  ///
  ///     Placeholders.pieces(of: "Apre {riapertura} ({sede})", around: "riapertura") {
  ///       ["sede": "Piazza Grande"][$0]
  ///     }
  ///     // ["Apre ", " (Piazza Grande)"]
  ///
  /// - Parameter slot: The name to cut at, or nil to cut nowhere (one piece).
  /// - Returns: One piece more than `{slot}` occurs in `text`.
  /// - Complexity: O(n) in the length of `text`.
  static func pieces(
    of text: String, around slot: String?, with values: (String) -> String?
  ) -> [String] {
    var text = text
    text.makeContiguousUTF8()
    // Read from the bytes in place: indexing a string's UTF-8 view costs many times more.
    let inPlace = text.utf8.withContiguousStorageIfAvailable { bytes in
      pieces(ofBytes: bytes, around: slot, with: values)
    }
    let cut =
      inPlace
      ?? Array(text.utf8).withUnsafeBufferPointer { bytes in
        pieces(ofBytes: bytes, around: slot, with: values)
      }
    return cut ?? [text]
  }

  /// The pieces of `bytes` (see ``pieces(of:around:with:)``), or nil when they hold no `{`.
  private static func pieces(
    ofBytes bytes: UnsafeBufferPointer<UInt8>, around slot: String?,
    with values: (String) -> String?
  ) -> [String]? {
    guard var index = bytes.firstIndex(of: UInt8(ascii: "{")) else { return nil }
    var pieces: [String] = []
    var result: [UInt8] = []
    result.reserveCapacity(bytes.count)
    var copied = 0
    while index < bytes.count {
      guard bytes[index] == UInt8(ascii: "{") else {
        index += 1
        continue
      }
      let nameStart = index + 1
      var end = nameStart
      while end < bytes.count, isNameByte(bytes[end]) { end += 1 }
      guard end < bytes.count, bytes[end] == UInt8(ascii: "}"), end > nameStart else {
        index = nameStart
        continue
      }
      let name = ASCIIText.string(bytes, nameStart..<end)
      if name == slot {
        result += bytes[copied..<index]
        pieces.append(String(decoding: result, as: UTF8.self))
        result.removeAll(keepingCapacity: true)
      } else if let value = values(name) {
        result += bytes[copied..<index]
        result += value.utf8
      } else {
        index = nameStart
        continue
      }
      index = end + 1
      copied = index
    }
    result += bytes[copied...]
    pieces.append(String(decoding: result, as: UTF8.self))
    return pieces
  }

  /// Whether `byte` may be part of a placeholder name: lowercase ASCII, a digit or `_`.
  private static func isNameByte(_ byte: UInt8) -> Bool {
    (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
      || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "_")
  }

  private static func isNameCharacter(_ character: Character) -> Bool {
    character.isASCII && (character.isLowercase || character.isNumber || character == "_")
  }
}
