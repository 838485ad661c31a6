import Foundation

/// One line of a rule file, classified by its first non-blank character.
///
/// Every rule file shares this lexical layer: `#` comments, blank lines,
/// `[name]` headers, `- item` lines, `> text` lines and `key: value` lines.
/// Columns are 1-based and count characters.
struct RuleLine: Sendable {
  /// What a line holds.
  enum Kind: Sendable, Equatable {
    /// Blank, or a `#` comment.
    case ignorable
    /// `[name]`; `name` is what lies between the brackets (the column is its first character).
    case header(name: String, nameColumn: Int, isClosed: Bool)
    /// `- text`; the column is the text's first character.
    case item(text: String, textColumn: Int)
    /// `> text` with the `>` and one space removed; the column is the text's first character.
    case quote(text: String, textColumn: Int)
    /// `key: value`; the value is trimmed and may be empty.
    case keyValue(key: String, value: String, valueColumn: Int)
    /// Anything else.
    case other
  }

  /// The 1-based line number.
  var number: Int

  /// The 1-based column of the first non-blank character.
  var column: Int

  /// The line without leading and trailing whitespace.
  var content: String

  /// The classification.
  var kind: Kind

  /// Splits a file's text into classified lines (BOM dropped, LF or CRLF).
  ///
  /// Every character that `Character.isNewline` accepts ends a line (CR LF counts once):
  /// LF, CR, VT, FF, NEL, LS and PS. The text is split on its UTF-8 bytes, which is
  /// much faster than walking its characters and ends lines at the same places, and a
  /// plain ASCII line is classified straight from its bytes.
  static func lines(of text: String) -> [RuleLine] {
    let utf8 = text.utf8
    return Array(utf8).withUnsafeBufferPointer { bytes in
      var result: [RuleLine] = []
      let hasMark = bytes.starts(with: [0xEF, 0xBB, 0xBF])
      var start = hasMark ? 3 : 0
      var index = start
      var isPlain = true
      func endLine(before end: Int, resumingAt next: Int) {
        let number = result.count + 1
        let range = start..<end
        result.append(
          isPlain
            ? RuleLine(number: number, ascii: UnsafeBufferPointer(rebasing: bytes[range]))
            : RuleLine(
              number: number,
              characters: text[
                utf8.index(
                  utf8.startIndex, offsetBy: start)..<utf8.index(
                    utf8.startIndex, offsetBy: end)]))
        start = next
        index = next
        isPlain = true
      }
      while index < bytes.count {
        let byte = bytes[index]
        // Most bytes are printable ASCII, which neither end a line nor make it other than
        // plain: one test skips them, where the switch below cost several.
        if byte > 0x0D, byte < 0x80 {
          index += 1
          continue
        }
        let next = index + 1
        let hasNext = next < bytes.count
        switch byte {
        case 0x0A, 0x0B, 0x0C:
          endLine(before: index, resumingAt: next)
        case 0x0D:
          endLine(before: index, resumingAt: hasNext && bytes[next] == 0x0A ? next + 1 : next)
        case 0xC2 where hasNext && bytes[next] == 0x85:
          endLine(before: index, resumingAt: next + 1)
        case 0xE2
        where next + 1 < bytes.count && bytes[next] == 0x80
          && (bytes[next + 1] == 0xA8 || bytes[next + 1] == 0xA9):
          endLine(before: index, resumingAt: index + 3)
        default:
          if byte >= 0x80 { isPlain = false }
          index = next
        }
      }
      endLine(before: bytes.count, resumingAt: bytes.count)
      return result
    }
  }

  /// Classifies one raw line (without its `\n`).
  ///
  /// A plain ASCII line, the usual kind, is read from its bytes with the same result.
  init(number: Int, raw: Substring) {
    self = RuleLine(number: number, asciiRaw: raw) ?? RuleLine(number: number, characters: raw)
  }

  /// Classifies one raw line by walking its characters.
  init(number: Int, characters raw: Substring) {
    self.number = number
    let leading = raw.prefix(while: { $0.isWhitespace })
    column = leading.count + 1
    content = raw.dropFirst(leading.count).trimmed()
    kind = RuleLine.classify(content, column: column)
  }

