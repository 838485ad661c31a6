import Foundation
import SportelloDesk
import SportelloStore

/// `sportello queue list`: the tickets, oldest first.
struct QueueListCommand: Command {
  static let spec = CommandSpec(
    name: "list",
    abstract: "List tickets, oldest first.",
    discussion: "Without --status, lists every ticket that is not closed.",
    options: [
      .option("status", value: "STATUS", help: "Only tickets open, claimed, answered or closed."),
      .option("office", value: "NAME", help: "Only tickets of this office."),
      .option("limit", value: "N", help: "Show at most N tickets (default 50)."),
      DeskCommandSupport.jsonFlag,
      DeskCommandSupport.databaseOption,
    ]
  )

  /// One ticket as `--json` prints it.
  struct Item: Encodable {
    var id: Int64
    var status: String
    var office: String?
    var citizen: String
    var name: String?
    var `operator`: String?
    var openedAt: String
    var ageSeconds: Int
    var firstWords: String
    var candidates: [TicketCandidate]

    enum CodingKeys: String, CodingKey {
      case id, status, office, citizen, name, `operator`, candidates
      case openedAt = "opened_at"
      case ageSeconds = "age_seconds"
      case firstWords = "first_words"
    }
  }

  static func run(_ arguments: ParsedArguments, io: CommandIO) throws -> Int32 {
    let status = try arguments.choice("status", of: TicketStatus.allCases.map(\.rawValue))
      .flatMap(TicketStatus.init(rawValue:))
    let limit = try arguments.integer("limit", in: 1...100_000) ?? 50
    let filter = TicketFilter(status: status, office: arguments.value("office"), limit: limit)
    let store = try DeskCommandSupport.openStore(arguments)
    let now = try DeskCommandSupport.now()
    let (tickets, total) = try DeskCommandSupport.failingClearly {
      try StaffDesk(store: store).tickets(matching: filter)
    }
    if arguments.flag("json") {
      let items = tickets.map { ticket in
        Item(
          id: ticket.id, status: ticket.status.rawValue, office: ticket.office,
          citizen: DeskCommandSupport.citizen(ticket.citizenID, name: nil),
          name: ticket.displayName,
          operator: ticket.operatorName, openedAt: DeskCommandSupport.isoTime(ticket.openedAt),
          ageSeconds: max(0, Int(now.timeIntervalSince(ticket.openedAt))),
          firstWords: ticket.firstWords, candidates: ticket.candidates)
      }
      io.writeOutput(try DeskCommandSupport.json(items))
      return ExitStatus.success
    }
    guard !tickets.isEmpty else {
      io.print("No tickets.")
      return ExitStatus.success
    }
    let rows = tickets.map { ticket in
      [
        String(ticket.id), DeskCommandSupport.age(from: ticket.openedAt, to: now),
        ticket.status.rawValue, ticket.office ?? "-",
        DeskCommandSupport.citizen(ticket.citizenID, name: ticket.displayName),
        DeskCommandSupport.excerpt(ticket.firstWords),
        ticket.candidates.prefix(2).map { "\($0.intent) \(String(format: "%.2f", $0.score))" }
          .joined(separator: ", "),
      ]
    }
    io.writeOutput(
      DeskCommandSupport.table(
        ["ID", "AGE", "STATUS", "OFFICE", "CITIZEN", "FIRST WORDS", "CANDIDATES"], rows))
    if total > tickets.count {
      io.print("Showing \(tickets.count) of \(total) tickets; use --limit to see more.")
    }
    return ExitStatus.success
  }
}
