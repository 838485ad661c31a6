/// `sportello queue`: the staff's escalation queue.
struct QueueCommand: Command {
  static let spec = CommandSpec(
    name: "queue",
    abstract: "Work the queue of conversations handed to the staff.",
    discussion: """
      Tickets are opened when the bot hands a conversation over. Citizens' numbers are
      shown masked (last 3 digits).
      """
  )

  static let subcommands: [any Command.Type] = [
    QueueListCommand.self,
    QueueShowCommand.self,
    QueueClaimCommand.self,
    QueueReplyCommand.self,
    QueueCloseCommand.self,
    QueueReopenCommand.self,
    QueueTeachCommand.self,
    QueueStatsCommand.self,
  ]
}
