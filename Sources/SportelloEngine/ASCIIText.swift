/// Byte-level reading of plain ASCII text, for the lines of rule files.
///
/// In ASCII text without a carriage return every character is one byte (CR LF is the
/// only pair of ASCII scalars that makes one character), so byte offsets are character
/// offsets and a byte test is the character test. Most lines of rule files are plain
/// ASCII, and reading their bytes is several times faster than walking their characters;
/// any other text keeps the character walk.
enum ASCIIText {
  /// Whether `bytes` are ASCII without a carriage return, so that each byte is one
  /// character.
  static func isPlain(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    bytes.allSatisfy { $0 < 0x80 && $0 != 0x0D }
  }

  /// Whether `byte` is ASCII whitespace as `Character.isWhitespace` has it: tab, line
  /// feed, vertical tab, form feed, carriage return and space.
  @inline(__always)
  static func isWhitespace(_ byte: UInt8) -> Bool {
    byte == 0x20 || (0x09...0x0D).contains(byte)
  }

  /// The offset of the first byte in `range` that is not whitespace, or its upper bound.
  static func firstNonBlank(in bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int {
    var index = range.lowerBound
    while index < range.upperBound, isWhitespace(bytes[index]) { index += 1 }
    return index
  }

  /// `range` without its leading and trailing whitespace (empty at its upper bound when
  /// it is all whitespace).
  static func trimmed(in bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Range<Int> {
    let start = firstNonBlank(in: bytes, range)
    var end = range.upperBound
    while end > start, isWhitespace(bytes[end - 1]) { end -= 1 }
    return start..<end
  }

  /// The text of `range`.
  static func string(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
    String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
  }

  /// The parts of `text` between commas, each without surrounding whitespace, as
  /// `text.split(separator: ",", omittingEmptySubsequences: false)` and `trimmed()`
  /// give them; nil when `text` is not plain ASCII.
  static func commaSeparatedParts(of text: String) -> [String]? {
    var text = text
    text.makeContiguousUTF8()
    return text.utf8.withContiguousStorageIfAvailable { bytes -> [String]? in
      guard isPlain(bytes) else { return nil }
      var parts: [String] = []
      var start = 0
      for index in 0...bytes.count where index == bytes.count || bytes[index] == 0x2C {
        parts.append(string(bytes, trimmed(in: bytes, start..<index)))
        start = index + 1
      }
      return parts
    } ?? nil
  }
}
