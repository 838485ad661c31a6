import Foundation
import SportelloEngine
import SportelloStore
import Testing

@testable import SportelloDesk

/// Thursday 3 December 2026, 9:30 in Arezzo: the Sportello is open.
let thursdayMorning = Date(timeIntervalSince1970: 1_796_290_200)
/// Saturday 5 December 2026, 10:00 in Arezzo: closed.
let saturdayMorning = Date(timeIntervalSince1970: 1_796_461_200)
/// Tuesday 8 December 2026 (a holiday), 10:00 in Arezzo.
let holidayMorning = Date(timeIntervalSince1970: 1_796_720_400)

/// Friday 25 December 2026 (a holiday before a closed weekend), 10:00 in Arezzo.
let christmasMorning = Date(timeIntervalSince1970: 1_798_192_800)

/// A service on a fresh database file with the fixture rule set.
struct DeskFixture {
  let directory: TemporaryDirectory
  let store: SQLiteDeskStore
  let service: ConversationService

  init() throws {
    directory = try TemporaryDirectory()
    let rules = directory.url.appendingPathComponent("Rules")
    try RuleFixture.write(to: rules)
    let loaded = RuleSet.load(from: rules)
    let ruleSet = try #require(loaded.ruleSet, "\(loaded.diagnostics)")
    store = try SQLiteDeskStore(path: directory.path("desk.db"))
    service = ConversationService(
      store: store, responder: Responder(matcher: Matcher(ruleSet: ruleSet)))
  }

  /// Another service on the same file, through its own connection.
  func secondService() throws -> ConversationService {
    ConversationService(
      store: try SQLiteDeskStore(path: directory.path("desk.db")), responder: service.responder)
  }

  func send(
    _ text: String, id: String = UUID().uuidString, from citizen: String = "393331234567",
    kind: MessageKind = .text, choice: String? = nil, at: Date = thursdayMorning
  ) throws -> ConversationTurn {
    try service.handle(
      InboundMessage(
        channel: "whatsapp", citizenID: citizen, displayName: "Maria", messageID: id, sentAt: at,
        kind: kind, text: text, choiceID: choice),
      receivedAt: at)
  }

  func count(_ table: String) throws -> Int64? {
    switch table {
    case "outbox": try store.database.scalarInt("SELECT count(*) FROM outbox")
    case "inbound": try store.database.scalarInt("SELECT count(*) FROM inbound_messages")
    case "tickets": try store.database.scalarInt("SELECT count(*) FROM tickets")
    default: nil
    }
  }
}

@Suite struct ConversationServiceTests {
  @Test func knownQuestionIsAnsweredThroughTheOutbox() throws {
    let desk = try DeskFixture()
    let turn = try desk.send("cm faccio x la carta d'identità?")
    #expect(turn.outcome == .answered(intent: "anagrafe.carta_identita"))
    #expect(turn.replies.count == 1)
    #expect(turn.replies.first?.content.text.contains("https://prenota.comune.arezzo.it") == true)
    #expect(turn.replies.allSatisfy { $0.status == .pending })
    #expect(try desk.count("tickets") == 0)
  }

  @Test func sameMessageTwiceIsAnsweredOnce() throws {
    let desk = try DeskFixture()
    let first = try desk.send("quanto costa la tari", id: "wamid.1")
    let again = try desk.send("quanto costa la tari", id: "wamid.1")
    #expect(again.outcome == .alreadyHandled)
    #expect(again.record == .duplicate(id: first.inboundID))
    #expect(again.replies == first.replies)
    #expect(try desk.count("outbox") == Int64(first.replies.count))
  }

  @Test func racingDeliveriesOnTwoConnectionsAreAnsweredOnce() throws {
    let desk = try DeskFixture()
    let services = [desk.service, try desk.secondService()]
    let failures = Failures()
    DispatchQueue.concurrentPerform(iterations: 2) { index in
      for number in 0..<60 {
        do {
          _ = try services[index].handle(
            InboundMessage(
              channel: "whatsapp", citizenID: "39\(number % 6)", messageID: "wamid.\(number)",
              sentAt: thursdayMorning, text: number % 2 == 0 ? "quanto costa la tari" : "ciao"),
            receivedAt: thursdayMorning)
        } catch {
          failures.add("\(error)")
        }
      }
    }
    #expect(failures.all == [])
    #expect(try desk.count("inbound") == 60)
    let perInbound = try desk.store.database.query(
      "SELECT inbound_id, count(*) AS n FROM outbox GROUP BY inbound_id")
    #expect(perInbound.count == 60)
    #expect(try perInbound.allSatisfy { try $0.int("n") == 1 })
  }

