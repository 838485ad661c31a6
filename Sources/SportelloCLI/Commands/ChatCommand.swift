import Foundation
import SportelloDesk
import SportelloEngine
import SportelloStore

/// `sportello chat`: a conversation on standard input, one message a line.
struct ChatCommand: Command {
  static let spec = CommandSpec(
    name: "chat",
    abstract: "Talk to Sportello on standard input, one message a line.",
    discussion: """
      Each line is a citizen's message; the replies are printed as the citizen would
      get them, followed by an empty line. A "which one?" question stays pending, so
      the next line may be "1", "2", "3", a title or "0". Works piped too; ends at the
      end of input.

      Every message goes through the conversation service, as on WhatsApp: with --db (or
      SPORTELLO_DB) against that database, so tickets appear in 'sportello queue list' and
      replies in 'sportello outbox list'; otherwise against a private database in memory.
      """,
    options: [
      .option("rules", value: "DIR", help: "The rules directory (default: Rules)."),
      .option("db", value: "PATH", help: "The database (default: $SPORTELLO_DB, else in memory)."),
      .option("from", value: "ID", help: "The citizen's id (default: \(defaultCitizen))."),
      .option("name", value: "NAME", help: "The citizen's display name."),
    ]
  )

  /// The citizen id used when --from is not given.
  static let defaultCitizen = "390000000001"

  static func run(_ arguments: ParsedArguments, io: CommandIO) throws -> Int32 {
    let ruleSet = try RulesDirectory.load(arguments.value("rules") ?? "Rules", io: io)
    let environment = ProcessInfo.processInfo.environment[DatabaseLocation.environmentVariable]
    let path = arguments.value("db") ?? (environment?.isEmpty == false ? environment : nil)
    let store = try DeskCommandSupport.failingClearly {
      try path.map { try SQLiteDeskStore(path: DatabaseLocation.resolve(option: $0)) }
        ?? SQLiteDeskStore.inMemory()
    }
    let service = ConversationService(
      store: store, responder: Responder(matcher: Matcher(ruleSet: ruleSet)))
    let citizen = arguments.value("from") ?? defaultCitizen
    try DeskCommandSupport.failingClearly {
      try ChatLoop.run(io: io) { text in
        let now = try DeskCommandSupport.now()
        let turn = try service.handle(
          InboundMessage(
            channel: "chat", citizenID: citizen, displayName: arguments.value("name"),
            messageID: "chat-" + UUID().uuidString, sentAt: now, text: text),
          receivedAt: now)
        if case .heldForStaff(let ticket) = turn.outcome {
          io.printError("(ticket \(ticket) is with a person: the message joined it, no bot reply)")
        }
        return turn.replies.map(\.content.text)
      }
    }
    return ExitStatus.success
  }
}

/// The read-reply loop of `chat`, reusable by other conversation commands.
enum ChatLoop {
  /// Reads lines until the end of input; each non-blank line goes to `turn`, whose
  /// replies are printed, each followed by an empty line. A `> ` prompt is shown only
  /// when standard input is a terminal.
  ///
  /// - Parameters:
  ///   - io: The streams.
  ///   - turn: Takes one message and returns the reply texts.
  static func run(io: CommandIO, turn: (String) throws -> [String]) rethrows {
    while true {
      if io.isInputTerminal { io.writeOutput("> ") }
      guard let line = io.readLine() else { break }
      let message = line.trimmingCharacters(in: .whitespacesAndNewlines)
      guard !message.isEmpty else { continue }
      for reply in try turn(message) {
        io.print(reply)
        io.print()
      }
    }
  }
}
