import Foundation
import SportelloEngine
import SportelloEvaluation

/// `sportello learn`: learns the model of the rules from recorded, labelled questions.
///
///     $ sportello learn
///     Learned from 7495 messages of 37 files: 42 classes, 20523 features, 86471 weights.
///     Wrote Rules/modello.txt.
struct LearnCommand: Command {
  static let spec = CommandSpec(
    name: "learn",
    abstract: "Learn the rules' model from recorded questions (writes modello.txt).",
    discussion: """
      Reads corpus files as 'sportello test' does and learns which words, word pairs and
      lengths go with each intent, and with '-' (a person must answer). The matcher then
      hands over an answer the model takes for a person's case, and answers a "which
      one?" question whose first option the model is sure of (soglia_appreso_operatore
      and soglia_appreso_risposta in impostazioni.txt). Run it again after changing the
      rules or the corpus. Figures of 'sportello test' on learned files are not held out:
      leave a file out with --exclude and test on it to measure. Exits 0 on success, 1 on
      rule or corpus errors, 2 when a file can't be read or written, 64 on bad usage.
      """,
    arguments: [TestCommand.corpusArgument],
    options: [
      TestCommand.rulesOption,
      .option(
        "output", value: "FILE", help: "Where to write the model (default: DIR/modello.txt)."),
      .option(
        "exclude", value: "PATH",
        help: "Leave out a corpus file or directory, to test on it.", repeatable: true),
    ]
  )

  static func run(_ arguments: ParsedArguments, io: CommandIO) throws -> Int32 {
    let directory = arguments.value("rules") ?? "Rules"
    try RulesDirectory.requireExists(directory)
    // The model being replaced is not read: a broken one must not stop its own repair.
    let loaded = RuleSet.load(
      from: URL(fileURLWithPath: directory), now: Date(), checksOverlaps: false,
      readsModel: false)
    guard let ruleSet = loaded.ruleSet else {
      for diagnostic in loaded.diagnostics where diagnostic.isError {
        io.printError(diagnostic.description)
      }
      throw CommandFailure(
        "the rules in '\(directory)' have errors; see 'sportello lint \(directory)'",
        exitStatus: loaded.unreadablePaths.isEmpty ? ExitStatus.failure : ExitStatus.unreadable)
    }
    let corpus = arguments.positionals.isEmpty ? ["Corpus"] : arguments.positionals
    let learning: CorpusLearning
    do {
      learning = try CorpusLearning(
        corpusPaths: corpus, excluding: arguments.values("exclude"), ruleSet: ruleSet)
    } catch let errors as CorpusErrors {
      for error in errors.errors { io.printError(error.description) }
      let status = errors.hasUnreadableFile ? ExitStatus.unreadable : ExitStatus.failure
      throw CommandFailure("the corpus has errors; nothing was learned", exitStatus: status)
    }
    for skipped in learning.skipped { io.printError("\(skipped): left out") }
    guard learning.messageCount > 0 else {
      throw CommandFailure("no messages to learn from in \(corpus.joined(separator: ", "))")
    }
    let model = learning.model
    let output = arguments.value("output") ?? directory + "/" + LearnedModel.fileName
    let header = [
      "Modello appreso da 'sportello learn' da \(learning.messageCount) domande registrate.",
      "Non modificarlo a mano: dopo ogni modifica delle regole o del Corpus, rigeneralo con",
      "'sportello learn' e controlla con 'sportello lint' e 'sportello test'.",
    ]
    do {
      try Data(model.fileText(header: header).utf8).write(
        to: URL(fileURLWithPath: output), options: .atomic)
    } catch {
      throw CommandFailure(
        "\(output): error: cannot write the model: \(error.localizedDescription)",
        exitStatus: ExitStatus.unreadable)
    }
    func counted(_ count: Int, _ noun: String) -> String {
      "\(count) \(noun)\(count == 1 ? "" : (noun.hasSuffix("s") ? "es" : "s"))"
    }
    io.print(
      "Learned from \(counted(learning.messageCount, "message")) of "
        + "\(counted(model.sources.count, "file")): \(counted(model.classes.count, "class")), "
        + "\(counted(model.features.count, "feature")), \(counted(model.weightCount, "weight")).")
    io.print("Wrote \(output).")
    return ExitStatus.success
  }
}