  @Test func reusedIdWithOtherContentIsRecordedAsAConflict() throws {
    let desk = try DeskFixture()
    let first = try desk.send("ciao", id: "wamid.9")
    let other = try desk.send("voglio parlare con un operatore", id: "wamid.9")
    #expect(other.record == .conflict(id: first.inboundID))
    #expect(other.outcome == .alreadyHandled)
    #expect(try desk.count("tickets") == 0)
    let original = try #require(try desk.store.read { try $0.inboundMessage(id: first.inboundID) })
    #expect(original.message.text == "ciao")
    #expect(try desk.store.database.scalarInt("SELECT count(*) FROM inbound_conflicts") == 1)
  }

  @Test func handoverDuringHoursOpensATicketAndSaysSomeoneAnswersSoon() throws {
    let desk = try DeskFixture()
    let turn = try desk.send("voglio parlare con un operatore")
    guard case .handedOver(let ticketID, _) = turn.outcome else {
      Issue.record("expected a handover, got \(turn.outcome)")
      return
    }
    let ticket = try #require(turn.ticket)
    #expect(ticket.id == ticketID)
    #expect(ticket.status == .open)
    #expect(ticket.firstWords == "voglio parlare con un operatore")
    #expect(turn.replies.last?.content.text.contains("Un operatore ti risponderà a breve") == true)
    #expect(turn.replies.allSatisfy { $0.ticketID == ticketID })
  }

  @Test(arguments: [
    (saturdayMorning, "lo Sportello riapre lunedì alle 8:30"),
    (holidayMorning, "lo Sportello riapre domani alle 8:30"),
    (christmasMorning, "lo Sportello riapre lunedì alle 8:30"),
  ])
  func handoverOutsideHoursSaysWhenTheSportelloReopens(at: Date, reopening: String) throws {
    let desk = try DeskFixture()
    let turn = try desk.send("voglio parlare con un operatore", at: at)
    let acknowledgement = try #require(turn.replies.last?.content.text)
    #expect(acknowledgement.contains(reopening))
    #expect(!acknowledgement.contains("a breve"))
  }

  @Test func followUpHandoverJoinsTheOpenTicket() throws {
    let desk = try DeskFixture()
    let first = try desk.send("voglio parlare con un operatore")
    let second = try desk.send("mi passi una persona", at: thursdayMorning.addingTimeInterval(60))
    #expect(first.ticket?.id == second.ticket?.id)
    #expect(try desk.count("tickets") == 1)
    let ticketID = try #require(first.ticket?.id)
    let events = try desk.store.read { try $0.events(ofTicket: ticketID) }
    #expect(events.map(\.kind) == [.opened, .joined])
    #expect(try desk.store.read { try $0.inboundMessages(ofTicket: ticketID) }.count == 2)
  }

