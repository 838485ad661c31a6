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
  /// The CPU time this process has used so far, all threads, in seconds.
  static func processCPUSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
  }

  /// The CPU time of this process spent in `body`, in seconds.
  static func cpuSeconds(_ body: () throws -> Void) rethrows -> Double {
    let start = processCPUSeconds()
    try body()
    return processCPUSeconds() - start
  }

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
    // Messages are built before the clocks start, so that only the desk is measured.
    func messages(_ range: Range<Int>, prefix: String) -> [InboundMessage] {
      range.map { message($0, prefix: prefix) }
    }
    let decideInput = messages(0..<count, prefix: "d")
    let decideOnly = Measure.seconds {
      for item in decideInput {
        _ = responder.respond(to: item.text, pending: nil, now: start)
      }
    }
    let oneStore = try SQLiteDeskStore(path: directory.appendingPathComponent("handle.db").path)
    let oneService = ConversationService(store: oneStore, responder: responder)
    let handleInput = messages(0..<count, prefix: "h")
    let oneTransaction = try Measure.seconds {
      for item in handleInput {
        _ = try oneService.handle(item, receivedAt: item.sentAt)
      }
    }
    let duplicates = try Measure.seconds {
      for item in handleInput.prefix(1_000) {
        _ = try oneService.handle(item, receivedAt: item.sentAt)
      }
    }
    let splitStore = try SQLiteDeskStore(path: directory.appendingPathComponent("split.db").path)
    let splitService = ConversationService(store: splitStore, responder: responder)
    let splitInput = messages(0..<count, prefix: "s")
    var recording = 0.0
    let split = try Measure.seconds {
      for item in splitInput {
        recording += try Measure.seconds {
          _ = try splitService.record(item, receivedAt: item.sentAt)
        }
        _ = try splitService.processNextPending()
      }
    }
    let cpuInput = messages(count..<(2 * count), prefix: "h")
    let handleCPU = try cpuSeconds {
      for item in cpuInput {
        _ = try oneService.handle(item, receivedAt: item.sentAt)
      }
    }
    let decideCPU = cpuSeconds {
      for item in cpuInput {
        _ = responder.respond(to: item.text, pending: nil, now: item.sentAt)
      }
    }
    // The service's own path: the webhook records 32 messages in one commit, the writer
    // decides them in batches of 32 (see DeskWriter).
    let batchStore = try SQLiteDeskStore(path: directory.appendingPathComponent("batch.db").path)
    let batchService = ConversationService(store: batchStore, responder: responder)
    let batchInput = messages(0..<count, prefix: "b")
    let batchCPU = try cpuSeconds {
      for group in stride(from: 0, to: count, by: 32) {
        try batchStore.write { transaction in
          for item in batchInput[group..<min(count, group + 32)] {
            _ = try batchService.record(item, receivedAt: item.sentAt, in: transaction)
          }
        }
        _ = try batchService.processPendingBatch(limit: 32, budget: 1)
      }
    }
    let perMessage = { (seconds: Double) in seconds / Double(count) * 1e6 }
    return [
      Measure.atLeast("desk_inbound_handle_per_s", Double(count) / oneTransaction, "msg/s", 2_000),
      Measure.info("desk_inbound_record_then_process_per_s", Double(count) / split, "msg/s"),
      Measure.info("desk_inbound_record_only_per_s", Double(count) / recording, "msg/s"),
      Measure.info("desk_inbound_duplicate_per_s", 1_000 / duplicates, "msg/s"),
      Measure.info("desk_decide_only_per_s", Double(count) / decideOnly, "msg/s"),
      Measure.info("desk_inbound_handle_cpu_us", perMessage(handleCPU), "µs"),
      Measure.info("desk_decide_cpu_us", perMessage(decideCPU), "µs"),
      // What the store costs per message: the whole turn less the matcher and responder
      // measured alone (an upper bound: run between SQLite calls, they are a little slower).
      Measure.atMost("desk_store_cpu_us", perMessage(handleCPU - decideCPU), "µs", 150),
      Measure.info("desk_inbound_batched_cpu_us", perMessage(batchCPU), "µs"),
      Measure.info("desk_store_batched_cpu_us", perMessage(batchCPU - decideCPU), "µs"),
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
