extension RuleLine {
  /// Classifies a plain ASCII line from its bytes, as ``init(number:raw:)`` classifies it
  /// from its characters; nil when the line is not plain ASCII (see ``ASCIIText``).
  init?(number: Int, asciiRaw raw: Substring) {
    let line = raw.utf8.withContiguousStorageIfAvailable { bytes -> RuleLine? in
      guard ASCIIText.isPlain(bytes) else { return nil }
      return RuleLine(number: number, ascii: bytes)
    }
    guard let line, let line else { return nil }
    self = line
  }

  /// Classifies a line whose bytes are plain ASCII: byte offsets are columns.
  init(number: Int, ascii bytes: UnsafeBufferPointer<UInt8>) {
    self.number = number
    let content = ASCIIText.trimmed(in: bytes, 0..<bytes.count)
    column = content.lowerBound + 1
    self.content = ASCIIText.string(bytes, content)
    kind = RuleLine.classify(ascii: bytes, content, column: column)
  }

  private static func classify(
    ascii bytes: UnsafeBufferPointer<UInt8>, _ content: Range<Int>, column: Int
  ) -> Kind {
    let first = content.lowerBound
    guard first < content.upperBound, bytes[first] != UInt8(ascii: "#") else {
      return .ignorable
    }
    let tail = (first + 1)..<content.upperBound
    switch bytes[first] {
    case UInt8(ascii: "["):
      guard let close = tail.first(where: { bytes[$0] == UInt8(ascii: "]") }) else {
        return .header(
          name: ASCIIText.string(bytes, tail), nameColumn: column + 1, isClosed: false)
      }
      let name = ASCIIText.trimmed(in: bytes, tail.lowerBound..<close)
      return .header(
        name: ASCIIText.string(bytes, name),
        nameColumn: column + 1 + (name.lowerBound - tail.lowerBound), isClosed: true)
    case UInt8(ascii: "-"):
      let text = ASCIIText.trimmed(in: bytes, tail)
      return .item(
        text: ASCIIText.string(bytes, text),
        textColumn: column + 1 + (text.lowerBound - tail.lowerBound))
    case UInt8(ascii: ">"):
      let hasSpace = !tail.isEmpty && bytes[tail.lowerBound] == UInt8(ascii: " ")
      let text = (hasSpace ? tail.lowerBound + 1 : tail.lowerBound)..<tail.upperBound
      return .quote(text: ASCIIText.string(bytes, text), textColumn: column + (hasSpace ? 2 : 1))
    default:
      guard let colon = content.first(where: { bytes[$0] == UInt8(ascii: ":") }) else {
        return .other
      }
      let key = ASCIIText.trimmed(in: bytes, first..<colon)
      guard !key.isEmpty, !key.contains(where: { bytes[$0] == UInt8(ascii: " ") }) else {
        return .other
      }
      let value = ASCIIText.trimmed(in: bytes, (colon + 1)..<content.upperBound)
      return .keyValue(
        key: ASCIIText.string(bytes, key), value: ASCIIText.string(bytes, value),
        valueColumn: column + (value.lowerBound - first))
    }
  }
}
