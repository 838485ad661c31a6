import Foundation
import SportelloDesk
import SportelloEngine
import SportelloStore

/// `sportello desk replay FILE`: feeds a stream of inbound messages to the conversation service.
struct DeskReplayCommand: Command {
  static let spec = CommandSpec(
    name: "replay",
    abstract: "Replay a stream of inbound messages (JSON lines) through the conversation service.",
    discussion: """
      Each line is one message: {"id": "wamid.1", "from": "393331234567", "name": "Maria",
      "time": "2026-12-03T09:30:00Z", "type": "text", "text": "orari anagrafe?"}. Messages are
      recorded as pending first, then decided and answered in order, as the webhook does; a
      message already recorded is not answered twice, and messages left pending by an
      interrupted run are answered first. Times are those of the messages.
      """,
    arguments: [ArgumentSpec("file", help: "The JSON-lines file, or '-' for standard input.")],
    options: [
      DeskCommandSupport.rulesOption,
      DeskCommandSupport.databaseOption,
    ]
  )

  static func run(_ arguments: ParsedArguments, io: CommandIO) throws -> Int32 {
    let path = arguments.positionals[0]
    let data: Data
    if path == "-" {
      data = io.readAll()
    } else {
      guard let contents = FileManager.default.contents(atPath: path) else {
        throw CommandFailure("cannot read '\(path)'", exitStatus: ExitStatus.unreadable)
      }
      data = contents
    }
    let service = try DeskCommandSupport.conversationService(arguments, io: io)
    var recovered = 0
    var counts = (recorded: 0, duplicates: 0, conflicts: 0, bad: 0)
    try DeskCommandSupport.failingClearly {
      recovered = try service.processPending().count
      let lines = String(decoding: data, as: UTF8.self).split(
        separator: "\n", omittingEmptySubsequences: false)
      for (index, line) in lines.enumerated()
      where !line.trimmingCharacters(in: .whitespaces).isEmpty {
        let message: InboundMessage
        do {
          message = try ReplayLine.parse(String(line)).message
        } catch {
          io.printError("\(path):\(index + 1): error: not a message: \(error)")
          counts.bad += 1
          continue
        }
        do {
          switch try service.record(message, receivedAt: message.sentAt) {
          case .recorded: counts.recorded += 1
          case .duplicate: counts.duplicates += 1
          case .conflict: counts.conflicts += 1
          }
        } catch let error as DeskError {
          io.printError("\(path):\(index + 1): error: \(error.description)")
          counts.bad += 1
          continue
        }
        try service.processPending()
      }
    }
    io.print(
      "Replayed: \(counts.recorded) recorded, \(counts.duplicates) duplicates, "
        + "\(counts.conflicts) conflicts, \(counts.bad) rejected; \(recovered) recovered.")
    return counts.bad == 0 ? ExitStatus.success : ExitStatus.failure
  }
}
