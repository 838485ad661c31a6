/// A command of the `sportello` tool.
///
/// A command declares its ``spec`` and runs with the arguments parsed against
/// it. Commands that group others (such as `queue`) list them in
/// ``subcommands`` and are never run themselves.
public protocol Command: Sendable {
  /// The command's declaration.
  static var spec: CommandSpec { get }

  /// The commands under this one, such as `list` under `queue`; empty for a leaf.
  static var subcommands: [any Command.Type] { get }

  /// Runs the command.
  ///
  /// - Parameters:
  ///   - arguments: The command line, parsed against ``spec``.
  ///   - io: Standard input, output and error.
  /// - Returns: The process exit status: 0 for success.
  /// - Throws: ``UsageError`` for a bad command line (exit 64) or ``CommandFailure``.
  static func run(_ arguments: ParsedArguments, io: CommandIO) throws -> Int32
}

extension Command {
  /// A leaf command has no subcommands.
  public static var subcommands: [any Command.Type] { [] }

  /// A group only prints its help when run without a subcommand.
  public static func run(_ arguments: ParsedArguments, io: CommandIO) throws -> Int32 {
    throw UsageError("missing subcommand")
  }
}

/// Exit statuses shared by every command.
public enum ExitStatus {
  /// Success.
  public static let success: Int32 = 0

  /// The command ran and found a failure (lint errors, failed thresholds).
  public static let failure: Int32 = 1

  /// A file the command needs could not be read.
  public static let unreadable: Int32 = 2

  /// The command line was wrong (BSD `EX_USAGE`).
  public static let usage: Int32 = 64
}

/// A wrong command line: reported with the usage line and exit status 64.
public struct UsageError: Error, CustomStringConvertible {
  /// What is wrong, in lower case without a final period.
  public var description: String

  /// Creates a usage error.
  public init(_ description: String) { self.description = description }
}

/// A failure while running a command: reported as `Error: ...` with its exit status.
public struct CommandFailure: Error, CustomStringConvertible {
  /// What went wrong, in lower case without a final period.
  public var description: String

  /// The exit status to end with.
  public var exitStatus: Int32

  /// Creates a failure.
  public init(_ description: String, exitStatus: Int32 = ExitStatus.failure) {
    self.description = description
    self.exitStatus = exitStatus
  }
}
