import SportelloDesk

/// `sportello queue reopen ID`.
struct QueueReopenCommand: Command {
  static let spec = CommandSpec(
    name: "reopen",
    abstract: "Reopen a closed ticket, unassigned.",
    arguments: [ArgumentSpec("id", help: "The ticket number.")],
    options: [
      .option("operator", value: "NAME", help: "Who reopens it (recorded in the history)."),
      DeskCommandSupport.databaseOption,
    ]
  )

  static func run(_ arguments: ParsedArguments, io: CommandIO) throws -> Int32 {
    let id = try DeskCommandSupport.ticketID(arguments.positionals[0])
    let store = try DeskCommandSupport.openStore(arguments)
    let now = try DeskCommandSupport.now()
    let ticket = try DeskCommandSupport.failingClearly {
      try StaffDesk(store: store).reopen(
        ticket: id, operatorName: arguments.value("operator"), at: now)
    }
    io.print("Ticket \(ticket.id) reopened.")
    return ExitStatus.success
  }
}
