import SportelloText

/// The aligned table printed by `sportello analyze`.
enum AnalysisTable {
  /// Renders one row per token under a header, columns padded to their widest cell.
  static func render(_ message: AnalyzedMessage) -> String {
    var rows = [["OFFSET", "KIND", "SURFACE", "FOLDED", "STEM", "CHANGES"]]
    for token in message.tokens {
      var stem = token.stem
      if token.isStopWord { stem += " *" }
      if token.isProtected { stem += " !" }
      let changes = token.changes.map { "\($0.name) '\($0.from)'" }.joined(separator: ", ")
      rows.append([
        String(token.offset), token.kind.rawValue, token.surface, token.folded, stem, changes,
      ])
    }
    var widths = [Int](repeating: 0, count: 6)
    for row in rows {
      for (column, cell) in row.enumerated() {
        widths[column] = max(widths[column], displayWidth(cell))
      }
    }
    var output = ""
    for row in rows {
      var line = ""
      for (column, cell) in row.enumerated() {
        if column == row.count - 1 {
          line += cell
        } else {
          line += cell + String(repeating: " ", count: widths[column] - displayWidth(cell) + 2)
        }
      }
      while line.hasSuffix(" ") { line.removeLast() }
      output += line + "\n"
    }
    if message.invalidUTF8Count > 0 {
      output += "invalid UTF-8 sequences replaced: \(message.invalidUTF8Count)\n"
    }
    return output
  }

  /// The columns a cell takes in a terminal: emoji and wide characters take two.
  static func displayWidth(_ cell: String) -> Int {
    var width = 0
    for character in cell {
      let isWide = character.unicodeScalars.contains { scalar in
        scalar.properties.isEmojiPresentation || (0x1F1E6...0x1F1FF).contains(scalar.value)
          || (0x1100...0x115F).contains(scalar.value)
          || (0x2E80...0xA4CF).contains(scalar.value) || (0xAC00...0xD7A3).contains(scalar.value)
          || (0xF900...0xFAFF).contains(scalar.value) || (0xFF00...0xFF60).contains(scalar.value)
      }
      width += isWide ? 2 : 1
    }
    return width
  }
}