  @Test func claimedTicketKeepsTheBotQuiet() throws {
    let desk = try DeskFixture()
    let handover = try desk.send("voglio parlare con un operatore")
    let ticketID = try #require(handover.ticket?.id)
    try StaffDesk(store: desk.store).claim(
      ticket: ticketID, operatorName: "Giulia", at: thursdayMorning)
    let turn = try desk.send(
      "come faccio la carta d'identità", at: thursdayMorning.addingTimeInterval(120))
    #expect(turn.outcome == .heldForStaff(ticketID: ticketID))
    #expect(turn.replies.isEmpty)
    #expect(
      try desk.store.read { try $0.thread(ofTicket: ticketID) }.last?.text
        == "come faccio la carta d'identità")
    try StaffDesk(store: desk.store).close(
      ticket: ticketID, at: thursdayMorning.addingTimeInterval(180))
    let after = try desk.send(
      "come faccio la carta d'identità", at: thursdayMorning.addingTimeInterval(240))
    #expect(after.outcome == .answered(intent: "anagrafe.carta_identita"))
  }

  @Test(arguments: [MessageKind.image, .voice, .location, .document, .unsupported])
  func unreadableMessageIsStoredAndHandedOverWithANote(kind: MessageKind) throws {
    let desk = try DeskFixture()
    let turn = try desk.send("", kind: kind)
    #expect(
      turn.outcome == .handedOver(ticketID: try #require(turn.ticket?.id), reason: "non_text"))
    #expect(turn.replies.count == 2)
    #expect(turn.replies.first?.content.text == desk.service.responder.nonTextReply().text)
    let stored = try #require(try desk.store.read { try $0.inboundMessage(id: turn.inboundID) })
    #expect(stored.message.kind == kind)
    #expect(stored.state == .processed)
  }

  @Test func subscribingRecordsConsentAndUnsubscribingKeepsIt() throws {
    let desk = try DeskFixture()
    let welcome = try desk.send("Iscrivimi")
    #expect(
      welcome.replies.contains {
        $0.content.text.contains("https://www.comune.arezzo.it/privacy-unico-online")
      })
    _ = try desk.send("iscrivimi", at: thursdayMorning.addingTimeInterval(10))
    #expect(try desk.store.read { try $0.activeSubscribers() }.map(\.citizenID) == ["393331234567"])
    _ = try desk.send("stop", at: thursdayMorning.addingTimeInterval(20))
    #expect(try desk.store.read { try $0.activeSubscribers() }.isEmpty)
    let records = try desk.store.read { try $0.consentRecords(for: "393331234567") }
    #expect(records.map(\.action) == [.subscribe, .subscribe, .unsubscribe])
    #expect(records.map(\.words) == ["Iscrivimi", "iscrivimi", "stop"])
    #expect(records.first?.privacyNoticeVersion == "2026-01")
    #expect(records.first?.at == thursdayMorning)
  }

  @Test func whichOneQuestionSurvivesARestartAndANumberAnswersIt() throws {
    let desk = try DeskFixture()
    let asked = try desk.send("cambio carta d'identità residenza")
    #expect(asked.outcome == .asked(options: ["anagrafe.carta_identita", "anagrafe.residenza"]))
    guard case .choice(_, let options) = try #require(asked.replies.first?.content) else {
      Issue.record("expected a choice, got \(asked.replies)")
      return
    }
    #expect(options.map(\.title) == ["Carta d'identità", "Cambio di residenza"])
    let restarted = try desk.secondService()
    let answer = try restarted.handle(
      InboundMessage(
        channel: "whatsapp", citizenID: "393331234567", messageID: "after-restart",
        sentAt: thursdayMorning, text: "2"),
      receivedAt: thursdayMorning.addingTimeInterval(60))
    #expect(answer.outcome == .answered(intent: "anagrafe.residenza"))
    #expect(try desk.store.read { try $0.pendingChoice(for: "393331234567") } == nil)
  }

  @Test func tappedButtonResolvesTheChoice() throws {
    let desk = try DeskFixture()
    _ = try desk.send("cambio carta d'identità residenza")
    let tapped = try desk.send(
      "Carta d'identità", kind: .interactive, choice: "anagrafe.carta_identita",
      at: thursdayMorning.addingTimeInterval(30))
    #expect(tapped.outcome == .answered(intent: "anagrafe.carta_identita"))
    let expired = try desk.send(
      "Cambio di residenza", kind: .interactive, choice: "anagrafe.residenza",
      at: thursdayMorning.addingTimeInterval(3_600))
    #expect(expired.outcome == .answered(intent: "anagrafe.residenza"))
  }

  @Test func zeroInTheMenuHandsOver() throws {
    let desk = try DeskFixture()
    _ = try desk.send("cambio carta d'identità residenza")
    let turn = try desk.send("0", at: thursdayMorning.addingTimeInterval(30))
    #expect(turn.outcome == .handedOver(ticketID: 1, reason: "chose_operator"))
    #expect(turn.ticket?.candidates.isEmpty == true)
  }

  @Test func recordedMessagesAreAnsweredLaterInArrivalOrder() throws {
    let desk = try DeskFixture()
    for (number, text) in ["ciao", "quanto costa la tari", "voglio parlare con un operatore"]
      .enumerated()
    {
      let result = try desk.service.record(
        InboundMessage(
          channel: "whatsapp", citizenID: "393331234567", messageID: "p\(number)",
          sentAt: thursdayMorning, text: text),
        receivedAt: thursdayMorning.addingTimeInterval(Double(number)))
      #expect(result.isNew)
    }
    #expect(try desk.count("outbox") == 0)
    let turns = try desk.service.processPending()
    #expect(turns.count == 3)
    #expect(
      turns.map(\.outcome).last
        == .handedOver(ticketID: 1, reason: turns.last?.decision?.handoverReason?.rawValue))
    #expect(try desk.service.processNextPending() == nil)
    let citizens = try desk.store.database.query("SELECT inbound_id FROM outbox ORDER BY id").map {
      try $0.int64("inbound_id")
    }
    #expect(citizens == citizens.sorted())
  }

  @Test func aBatchDecidesInArrivalOrderEachMessageSeeingTheOnesBefore() throws {
    let desk = try DeskFixture()
    let texts = ["cambio carta d'identità residenza", "2", "voglio parlare con un operatore"]
    try desk.store.write { transaction in
      for (number, text) in texts.enumerated() {
        _ = try desk.service.record(
          InboundMessage(
            channel: "whatsapp", citizenID: "393331234567", messageID: "b\(number)",
            sentAt: thursdayMorning, text: text),
          receivedAt: thursdayMorning.addingTimeInterval(Double(number)), in: transaction)
      }
    }
    let first = try desk.service.processPendingBatch(limit: 2)
    // The "2" answers the question the first message of the same batch asked.
    #expect(
      first.map(\.outcome) == [
        .asked(options: ["anagrafe.carta_identita", "anagrafe.residenza"]),
        .answered(intent: "anagrafe.residenza"),
      ])
    #expect(first.allSatisfy { $0.duration != nil })
    let rest = try desk.service.processPendingBatch(limit: 32)
    #expect(rest.map(\.outcome.isHandover) == [true])
    #expect(try desk.service.processPendingBatch(limit: 32).isEmpty)
  }

  @Test func anExhaustedBudgetEndsTheBatchAfterOneMessage() throws {
    let desk = try DeskFixture()
    for number in 0..<3 {
      _ = try desk.service.record(
        InboundMessage(
          channel: "whatsapp", citizenID: "39333\(number)", messageID: "t\(number)",
          sentAt: thursdayMorning, text: "ciao"),
        receivedAt: thursdayMorning)
    }
    #expect(try desk.service.processPendingBatch(limit: 32, budget: 0).count == 1)
    #expect(try desk.store.read { try $0.pendingInboundCount() } == 2)
  }

  @Test func oddInputIsRecordedAndAnsweredWithoutCrashing() throws {
    let desk = try DeskFixture()
    let invalid = String(
      decoding: [0x63, 0x69, 0xC3, 0x28, 0x61, 0x6F, 0xFF] as [UInt8], as: UTF8.self)
    let huge = String(repeating: "carta d'identità ", count: 6_500)
    for (number, text) in ["", "   ", invalid, huge, "\u{0}"].enumerated() {
      let turn = try desk.send(
        text, id: "odd\(number)", from: number == 4 ? "user:ab-😀" : "393331234567")
      #expect(turn.record.isNew)
      #expect(!turn.replies.isEmpty || turn.outcome != .alreadyHandled)
      let stored = try #require(try desk.store.read { try $0.inboundMessage(id: turn.inboundID) })
      #expect(stored.message.text == text)
    }
  }

  @Test(arguments: ["", " ", "39\n333", "\u{A0}\u{2003}", "39\u{85}333", "39\u{7F}"])
  func unusableCitizenIdIsRefusedAndNothingIsStored(citizen: String) throws {
    let desk = try DeskFixture()
    #expect(throws: DeskError.invalidCitizenID(citizen)) {
      try desk.send("ciao", from: citizen)
    }
    #expect(try desk.count("inbound") == 0)
  }
}

/// Collects failures from several threads.
final class Failures: @unchecked Sendable {
  // Safe as @unchecked Sendable: `items` is only touched while holding `lock`.
  private let lock = NSLock()
  private var items: [String] = []

  func add(_ item: String) {
    lock.lock()
    items.append(item)
    lock.unlock()
  }

  var all: [String] {
    lock.lock()
    defer { lock.unlock() }
    return items
  }
}
