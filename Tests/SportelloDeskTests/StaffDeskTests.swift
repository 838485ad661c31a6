import Foundation
import SportelloStore
import Testing

@testable import SportelloDesk

let deskTime = Date(timeIntervalSince1970: 1_800_000_000)

/// Opens a ticket for a citizen directly in the store, as a handover would.
func openTicket(
  in store: SQLiteDeskStore, citizen: String = "393331234567", office: String? = "anagrafe",
  at: Date = deskTime
) throws -> Ticket {
  try store.write { transaction in
    let recorded = try transaction.recordInbound(
      InboundMessage(
        channel: "whatsapp", citizenID: citizen, displayName: "Maria",
        messageID: "m-\(UUID().uuidString)", sentAt: at, text: "ho un problema con la pratica"),
      receivedAt: at)
    let ticket = try transaction.openTicket(
      NewTicket(
        citizenID: citizen, displayName: "Maria", channel: "whatsapp", office: office,
        reason: "no_match", firstWords: "ho un problema con la pratica", candidates: [],
        openedAt: at))
    try transaction.attachInbound(recorded.id, toTicket: ticket.id)
    return ticket
  }
}

/// Every row of every table, to prove a refused operation changed nothing.
func snapshot(_ store: SQLiteDeskStore) throws -> [String] {
  var rows: [String] = []
  for table in ["tickets", "ticket_events", "outbox", "inbound_messages"] {
    for row in try store.database.query("SELECT * FROM \(table) ORDER BY rowid") {
      rows.append("\(table): \(row.values)")
    }
  }
  return rows
}

@Suite struct StaffDeskTests {
  @Test func claimReplyCloseAndReopenWalkTheTicketThroughItsLife() throws {
    let directory = try TemporaryDirectory()
    let store = try SQLiteDeskStore(path: directory.path("d.db"))
    let staff = StaffDesk(store: store)
    let ticket = try openTicket(in: store)
    #expect(
      try staff.claim(ticket: ticket.id, operatorName: "Giulia", at: deskTime).status == .claimed)
    let (answered, outboxID) = try staff.reply(
      toTicket: ticket.id, text: "La pratica è pronta.", at: deskTime.addingTimeInterval(120))
    #expect(answered.status == .answered)
    #expect(answered.firstReplyAt == deskTime.addingTimeInterval(120))
    let reply = try #require(try store.read { try $0.outboundMessage(id: outboxID) })
    #expect(reply.content == .text("La pratica è pronta."))
    #expect(reply.operatorName == "Giulia")
    #expect(reply.status == .pending)
    #expect(
      try staff.close(ticket: ticket.id, at: deskTime.addingTimeInterval(200)).status == .closed)
    #expect(
      try staff.reopen(ticket: ticket.id, at: deskTime.addingTimeInterval(300)).status == .open)
    let detail = try staff.detail(ofTicket: ticket.id)
    #expect(detail.events.map(\.kind) == [.opened, .claimed, .replied, .closed, .reopened])
    #expect(detail.thread.map(\.author) == [.citizen, .staff("Giulia")])
  }

  @Test func refusedOperationsChangeNothing() throws {
    let directory = try TemporaryDirectory()
    let store = try SQLiteDeskStore(path: directory.path("d.db"))
    let staff = StaffDesk(store: store)
    let ticket = try openTicket(in: store)
    let before = try snapshot(store)
    #expect(throws: DeskError.unknownTicket(999)) {
      try staff.claim(ticket: 999, operatorName: "Giulia", at: deskTime)
    }
    #expect(throws: DeskError.missingOperator) {
      try staff.claim(ticket: ticket.id, operatorName: "  ", at: deskTime)
    }
    #expect(throws: DeskError.missingOperator) {
      try staff.reply(toTicket: ticket.id, text: "ciao", at: deskTime)
    }
    #expect(throws: DeskError.emptyText) {
      try staff.reply(toTicket: ticket.id, text: " ", operatorName: "Giulia", at: deskTime)
    }
    #expect(throws: DeskError.ticketNotClosed(ticket.id)) {
      try staff.reopen(ticket: ticket.id, at: deskTime)
    }
    #expect(try snapshot(store) == before)
    try staff.close(ticket: ticket.id, at: deskTime)
    let closed = try snapshot(store)
    #expect(throws: DeskError.ticketClosed(ticket.id)) {
      try staff.reply(toTicket: ticket.id, text: "ciao", operatorName: "Giulia", at: deskTime)
    }
    #expect(throws: DeskError.ticketClosed(ticket.id)) {
      try staff.claim(ticket: ticket.id, operatorName: "Giulia", at: deskTime)
    }
    #expect(try snapshot(store) == closed)
  }

  @Test func ticketHeldByAnotherOperatorIsNotTakenOver() throws {
    let directory = try TemporaryDirectory()
    let store = try SQLiteDeskStore(path: directory.path("d.db"))
    let staff = StaffDesk(store: store)
    let ticket = try openTicket(in: store)
    try staff.claim(ticket: ticket.id, operatorName: "Giulia", at: deskTime)
    #expect(
      try staff.claim(ticket: ticket.id, operatorName: "Giulia", at: deskTime).status == .claimed)
    #expect(throws: DeskError.ticketClaimedByOther(id: ticket.id, operatorName: "Giulia")) {
      try staff.claim(ticket: ticket.id, operatorName: "Marco", at: deskTime)
    }
  }

  @Test func statisticsGiveMedianAndNinetiethPercentilePerOfficeAndDay() throws {
    let directory = try TemporaryDirectory()
    let store = try SQLiteDeskStore(path: directory.path("d.db"))
    let staff = StaffDesk(store: store)
    for (index, minutes) in [10.0, 20, 30, 40].enumerated() {
      let ticket = try openTicket(
        in: store, citizen: "39\(index)", office: index < 3 ? "anagrafe" : "tributi",
        at: deskTime.addingTimeInterval(Double(index) * 86_400))
      try staff.reply(
        toTicket: ticket.id, text: "ok", operatorName: "Giulia",
        at: ticket.openedAt.addingTimeInterval(minutes * 60))
    }
    _ = try openTicket(in: store, citizen: "399", office: nil)
    let figures = try staff.statistics(timeZone: TimeZone(identifier: "Europe/Rome") ?? .gmt)
    #expect(figures.openTickets == 1)
    #expect(figures.activeByStatus == ["open": 1, "answered": 4])
    #expect(figures.medianFirstReply == TimeInterval(1500))
    #expect(figures.p90FirstReply == TimeInterval(2400))
    #expect(
      figures.perOffice.map { "\($0.label)=\($0.tickets)" } == [
        "(none)=1", "anagrafe=3", "tributi=1",
      ])
    #expect(
      figures.perDay.map { "\($0.label)=\($0.tickets)" }
        == ["2027-01-15=2", "2027-01-16=1", "2027-01-17=1", "2027-01-18=1"])
  }

  @Test(arguments: [("180d", 180), ("30", 30)])
  func retentionPeriodIsReadInDays(text: String, days: Int) throws {
    #expect(try RetentionPeriod(parsing: text).days == days)
  }

  @Test(arguments: ["0d", "-3d", "6m", "", "d"])
  func badRetentionPeriodIsRefused(text: String) {
    #expect(throws: DeskError.invalidRetention(text)) { try RetentionPeriod(parsing: text) }
  }
}
