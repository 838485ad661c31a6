/// Turns bytes from the wire into a string, replacing invalid UTF-8.
enum UTF8Repair {
  /// The text of `bytes`, with each maximal invalid subsequence replaced by
  /// U+FFFD, and the number of replacements.
  ///
  /// - Complexity: O(*n*).
  static func decode(_ bytes: [UInt8]) -> (text: String, replacements: Int) {
    if let text = String(validating: bytes, as: UTF8.self) {
      return (text, 0)
    }
    var replacements = 0
    var scalars = String.UnicodeScalarView()
    var iterator = bytes.makeIterator()
    var decoder = UTF8()
    decoding: while true {
      switch decoder.decode(&iterator) {
      case .scalarValue(let scalar):
        scalars.append(scalar)
      case .emptyInput:
        break decoding
      case .error:
        replacements += 1
        scalars.append("\u{FFFD}")
      }
    }
    return (String(scalars), replacements)
  }
}
