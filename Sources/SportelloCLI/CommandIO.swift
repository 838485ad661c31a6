import Foundation

/// The standard streams a command reads and writes, replaceable in tests.
public struct CommandIO: Sendable {
  /// Writes text to standard output as it is (add the newline yourself).
  public var writeOutput: @Sendable (String) -> Void

  /// Writes text to standard error as it is.
  public var writeError: @Sendable (String) -> Void

  /// Reads one line of standard input without its newline; `nil` at end of input.
  public var readLine: @Sendable () -> String?

  /// Reads the whole of standard input as bytes.
  public var readAll: @Sendable () -> Data

  /// Whether standard error is a terminal (progress is shown only then).
  public var isErrorTerminal: Bool

  /// Whether standard input is a terminal (prompts are shown only then).
  public var isInputTerminal: Bool

  /// Creates streams from closures.
  public init(
    writeOutput: @escaping @Sendable (String) -> Void,
    writeError: @escaping @Sendable (String) -> Void,
    readLine: @escaping @Sendable () -> String?,
    readAll: @escaping @Sendable () -> Data,
    isErrorTerminal: Bool = false,
    isInputTerminal: Bool = false
  ) {
    self.writeOutput = writeOutput
    self.writeError = writeError
    self.readLine = readLine
    self.readAll = readAll
    self.isErrorTerminal = isErrorTerminal
    self.isInputTerminal = isInputTerminal
  }

  /// The process's own standard streams.
  public static var standard: CommandIO {
    CommandIO(
      writeOutput: { FileHandle.standardOutput.write(Data($0.utf8)) },
      writeError: { FileHandle.standardError.write(Data($0.utf8)) },
      readLine: { Swift.readLine(strippingNewline: true) },
      readAll: { FileHandle.standardInput.readDataToEndOfFile() },
      isErrorTerminal: isatty(STDERR_FILENO) == 1,
      isInputTerminal: isatty(STDIN_FILENO) == 1
    )
  }

  /// Writes a line to standard output.
  public func print(_ line: String = "") { writeOutput(line + "\n") }

  /// Writes a line to standard error.
  public func printError(_ line: String) { writeError(line + "\n") }
}
