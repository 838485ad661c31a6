import SportelloDesk

/// `sportello queue reply ID --text "..."`.
struct QueueReplyCommand: Command {
  static let spec = CommandSpec(
    name: "reply",
    abstract: "Reply to a ticket's citizen through the outbox.",
    arguments: [ArgumentSpec("id", help: "The ticket number.")],
    options: [
      .option("text", value: "TEXT", help: "The reply, sent as written (required)."),
      .option("operator", value: "NAME", help: "Who replies (default: who claimed the ticket)."),
      DeskCommandSupport.databaseOption,
    ]
  )

  static func run(_ arguments: ParsedArguments, io: CommandIO) throws -> Int32 {
    let id = try DeskCommandSupport.ticketID(arguments.positionals[0])
    guard let text = arguments.value("text") else { throw UsageError("missing '--text <TEXT>'") }
    let store = try DeskCommandSupport.openStore(arguments)
    let now = try DeskCommandSupport.now()
    let (ticket, outboxID) = try DeskCommandSupport.failingClearly {
      try StaffDesk(store: store).reply(
        toTicket: id, text: text, operatorName: arguments.value("operator"), at: now)
    }
    io.print("Reply queued as outbox message \(outboxID); ticket \(ticket.id) is answered.")
    return ExitStatus.success
  }
}