  private static func classify(_ content: String, column: Int) -> Kind {
    guard let first = content.first, first != "#" else { return .ignorable }
    switch first {
    case "[":
      let inner = content.dropFirst()
      if let close = inner.firstIndex(of: "]") {
        let name = inner[..<close]
        let trimmed = name.trimmed()
        let offset = name.prefix(while: { $0.isWhitespace }).count
        return .header(name: trimmed, nameColumn: column + 1 + offset, isClosed: true)
      }
      return .header(name: String(inner), nameColumn: column + 1, isClosed: false)
    case "-":
      return .item(
        text: trimmedTail(content.dropFirst()),
        textColumn: column + 1 + leadingBlanks(content.dropFirst()))
    case ">":
      var tail = content.dropFirst()
      var textColumn = column + 1
      if tail.first == " " {
        tail = tail.dropFirst()
        textColumn += 1
      }
      return .quote(text: String(tail), textColumn: textColumn)
    default:
      guard let colon = content.firstIndex(of: ":") else { return .other }
      let key = content[..<colon].trimmed()
      guard !key.isEmpty, !key.utf8.contains(UInt8(ascii: " ")) else { return .other }
      let rest = content[content.index(after: colon)...]
      let offset = content.distance(from: content.startIndex, to: colon) + 1 + leadingBlanks(rest)
      return .keyValue(key: key, value: trimmedTail(rest), valueColumn: column + offset)
    }
  }

  private static func leadingBlanks(_ text: Substring) -> Int {
    text.prefix(while: { $0.isWhitespace }).count
  }

  private static func trimmedTail(_ text: Substring) -> String {
    text.trimmed()
  }
}

/// Reads a rule file's bytes as text, reporting lines that are not valid UTF-8.
enum RuleFileText {
  /// Decodes `data`; invalid sequences become U+FFFD and each affected line gets an error.
  static func decode(_ data: Data, path: String) -> (text: String, diagnostics: [Diagnostic]) {
    if let text = String(data: data, encoding: .utf8) { return (text, []) }
    var diagnostics: [Diagnostic] = []
    var lines: [String] = []
    for (index, bytes) in data.split(separator: 0x0A, omittingEmptySubsequences: false).enumerated()
    {
      if let line = String(bytes: bytes, encoding: .utf8) {
        lines.append(line)
      } else {
        let line = String(decoding: bytes, as: UTF8.self)
        let replaced = line.firstIndex(of: "\u{FFFD}") ?? line.startIndex
        let column = line.distance(from: line.startIndex, to: replaced) + 1
        diagnostics.append(
          Diagnostic(
            path: path, line: index + 1, column: column, severity: .error,
            message: "invalid utf-8 (the file must be saved as utf-8)"))
        lines.append(line)
      }
    }
    return (lines.joined(separator: "\n"), diagnostics)
  }
}

/// "Did you mean" suggestions for misspelt keys and names.
enum Suggestion {
  /// The closest of `candidates` to `word` within a small edit distance, or nil.
  static func closest(to word: String, in candidates: some Sequence<String>) -> String? {
    var best: (name: String, distance: Int)?
    for candidate in candidates {
      let distance = editDistance(word, candidate)
      if distance < (best?.distance ?? Int.max) { best = (candidate, distance) }
    }
    guard let best else { return nil }
    let limit = max(1, min(3, word.count / 3))
    return best.distance <= limit ? best.name : nil
  }

  /// `" (did you mean 'x'?)"` or an empty string.
  static func phrase(for word: String, in candidates: some Sequence<String>) -> String {
    closest(to: word, in: candidates).map { " (did you mean '\($0)'?)" } ?? ""
  }

  /// The Damerau–Levenshtein (optimal string alignment) distance of two short strings.
  static func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a)
    let b = Array(b)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var table = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
    for i in 0...a.count { table[i][0] = i }
    for j in 0...b.count { table[0][j] = j }
    for i in 1...a.count {
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        var value = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
        if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
          value = min(value, table[i - 2][j - 2] + 1)
        }
        table[i][j] = value
      }
    }
    return table[a.count][b.count]
  }
}
