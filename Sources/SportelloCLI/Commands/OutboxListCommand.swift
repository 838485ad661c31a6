import Foundation
import SportelloDesk
import SportelloStore

/// `sportello outbox list [--status pending|sent|failed] [--json]`.
struct OutboxListCommand: Command {
  static let spec = CommandSpec(
    name: "list",
    abstract: "List outbox messages, newest first.",
    options: [
      .option(
        "status", value: "STATUS",
        help: "Only messages pending, sending, sent, failed or dry_run."),
      .option("limit", value: "N", help: "Show at most N messages (default 50)."),
      DeskCommandSupport.jsonFlag,
      DeskCommandSupport.databaseOption,
    ]
  )

  /// One message as `--json` prints it.
  struct Item: Encodable {
    var id: Int64
    var status: String
    var citizen: String
    var kind: String
    var text: String
    var options: [OutboundOption]?
    var template: String?
    var parameters: [String]?
    var ticket: Int64?
    var broadcast: String?
    var `operator`: String?
    var attempts: Int
    var createdAt: String
    var sentAt: String?
    var error: String?
    var delivery: String?

    enum CodingKeys: String, CodingKey {
      case id, status, citizen, kind, text, options, template, parameters, ticket, broadcast
      case `operator`, attempts, error, delivery
      case createdAt = "created_at"
      case sentAt = "sent_at"
    }
  }

  static func run(_ arguments: ParsedArguments, io: CommandIO) throws -> Int32 {
    let status = try arguments.choice("status", of: OutboxStatus.allCases.map(\.rawValue))
      .flatMap(OutboxStatus.init(rawValue:))
    let limit = try arguments.integer("limit", in: 1...100_000) ?? 50
    let store = try DeskCommandSupport.openStore(arguments)
    let messages = try DeskCommandSupport.failingClearly {
      try StaffDesk(store: store).outbox(status: status, limit: limit)
    }
    if arguments.flag("json") {
      io.writeOutput(try DeskCommandSupport.json(messages.map(item)))
      return ExitStatus.success
    }
    guard !messages.isEmpty else {
      io.print("No messages.")
      return ExitStatus.success
    }
    let rows = messages.map { message in
      [
        String(message.id), message.status.rawValue,
        DeskCommandSupport.citizen(message.citizenID, name: nil), message.content.kindName,
        DeskCommandSupport.localTime(message.createdAt),
        DeskCommandSupport.excerpt(message.content.text, limit: 60),
      ]
    }
    io.writeOutput(
      DeskCommandSupport.table(["ID", "STATUS", "CITIZEN", "KIND", "CREATED", "TEXT"], rows))
    return ExitStatus.success
  }

  static func item(_ message: OutboundMessage) -> Item {
    var item = Item(
      id: message.id, status: message.status.rawValue,
      citizen: DeskCommandSupport.citizen(message.citizenID, name: nil),
      kind: message.content.kindName, text: message.content.text, ticket: message.ticketID,
      broadcast: message.broadcastID, operator: message.operatorName, attempts: message.attempts,
      createdAt: DeskCommandSupport.isoTime(message.createdAt),
      sentAt: message.sentAt.map(DeskCommandSupport.isoTime), error: message.lastError,
      delivery: message.deliveryStatus)
    switch message.content {
    case .text: break
    case .choice(_, let options): item.options = options
    case .template(let name, let parameters, _):
      item.template = name
      item.parameters = parameters
    }
    return item
  }
}
