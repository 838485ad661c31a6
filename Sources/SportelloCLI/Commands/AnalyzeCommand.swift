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
