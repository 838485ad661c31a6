import SportelloDesk

/// `sportello queue claim ID --operator NAME`.
struct QueueClaimCommand: Command {
  static let spec = CommandSpec(
    name: "claim",
    abstract: "Take a ticket: the bot stops answering its citizen.",
    arguments: [ArgumentSpec("id", help: "The ticket number.")],
    options: [
      .option("operator", value: "NAME", help: "Who takes the ticket (required)."),
      DeskCommandSupport.databaseOption,
    ]
  )

  static func run(_ arguments: ParsedArguments, io: CommandIO) throws -> Int32 {
    let id = try DeskCommandSupport.ticketID(arguments.positionals[0])
    let store = try DeskCommandSupport.openStore(arguments)
    let now = try DeskCommandSupport.now()
    let ticket = try DeskCommandSupport.failingClearly {
      try StaffDesk(store: store).claim(
        ticket: id, operatorName: arguments.value("operator") ?? "", at: now)
    }
    io.print("Ticket \(ticket.id) claimed by \(ticket.operatorName ?? "").")
    return ExitStatus.success
  }
}
