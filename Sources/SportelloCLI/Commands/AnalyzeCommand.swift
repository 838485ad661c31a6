import Foundation
import SportelloText

/// `sportello analyze`: shows how the text analysis reads a message.
///
///     $ sportello analyze "cmq x la carta d'identià"
struct AnalyzeCommand: Command {
  static let spec = CommandSpec(
    name: "analyze",
    abstract: "Show how a message is read: its tokens, folded forms, stems and changes.",
    discussion: """
      Prints one row per token with its offset (in characters), kind, surface,
      folded form, stem and what changed it. Without a message argument the
      message is read from standard input. Stop words are marked with '*' after
      the stem, protected words with '!'.
      """,
    arguments: [
      ArgumentSpec(
        "message", help: "The message to analyse (default: standard input).", isOptional: true)
    ],
    options: [
      .flag("json", help: "Print the analysis as JSON.")
    ]
  )

  static func run(_ arguments: ParsedArguments, io: CommandIO) throws -> Int32 {
    let analyzer = Analyzer()
    let message: AnalyzedMessage
    if let text = arguments.positionals.first {
      message = analyzer.analyze(text)
    } else {
      if io.isInputTerminal {
        throw UsageError("missing expected argument '<message>' (or a message on standard input)")
      }
      var bytes = [UInt8](io.readAll())
      while let last = bytes.last, last == 0x0A || last == 0x0D { bytes.removeLast() }
      message = analyzer.analyze(bytes: bytes)
    }
    if arguments.flag("json") {
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
      let data = try encoder.encode(message)
      io.print(String(decoding: data, as: UTF8.self))
    } else {
      io.writeOutput(AnalysisTable.render(message))
    }
    return ExitStatus.success
  }
}

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
      rows.append([String(token.offset), token.kind.rawValue, token.surface, token.folded, stem, changes])
    }
    var widths = [Int](repeating: 0, count: 6)
    for row in rows {
      for (column, cell) in row.enumerated() {
        widths[column] = max(widths[column], cell.count)
      }
    }
    var output = ""
    for row in rows {
      var line = ""
      for (column, cell) in row.enumerated() {
        if column == row.count - 1 {
          line += cell
        } else {
          line += cell + String(repeating: " ", count: widths[column] - cell.count + 2)
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
}
