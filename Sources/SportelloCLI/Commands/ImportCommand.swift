import Foundation
import SportelloEvaluation

/// `sportello import FILE.csv --out DIR`: turns an FAQ spreadsheet into rule files.
///
///     $ sportello import faq.csv --out Rules/importate --prefix faq-
///     faq.csv:14: warning: skipped row: missing answer
///     Imported 39 FAQs into Rules/importate (1 row skipped).
struct ImportCommand: Command {
  static let spec = CommandSpec(
    name: "import",
    abstract: "Turn an FAQ spreadsheet (CSV) into rule files.",
    discussion: """
      Reads a CSV file (delimiter ';', ',' or tab, detected) whose header names the
      columns in Italian or English: id, domanda/question, risposta/answer,
      tag/tags/parole chiave/keywords, and optionally titolo/title, ufficio/office,
      link. Each row becomes one FAQ: the question as the first example, the tags as
      keywords, the answer verbatim. The FAQs go into DIR/<name>.faq, named after the
      CSV file, or DIR/<office>/<name>.faq by office. Skipped rows and changed values
      are reported on standard error with their line.
      """,
    arguments: [ArgumentSpec("file", help: "The CSV file to read.")],
    options: [
      .option("out", value: "DIR", help: "The directory to write the rule files into (required)."),
      .option(
        "prefix", value: "P", help: "Put before every intent id, such as 'faq-' (default: none)."),
      .option(
        "office", value: "NAME",
        help: "The owning office of every FAQ; the file goes under DIR/NAME/."),
      .flag("force", help: "Replace rule files that already exist."),
    ]
  )

  static func run(_ arguments: ParsedArguments, io: CommandIO) throws -> Int32 {
    guard let file = arguments.positionals.first else {
      throw UsageError("missing expected argument '<file>'")
    }
    guard let out = arguments.value("out"), !out.isEmpty else {
      throw UsageError("missing required option '--out <DIR>'")
    }
    let prefix = arguments.value("prefix") ?? ""
    if !prefix.isEmpty, !CorpusReader.isValidIntentID(prefix) {
      throw UsageError(
        "invalid value '\(prefix)' for '--prefix': use lowercase letters, digits, '_', '-', '.'")
    }
    let office = arguments.value("office").flatMap { $0.isEmpty ? nil : $0 }
    let result: FAQImporter.Result
    do {
      result = try FAQImporter(prefix: prefix, office: office).read(file: file)
      for warning in result.warnings { io.printError(warning.description) }
      try RuleFileWriter(directory: out, overwrites: arguments.flag("force"))
        .write(result.faqs, source: file)
    } catch let error as EvaluationError {
      if case .unreadable = error {
        throw CommandFailure(error.description, exitStatus: ExitStatus.unreadable)
      }
      throw CommandFailure(error.description)
    }
    let skipped = result.skipped.count
    let skippedNote = skipped == 0 ? "" : " (\(skipped) row\(skipped == 1 ? "" : "s") skipped)"
    let count = result.faqs.count
    io.print("Imported \(count) FAQ\(count == 1 ? "" : "s") into \(out)\(skippedNote).")
    return ExitStatus.success
  }
}
