import Foundation
import SportelloDesk
import SportelloStore

/// `sportello broadcast --text "..." | --file F [--id ID] [--dry-run]`.
struct BroadcastCommand: Command {
  static let spec = CommandSpec(
    name: "broadcast",
    abstract: "Send a message to every subscriber of the Unico online list.",
    discussion: """
      Queues one outbox message per active subscriber. Running it again with the same id
      sends nothing twice. WhatsApp delivers free text only within 24 hours of a citizen's
      last message: real broadcasts go out as an approved template (--template, --param).
      """,
    options: [
      .option("text", value: "TEXT", help: "The message text."),
      .option("file", value: "FILE", help: "Read the message text from a file."),
      .option("id", value: "ID", help: "The broadcast's id (default: derived from the content)."),
      .option("template", value: "NAME", help: "Send as this approved WhatsApp template."),
      .option(
        "param", value: "VALUE", help: "A template body parameter, in order.", repeatable: true),
      .option("rate", value: "N", help: "At most N messages per second (default 20)."),
      .flag("dry-run", help: "Only count the recipients."),
      DeskCommandSupport.databaseOption,
    ]
  )

  static func run(_ arguments: ParsedArguments, io: CommandIO) throws -> Int32 {
    let text = try messageText(arguments)
    let rate = try arguments.number("rate", in: 0.1...1000) ?? 20
    let content: OutboundContent
    if let template = arguments.value("template") {
      let parameters = arguments.values("param")
      let rendering = text ?? "[\(template)] " + parameters.joined(separator: " | ")
      content = .template(name: template, parameters: parameters, text: rendering)
    } else {
      guard let text else {
        throw UsageError("give the message with '--text <TEXT>' or '--file <FILE>'")
      }
      guard arguments.values("param").isEmpty else {
        throw UsageError("'--param' needs '--template'")
      }
      content = .text(text)
    }
    let id = arguments.value("id") ?? BroadcastRequest.derivedID(for: content)
    let store = try DeskCommandSupport.openStore(arguments)
    let now = try DeskCommandSupport.now()
    let isDryRun = arguments.flag("dry-run")
    let result = try DeskCommandSupport.failingClearly {
      try Broadcaster(store: store).send(
        BroadcastRequest(id: id, content: content, ratePerSecond: rate), dryRun: isDryRun, at: now)
    }
    if isDryRun {
      io.print("Broadcast '\(id)' would reach \(result.recipients) subscribers (dry run).")
    } else {
      let rateText = rate == rate.rounded() ? String(Int(rate)) : String(rate)
      io.print(
        "Broadcast '\(id)': \(result.enqueued) messages queued for \(result.recipients) "
          + "subscribers, at most \(rateText) per second.")
    }
    return ExitStatus.success
  }

  private static func messageText(_ arguments: ParsedArguments) throws -> String? {
    switch (arguments.value("text"), arguments.value("file")) {
    case (_?, _?):
      throw UsageError("give either '--text' or '--file', not both")
    case (let text?, nil):
      return text
    case (nil, let path?):
      guard let data = FileManager.default.contents(atPath: path) else {
        throw CommandFailure("cannot read '\(path)'", exitStatus: ExitStatus.unreadable)
      }
      let text = String(decoding: data, as: UTF8.self)
      return text.hasSuffix("\n") ? String(text.dropLast()) : text
    case (nil, nil):
      return nil
    }
  }
}
