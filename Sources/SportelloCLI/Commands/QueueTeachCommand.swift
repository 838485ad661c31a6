import Foundation
import SportelloDesk
import SportelloEngine

/// `sportello queue teach ID --intent INTENT`.
struct QueueTeachCommand: Command {
  static let spec = CommandSpec(
    name: "teach",
    abstract: "Add a ticket's message as an example question of an FAQ, then lint.",
    discussion: """
      The citizen's text message in the ticket (the first, or the one --message picks,
      counting the citizen's messages in 'queue show') is added under 'domande:' of the
      FAQ in its own .faq file, keeping the file's layout and comments. The rules are
      linted at once; if the edit would break them, the file is restored.
      """,
    arguments: [ArgumentSpec("id", help: "The ticket number.")],
    options: [
      .option("intent", value: "INTENT", help: "The FAQ's id, such as anagrafe.carta_identita."),
      .option("message", value: "N", help: "Teach the citizen's N-th message (default 1)."),
      DeskCommandSupport.rulesOption,
      DeskCommandSupport.databaseOption,
    ]
  )

  static func run(_ arguments: ParsedArguments, io: CommandIO) throws -> Int32 {
    let id = try DeskCommandSupport.ticketID(arguments.positionals[0])
    guard let intent = arguments.value("intent") else {
      throw UsageError("missing '--intent <INTENT>'")
    }
    let number = try arguments.integer("message", in: 1...10_000) ?? 1
    let rules = arguments.value("rules") ?? "Rules"
    try RulesDirectory.requireExists(rules)
    let store = try DeskCommandSupport.openStore(arguments)
    let now = try DeskCommandSupport.now()
    let result = try DeskCommandSupport.failingClearly {
      try FAQTeacher(store: store).teach(
        ticket: id, intent: intent, messageNumber: number, rules: URL(fileURLWithPath: rules),
        at: now)
    }
    if result.wasPresent {
      io.print(
        "'\(result.example)' is already an example of \(intent) (\(result.path):\(result.line)).")
    } else {
      io.print("Added '\(result.example)' to \(intent) at \(result.path):\(result.line).")
    }
    let decision = result.decision
    let verdict =
      decision.outcome == .answer && decision.intent == intent
      ? "it is now answered with \(intent)"
      : "it is now decided as \(decision.outcome.rawValue) "
        + (decision.intent ?? decision.options.joined(separator: ", "))
    io.print("The rules lint without errors (\(result.warnings.count) warnings); \(verdict).")
    return ExitStatus.success
  }
}
