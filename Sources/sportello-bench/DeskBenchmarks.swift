import Foundation
import SportelloDesk
import SportelloEngine
import SportelloStore

/// The `desk` group: the conversation service end to end and the staff's queue listing,
/// on a database file on disk in WAL mode.
let deskBenchmark = Benchmark(name: "desk") {
  let directory = FileManager.default.temporaryDirectory
    .appendingPathComponent("sportello-bench-desk-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
  defer { try? FileManager.default.removeItem(at: directory) }
  return try DeskBenchmarks.inbound(in: directory) + DeskBenchmarks.queueList(in: directory)
}

/// The desk's measurements.
enum DeskBenchmarks {
  /// Why the desk benchmark cannot run.
  struct MissingRules: Error, CustomStringConvertible {
    var description: String
  }

  /// The shipped rule set: `Rules/` under the working directory (run from the package root).
  static func rules() throws -> RuleSet {
    let result = RuleSet.load(
      from: URL(fileURLWithPath: "Rules"), now: Date(), checksOverlaps: false)
    guard let ruleSet = result.ruleSet, !ruleSet.faqs.isEmpty else {
      throw MissingRules(description: "no usable rule set in ./Rules: run from the package root")
    }
    return ruleSet
  }

  /// Inbound messages end to end (dedup, store, decide, outbox), on a file in WAL mode:
  /// the one-transaction path (`handle`) and the webhook's split path (`record`, then
  /// `processNextPending`).
  static func inbound(in directory: URL) throws -> [Figure] {
    let ruleSet = try rules()
    let responder = Responder(matcher: Matcher(ruleSet: ruleSet))
    var texts = ruleSet.faqs.flatMap(\.examples)
    texts += ["buongiorno", "grazie mille", "asdfgh", "voglio parlare con un operatore", "1", "0"]
    let count = 6_000
    let start = Date(timeIntervalSince1970: 1_796_288_400)
    func message(_ number: Int, prefix: String) -> InboundMessage {
      InboundMessage(
        channel: "whatsapp", citizenID: "39333\(String(format: "%07d", (number * 7_919) % 1_000))",
        displayName: "Cittadino", messageID: "\(prefix).\(number)",
        sentAt: start.addingTimeInterval(Double(number)), text: texts[(number * 31) % texts.count])
    }
    let oneStore = try SQLiteDeskStore(path: directory.appendingPathComponent("handle.db").path)
    let oneService = ConversationService(store: oneStore, responder: responder)
    let oneTransaction = try Measure.seconds {
      for number in 0..<count {
        let item = message(number, prefix: "h")
        _ = try oneService.handle(item, receivedAt: item.sentAt)
      }
    }
    let duplicates = try Measure.seconds {
      for number in 0..<1_000 {
        let item = message(number, prefix: "h")
        _ = try oneService.handle(item, receivedAt: item.sentAt)
      }
    }
    let splitStore = try SQLiteDeskStore(path: directory.appendingPathComponent("split.db").path)
    let splitService = ConversationService(store: splitStore, responder: responder)
    var recording = 0.0
    let split = try Measure.seconds {
      for number in 0..<count {
        let item = message(number, prefix: "s")
        recording += try Measure.seconds {
          _ = try splitService.record(item, receivedAt: item.sentAt)
        }
        _ = try splitService.processNextPending()
      }
    }
    return [
      Measure.atLeast("desk_inbound_handle_per_s", Double(count) / oneTransaction, "msg/s", 2_000),
      Measure.info("desk_inbound_record_then_process_per_s", Double(count) / split, "msg/s"),
      Measure.info("desk_inbound_record_only_per_s", Double(count) / recording, "msg/s"),
      Measure.info("desk_inbound_duplicate_per_s", 1_000 / duplicates, "msg/s"),
    ]
  }

  /// `queue list` (the default listing, and one office and status) over 100,000 tickets.
  static func queueList(in directory: URL) throws -> [Figure] {
    let store = try SQLiteDeskStore(path: directory.appendingPathComponent("queue.db").path)
    let offices = ["anagrafe", "tributi", "servizi_sociali", "urbanistica", "polizia_municipale"]
    let start = Date(timeIntervalSince1970: 1_790_000_000)
    try store.write { transaction in
      for number in 0..<100_000 {
        let citizen = "39333\(String(format: "%07d", number % 20_000))"
        let at = start.addingTimeInterval(Double(number) * 30)
        _ = try transaction.recordInbound(
          InboundMessage(
            channel: "whatsapp", citizenID: citizen, messageID: "bench.\(number)", sentAt: at,
            text: "ho un problema con la pratica numero \(number)"),
          receivedAt: at)
        let ticket = try transaction.openTicket(
          NewTicket(
            citizenID: citizen, displayName: "Cittadino \(number)", channel: "whatsapp",
            office: offices[number % offices.count], reason: "no_match",
            firstWords: "ho un problema con la pratica numero \(number)",
            candidates: [TicketCandidate(intent: "tributi.tari", title: "TARI", score: 0.31)],
            openedAt: at))
        if number % 4 != 0 {
          try transaction.updateTicket(
            id: ticket.id, status: .closed, operatorName: nil,
            event: TicketEvent(at: at.addingTimeInterval(600), kind: .closed))
        }
      }
    }
    let staff = StaffDesk(store: store)
    func milliseconds(_ filter: TicketFilter) throws -> Double {
      var samples: [Double] = []
      for _ in 0..<21 {
        samples.append(try Measure.seconds { _ = try staff.tickets(matching: filter) } * 1000)
      }
      return samples.sorted()[samples.count / 2]
    }
    return [
      Measure.atMost("queue_list_100k_ms", try milliseconds(TicketFilter()), "ms", 100),
      Measure.atMost(
        "queue_list_100k_office_status_ms",
        try milliseconds(TicketFilter(status: .closed, office: "tributi")), "ms", 100),
    ]
  }
}
