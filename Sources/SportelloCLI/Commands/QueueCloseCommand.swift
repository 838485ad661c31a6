import SportelloDesk

/// `sportello queue close ID`.
struct QueueCloseCommand: Command {
  static let spec = CommandSpec(
    name: "close",
    abstract: "Close a ticket; the bot answers the citizen again.",
    arguments: [ArgumentSpec("id", help: "The ticket number.")],
    options: [
      .option("operator", value: "NAME", help: "Who closes it (recorded in the history)."),
      DeskCommandSupport.databaseOption,
    ]
  )

  static func run(_ arguments: ParsedArguments, io: CommandIO) throws -> Int32 {
    let id = try DeskCommandSupport.ticketID(arguments.positionals[0])
    let store = try DeskCommandSupport.openStore(arguments)
    let now = try DeskCommandSupport.now()
    let ticket = try DeskCommandSupport.failingClearly {
      try StaffDesk(store: store).close(
        ticket: id, operatorName: arguments.value("operator"), at: now)
    }
    io.print("Ticket \(ticket.id) closed.")
    return ExitStatus.success
  }
}
