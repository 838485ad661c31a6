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
      .option(
        "vocabulary", value: "FILE",
        help: "Correct typos against the words of this text file (default: no correction)."),
      .flag("json", help: "Print the analysis as JSON."),
    ]
  )

  static func run(_ arguments: ParsedArguments, io: CommandIO) throws -> Int32 {
    var configuration = AnalyzerConfiguration()
    if let path = arguments.value("vocabulary") {
      configuration.vocabulary = try vocabulary(from: path)
    }
    let analyzer = Analyzer(configuration: configuration)
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

extension AnalyzeCommand {
  /// The words of a text file as a typo vocabulary: every word token that is not
  /// a stop word, folded.
  ///
  /// - Throws: ``CommandFailure`` (exit 2) when the file cannot be read.
  static func vocabulary(from path: String) throws -> TypoVocabulary {
    // A FileHandle also reads pipes such as `<(echo ...)`.
    guard let handle = FileHandle(forReadingAtPath: path),
      let data = try? handle.readToEnd() ?? Data()
    else {
      throw CommandFailure("cannot read '\(path)'", exitStatus: ExitStatus.unreadable)
    }
    let tokens = Analyzer().analyze(bytes: [UInt8](data)).tokens
    return TypoVocabulary(
      words: tokens.lazy.filter { $0.kind == .word && !$0.isStopWord }.map(\.folded))
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
