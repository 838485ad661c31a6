import Foundation
import SportelloEngine

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
      """,
    options: [.option("rules", value: "DIR", help: "The rules directory (default: Rules).")]
  )

  static func run(_ arguments: ParsedArguments, io: CommandIO) throws -> Int32 {
    let ruleSet = try RulesDirectory.load(arguments.value("rules") ?? "Rules", io: io)
    let responder = Responder(matcher: Matcher(ruleSet: ruleSet))
    var pending: PendingChoice?
    ChatLoop.run(io: io) { message in
      let response = responder.respond(to: message, pending: pending)
      pending = response.pending
      return response.replies.map(\.text)
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
