import Foundation
import SportelloDesk

/// `sportello purge --older-than 180d [--dry-run]`.
struct PurgeCommand: Command {
  static let spec = CommandSpec(
    name: "purge",
    abstract: "Delete message texts older than a retention period (GDPR); counts are kept.",
    discussion: """
      Deletes the texts of inbound and outbound messages and the first words and candidates
      of tickets older than the period. Rows, times and statuses stay, so statistics still
      add up; consent records are kept as the proof of consent. Try --dry-run first.
      """,
    options: [
      .option("older-than", value: "DAYS", help: "The retention period, such as 180d (required)."),
      .flag("dry-run", help: "Only count what would be deleted."),
      DeskCommandSupport.databaseOption,
    ]
  )

  static func run(_ arguments: ParsedArguments, io: CommandIO) throws -> Int32 {
    guard let text = arguments.value("older-than") else {
      throw UsageError("missing '--older-than <DAYS>'")
    }
    let period: RetentionPeriod
    do {
      period = try RetentionPeriod(parsing: text)
    } catch let error as DeskError {
      throw UsageError(error.description)
    }
    let store = try DeskCommandSupport.openStore(arguments)
    let now = try DeskCommandSupport.now()
    let isDryRun = arguments.flag("dry-run")
    let report = try DeskCommandSupport.failingClearly {
      try StaffDesk(store: store).purge(olderThan: period, dryRun: isDryRun, now: now)
    }
    let cutoff = DeskCommandSupport.localTime(period.cutoff(before: now))
    let counts =
      "\(report.inboundTexts) inbound messages, \(report.outboundTexts) outbound messages, "
      + "\(report.tickets) tickets"
    if isDryRun {
      io.print("Would delete the texts of \(counts) from before \(cutoff) (dry run).")
    } else {
      io.print("Deleted the texts of \(counts) from before \(cutoff); the counts are kept.")
    }
    return ExitStatus.success
  }
}
