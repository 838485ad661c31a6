/// `sportello desk`: tools for the conversation service itself.
struct DeskCommand: Command {
  static let spec = CommandSpec(
    name: "desk",
    abstract: "Run the conversation service on recorded streams of messages."
  )

  static let subcommands: [any Command.Type] = [
    DeskReplayCommand.self
  ]
}
