import Foundation
import SportelloDesk
import SportelloStore

/// The `desk` group: the conversation service end to end and the staff's queue listing,
/// on a database file on disk in WAL mode.
let deskBenchmark = Benchmark(name: "desk") {
  let directory = FileManager.default.temporaryDirectory
    .appendingPathComponent("sportello-bench-desk-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
  defer { try? FileManager.default.removeItem(at: directory) }
  return try DeskBenchmarks.queueList(in: directory)
}

/// The desk's measurements.
enum DeskBenchmarks {
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
