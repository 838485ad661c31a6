import Foundation
import SportelloEngine
import SportelloEvaluation

/// `sportello test`: decides every recorded question and reports what the rules do.
///
///     $ sportello test Corpus/ --min-precision 0.95
///     Tested 312 messages against rules version 3f2a9c1e.
///     ...
struct TestCommand: Command {
  static let spec = CommandSpec(
    name: "test",
    abstract: "Run the rules on recorded questions and report precision and automation.",
    discussion: """
      Each line of a corpus file is 'expected<TAB>message': an intent id, ids joined
      by '|' when any is right, or '-' when the message must not be answered. Every
      message is decided as 'sportello ask' decides it, with a fresh conversation.
      Exits 0 when the thresholds hold and nothing regressed, 1 when not, 2 when a
      file can't be read, 64 on bad usage.
      """,
    arguments: [TestCommand.corpusArgument],
    options: [
      TestCommand.rulesOption,
      .option("format", value: "FORMAT", help: "text, json or junit (default: text)."),
      .option("save-baseline", value: "FILE", help: "Save every message's outcome to FILE."),
      .option(
        "baseline", value: "FILE",
        help: "Compare with a saved baseline; any regression fails the run."),
      .option("min-precision", value: "P", help: "Fail when precision is below P (0...1)."),
      .option("min-automation", value: "A", help: "Fail when automation is below A (0...1)."),
      .option("show", value: "N", help: "How many failures the text report lists (default: 10)."),
    ]
  )

  /// The corpus files a command reads, as `test` and `learn` take them.
  static let corpusArgument = ArgumentSpec(
    "corpus", help: "Corpus files or directories of *.tsv files (default: Corpus/).",
    isOptional: true, isRepeating: true)

  /// The rule directory option of `test` and `learn`.
  static let rulesOption = OptionSpec.option(
    "rules", value: "DIR", help: "The rule directory (default: Rules/).")

  static func run(_ arguments: ParsedArguments, io: CommandIO) throws -> Int32 {
    let format = try arguments.choice("format", of: ["text", "json", "junit"]) ?? "text"
    let show = try arguments.integer("show", in: 0...Int.max) ?? 10
    var test = BatchTest(
      corpusPaths: arguments.positionals.isEmpty ? ["Corpus"] : arguments.positionals,
      minimumPrecision: try arguments.number("min-precision", in: 0...1),
      minimumAutomation: try arguments.number("min-automation", in: 0...1),
      baselinePath: arguments.value("baseline"),
      saveBaselinePath: arguments.value("save-baseline"))
    let responder = try loadResponder(directory: arguments.value("rules") ?? "Rules", io: io)
    test.knownIntents = Set(responder.matcher.ruleSet.faqs.map(\.id))
    let evaluator = BatchEvaluator(responder: responder, now: Date())
    let progress = io.isErrorTerminal ? ProgressLine(io: io) : nil
    var report: (@Sendable (Int, Int) -> Void)?
    if let progress {
      report = { done, total in progress.update(done: done, total: total) }
    }
    let outcome: BatchTest.Outcome
    do {
      outcome = try test.run(
        with: evaluator, rulesVersion: responder.matcher.ruleSet.version, progress: report)
      progress?.finish()
    } catch let errors as CorpusErrors {
      for error in errors.errors { io.printError(error.description) }
      let status = errors.hasUnreadableFile ? ExitStatus.unreadable : ExitStatus.failure
      throw CommandFailure("the corpus has errors; nothing was tested", exitStatus: status)
    } catch let error as EvaluationError {
      if case .unreadable = error {
        throw CommandFailure(error.description, exitStatus: ExitStatus.unreadable)
      }
      throw CommandFailure(error.description)
    }
    switch format {
    case "json": io.print(try outcome.report.json())
    case "junit": io.writeOutput(outcome.report.junit())
    default: io.writeOutput(outcome.report.text(showingFailures: show))
    }
    for warning in outcome.warnings { io.printError(warning) }
    if format == "text",
      let note = learnedFilesNote(outcome.report, model: responder.matcher.ruleSet.model)
    {
      io.printError(note)
    }
    for failure in outcome.failures { io.printError("FAILED: \(failure)") }
    return outcome.passed ? ExitStatus.success : ExitStatus.failure
  }

  /// A note when the rules' model was learned from tested files as they are now: the
  /// figures on those files are not held out, and staff should not read them as if they
  /// were.
  static func learnedFilesNote(_ report: EvaluationReport, model: LearnedModel?) -> String? {
    guard let model else { return nil }
    let tested = Set(report.results.map(\.entry.file))
    let learned = model.sources.filter { source in
      tested.contains(source.path)
        && (try? Data(contentsOf: URL(fileURLWithPath: source.path))).map(
          LearnedModel.Source.contentHash(of:)) == source.contentHash
    }
    guard !learned.isEmpty else { return nil }
    let files = learned.count == 1 ? "1 tested file" : "\(learned.count) tested files"
    return "note: the rules' model was learned from \(files), so the figures on them are not "
      + "held out (see 'sportello learn --help')"
  }

  /// Loads the rules as `sportello ask` does; lint errors fail the command, and a
  /// missing or unreadable directory ends it with status 2.
  static func loadResponder(directory: String, io: CommandIO) throws -> Responder {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory),
      isDirectory.boolValue
    else {
      throw CommandFailure(
        "\(directory): error: cannot read: no such directory", exitStatus: ExitStatus.unreadable)
    }
    let ruleSet = try RulesDirectory.load(directory, io: io)
    return Responder(matcher: Matcher(ruleSet: ruleSet))
  }
}

/// The progress line on a terminal's standard error: done, rate and time left.
private final class ProgressLine: @unchecked Sendable {
  // Safe: the mutable state is only touched while `lock` is held.
  private let lock = NSLock()
  private let io: CommandIO
  private let start = Date()
  private var lastShown = Date.distantPast
  private var hasShown = false

  init(io: CommandIO) { self.io = io }

  func update(done: Int, total: Int) {
    lock.lock()
    defer { lock.unlock() }
    let now = Date()
    guard now.timeIntervalSince(lastShown) >= 0.2 || done == total else { return }
    lastShown = now
    hasShown = true
    let elapsed = max(now.timeIntervalSince(start), 0.001)
    let rate = Double(done) / elapsed
    let left = rate > 0 ? Double(total - done) / rate : 0
    io.writeError(
      String(format: "\r%d/%d messages, %.0f msg/s, %.0f s left ", done, total, rate, left))
  }

  func finish() {
    lock.lock()
    defer { lock.unlock() }
    if hasShown { io.writeError("\r\u{1B}[K") }
  }
}
