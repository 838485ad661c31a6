/// The `sportello` tool: finds the subcommand, parses its arguments and runs it.
///
///     $ sportello ask "cm faccio x la carta d'identità?"
///
/// Errors go to standard error as `Error: ...`, followed for usage errors by
/// the usage line and a pointer to `--help`; the exit status is 0, 1, 2 or 64
/// as ``ExitStatus`` describes.
public enum Sportello: Command {
  /// The root of the command tree.
  public static let spec = CommandSpec(
    name: "sportello",
    abstract: "The first-line answering desk of the Comune's Sportello Unico.",
    discussion: """
      Answers citizens' routine questions from FAQ rules written by staff, asks
      which one when two fit, and hands everything else to a person.
      """
  )

  /// Every top-level command, in the order the help page lists them.
  public static let subcommands: [any Command.Type] = [
    HelpCommand.self,
    StemCommand.self,
    AnalyzeCommand.self,
    AskCommand.self,
    ChatCommand.self,
    LintCommand.self,
    ImportCommand.self,
    TestCommand.self,
    LearnCommand.self,
    QueueCommand.self,
    OutboxCommand.self,
    BroadcastCommand.self,
    PurgeCommand.self,
    DeskCommand.self,
    ServeCommand.self,
  ]

  /// Runs the tool with the words after the program name.
  ///
  /// - Parameters:
  ///   - words: The command line without the program name.
  ///   - io: The standard streams.
  /// - Returns: The exit status.
  public static func main(_ words: [String], io: CommandIO = .standard) -> Int32 {
    var command: any Command.Type = Sportello.self
    var path = "sportello"
    var rest = words[...]
    while let next = rest.first,
      let subcommand = command.subcommands.first(where: { $0.spec.name == next })
    {
      command = subcommand
      path += " " + next
      rest = rest.dropFirst()
    }
    let remaining = Array(rest)
    if ArgumentParser.asksForHelp(remaining) {
      io.writeOutput(HelpFormatter.help(for: command, path: path))
      return ExitStatus.success
    }
    if !command.subcommands.isEmpty {
      if remaining.isEmpty {
        io.writeOutput(HelpFormatter.help(for: command, path: path))
        let isRoot = ObjectIdentifier(command) == ObjectIdentifier(Sportello.self)
        return isRoot ? ExitStatus.success : ExitStatus.usage
      }
      return reportUsage(
        UsageError("unknown subcommand '\(remaining[0])'"), command: command, path: path, io: io)
    }
    do {
      let arguments = try ArgumentParser.parse(remaining, spec: command.spec, commandPath: path)
      return try command.run(arguments, io: io)
    } catch let error as UsageError {
      return reportUsage(error, command: command, path: path, io: io)
    } catch let failure as CommandFailure {
      io.printError("Error: \(failure.description)")
      return failure.exitStatus
    } catch {
      io.printError("Error: \(error)")
      return ExitStatus.failure
    }
  }

  /// Prints a usage error with the usage line and the pointer to help.
  private static func reportUsage(
    _ error: UsageError, command: any Command.Type, path: String, io: CommandIO
  ) -> Int32 {
    io.printError("Error: \(error.description)")
    io.printError("Usage: \(HelpFormatter.usage(for: command, path: path))")
    io.printError("  See '\(path) --help' for more information.")
    return ExitStatus.usage
  }

  /// Finds a command by its path of names, such as `["queue", "list"]`.
  static func command(at names: [String]) -> (any Command.Type)? {
    var command: any Command.Type = Sportello.self
    for name in names {
      guard let next = command.subcommands.first(where: { $0.spec.name == name }) else {
        return nil
      }
      command = next
    }
    return command
  }
}

/// `sportello help [subcommand ...]`: the help page of a command.
struct HelpCommand: Command {
  static let spec = CommandSpec(
    name: "help",
    abstract: "Show the help page of a command.",
    arguments: [
      ArgumentSpec(
        "subcommand", help: "The command to explain.", isOptional: true, isRepeating: true)
    ]
  )

  static func run(_ arguments: ParsedArguments, io: CommandIO) throws -> Int32 {
    guard let command = Sportello.command(at: arguments.positionals) else {
      throw UsageError("unknown command '\(arguments.positionals.joined(separator: " "))'")
    }
    let path = (["sportello"] + arguments.positionals).joined(separator: " ")
    io.writeOutput(HelpFormatter.help(for: command, path: path))
    return ExitStatus.success
  }
}
