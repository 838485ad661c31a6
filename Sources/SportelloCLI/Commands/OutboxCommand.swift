/// `sportello outbox`: the messages waiting to go out and those already sent.
struct OutboxCommand: Command {
  static let spec = CommandSpec(
    name: "outbox",
    abstract: "Inspect the outbox of replies, staff messages and broadcasts."
  )

  static let subcommands: [any Command.Type] = [
    OutboxListCommand.self
  ]
}
