import Foundation
import SportelloDesk
import SportelloStore

/// `sportello queue show ID`: one ticket's thread, candidates and history.
struct QueueShowCommand: Command {
  static let spec = CommandSpec(
    name: "show",
    abstract: "Show a ticket's thread, candidates and history.",
    arguments: [ArgumentSpec("id", help: "The ticket number.")],
    options: [DeskCommandSupport.jsonFlag, DeskCommandSupport.databaseOption]
  )

  static func run(_ arguments: ParsedArguments, io: CommandIO) throws -> Int32 {
    let id = try DeskCommandSupport.ticketID(arguments.positionals[0])
    let store = try DeskCommandSupport.openStore(arguments)
    let now = try DeskCommandSupport.now()
    let detail = try DeskCommandSupport.failingClearly {
      try StaffDesk(store: store).detail(ofTicket: id)
    }
    if arguments.flag("json") {
      var masked = detail
      masked.ticket.citizenID = DeskCommandSupport.citizen(detail.ticket.citizenID, name: nil)
      io.writeOutput(try DeskCommandSupport.json(masked))
      return ExitStatus.success
    }
    let ticket = detail.ticket
    var page = "Ticket \(ticket.id) · \(ticket.status.rawValue) · \(ticket.office ?? "no office")\n"
    page += "Citizen: \(DeskCommandSupport.citizen(ticket.citizenID, name: ticket.displayName))"
    page += " (\(ticket.channel))\n"
    page += "Opened: \(DeskCommandSupport.localTime(ticket.openedAt))"
    page += " (\(DeskCommandSupport.age(from: ticket.openedAt, to: now)) ago)\n"
    if let name = ticket.operatorName { page += "Operator: \(name)\n" }
    if let reason = ticket.reason { page += "Reason: \(reason)\n" }
    page += "\nCandidates:\n"
    if ticket.candidates.isEmpty { page += "  (none)\n" }
    for candidate in ticket.candidates {
      page +=
        "  \(candidate.intent)  \(candidate.title)  \(String(format: "%.2f", candidate.score))\n"
    }
    page += "\nThread:\n"
    for entry in detail.thread {
      let author: String
      switch entry.author {
      case .citizen: author = "citizen"
      case .bot: author = "bot"
      case .staff(let name): author = name
      }
      let kind = entry.kind == "text" || entry.kind == "choice" ? "" : "[\(entry.kind)] "
      let status = entry.deliveryStatus.map { " (\($0))" } ?? ""
      let text = entry.text.replacingOccurrences(
        of: "\n", with: "\n" + String(repeating: " ", count: 20))
      page += "  \(DeskCommandSupport.localTime(entry.at))  \(author): \(kind)\(text)\(status)\n"
    }
    page += "\nHistory:\n"
    for event in detail.events {
      var line = "  \(DeskCommandSupport.localTime(event.at))  \(event.kind.rawValue)"
      if let name = event.operatorName { line += " by \(name)" }
      if let detail = event.detail { line += " (\(detail))" }
      page += line + "\n"
    }
    io.writeOutput(page)
    return ExitStatus.success
  }
}
