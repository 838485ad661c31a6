import Foundation
import SportelloEngine

/// `sportello lint [DIR] [--strict]`: checks a rules directory.
struct LintCommand: Command {
  static let spec = CommandSpec(
    name: "lint",
    abstract: "Check a rules directory and report every problem.",
    discussion: """
      Prints each problem to standard error as 'path:line:column: error|warning: message',
      then a summary line to standard output. Exits 0 when there are no errors (and, with
      --strict, no warnings), 1 otherwise, 2 when a file cannot be read, 64 on bad usage.
      """,
    arguments: [
      ArgumentSpec("directory", help: "The rules directory (default: Rules).", isOptional: true)
    ],
    options: [.flag("strict", help: "Fail on warnings too.")]
  )

  static func run(_ arguments: ParsedArguments, io: CommandIO) throws -> Int32 {
    let path = arguments.positionals.first ?? "Rules"
    try RulesDirectory.requireExists(path)
    let result = RuleSet.load(from: URL(fileURLWithPath: path))
    for diagnostic in result.diagnostics { io.printError(diagnostic.description) }
    let errors = result.diagnostics.filter { $0.severity == .error }.count
    let warnings = result.diagnostics.filter { $0.severity == .warning }.count
    let faqs = result.ruleSet?.faqs.count
    io.print(
      "\(path): " + (faqs.map { "\($0) \($0 == 1 ? "faq" : "faqs"), " } ?? "")
        + "\(errors) \(errors == 1 ? "error" : "errors"), "
        + "\(warnings) \(warnings == 1 ? "warning" : "warnings")")
    if !result.unreadablePaths.isEmpty { return ExitStatus.unreadable }
    if errors > 0 || (arguments.flag("strict") && warnings > 0) { return ExitStatus.failure }
    return ExitStatus.success
  }
}

/// Finding and loading the rules directory, shared by the engine's commands.
enum RulesDirectory {
  /// Fails with exit status 1 when `path` is not a directory.
  static func requireExists(_ path: String) throws {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      throw CommandFailure("no rules directory at '\(path)' (give one with --rules <DIR>)")
    }
    guard isDirectory.boolValue else {
      throw CommandFailure("'\(path)' is not a directory")
    }
  }

  /// Loads the rules for `ask` and `chat`: warnings are ignored, errors are printed and fail.
  ///
  /// - Throws: ``CommandFailure`` with status 1 when the directory is missing or the
  ///   rules have errors, 2 when a file cannot be read.
  static func load(_ path: String, io: CommandIO) throws -> RuleSet {
    try requireExists(path)
    let result = RuleSet.load(from: URL(fileURLWithPath: path), now: Date(), checksOverlaps: false)
    if let ruleSet = result.ruleSet { return ruleSet }
    for diagnostic in result.diagnostics where diagnostic.isError {
      io.printError(diagnostic.description)
    }
    if !result.unreadablePaths.isEmpty {
      throw CommandFailure("cannot read the rules in '\(path)'", exitStatus: ExitStatus.unreadable)
    }
    throw CommandFailure("the rules in '\(path)' have errors; see 'sportello lint \(path)'")
  }
}
