import Foundation
import SportelloDesk

/// `sportello queue stats`.
struct QueueStatsCommand: Command {
  static let spec = CommandSpec(
    name: "stats",
    abstract: "Show open tickets, reply times, tickets per office and day.",
    discussion: """
      The median is the middle value (the mean of the two middle ones for an even count);
      the 90th percentile uses the nearest rank. Days are days in Europe/Rome.
      """,
    options: [DeskCommandSupport.jsonFlag, DeskCommandSupport.databaseOption]
  )

  static func run(_ arguments: ParsedArguments, io: CommandIO) throws -> Int32 {
    let store = try DeskCommandSupport.openStore(arguments)
    let figures = try DeskCommandSupport.failingClearly {
      try StaffDesk(store: store).statistics(timeZone: DeskCommandSupport.timeZone)
    }
    if arguments.flag("json") {
      io.writeOutput(try DeskCommandSupport.json(figures))
      return ExitStatus.success
    }
    let active = figures.activeByStatus
    let total = active.values.reduce(0, +)
    var page = "Active tickets: \(total) (open \(active["open"] ?? 0), claimed "
    page += "\(active["claimed"] ?? 0), answered \(active["answered"] ?? 0))\n"
    page += "First human reply: median \(DeskCommandSupport.duration(figures.medianFirstReply)), "
    page += "90th percentile \(DeskCommandSupport.duration(figures.p90FirstReply))"
    page += " (\(figures.repliedTickets) tickets)\n"
    page += "\nPer office:\n"
    page += figures.perOffice.isEmpty ? "  (none)\n" : ""
    for count in figures.perOffice { page += "  \(count.label)  \(count.tickets)\n" }
    page += "\nPer day:\n"
    page += figures.perDay.isEmpty ? "  (none)\n" : ""
    for count in figures.perDay.suffix(30) { page += "  \(count.label)  \(count.tickets)\n" }
    io.writeOutput(page)
    return ExitStatus.success
  }
}
