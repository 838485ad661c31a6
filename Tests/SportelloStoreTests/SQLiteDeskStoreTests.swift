import Foundation
import Testing

@testable import SportelloStore

/// A text message from a test citizen.
func message(_ id: String, _ text: String, from citizen: String = "393331234567") -> InboundMessage
{
  InboundMessage(
    channel: "whatsapp", citizenID: citizen, displayName: "Maria", messageID: id,
    sentAt: Date(timeIntervalSince1970: 1_800_000_000), text: text)
}

let testTime = Date(timeIntervalSince1970: 1_800_000_100)

@Suite struct SQLiteDeskStoreTests {
  @Test func sameMessageTwiceIsRecordedOnce() throws {
    let directory = try TemporaryDirectory()
    let store = try SQLiteDeskStore(path: directory.path("d.db"))
    let first = try store.write {
      try $0.recordInbound(message("wamid.1", "ciao"), receivedAt: testTime)
    }
    let again = try store.write {
      try $0.recordInbound(message("wamid.1", "ciao"), receivedAt: testTime)
    }
    #expect(first.isNew)
    #expect(again == .duplicate(id: first.id))
    #expect(try store.database.scalarInt("SELECT count(*) FROM inbound_messages") == 1)
  }

  @Test func reusedIdWithOtherContentIsAConflictAndKeepsTheOriginal() throws {
    let directory = try TemporaryDirectory()
    let store = try SQLiteDeskStore(path: directory.path("d.db"))
    let first = try store.write {
      try $0.recordInbound(message("wamid.1", "ciao"), receivedAt: testTime)
    }
    let other = try store.write {
      try $0.recordInbound(message("wamid.1", "tutt'altro"), receivedAt: testTime)
    }
    _ = try store.write {
      try $0.recordInbound(message("wamid.1", "tutt'altro"), receivedAt: testTime)
    }
    #expect(other == .conflict(id: first.id))
    let stored = try #require(try store.read { try $0.inboundMessage(id: first.id) })
    #expect(stored.message.text == "ciao")
    #expect(try store.database.scalarInt("SELECT count(*) FROM inbound_conflicts") == 1)
    #expect(
      try store.database.queryOne("SELECT text FROM inbound_conflicts")?.string("text")
        == "tutt'altro")
  }

  @Test func racingDeliveriesOnTwoConnectionsRecordEachMessageOnce() throws {
    let directory = try TemporaryDirectory()
    let path = directory.path("race.db")
    let stores = try (0..<4).map { _ in try SQLiteDeskStore(path: path) }
    let results = ResultBox()
    DispatchQueue.concurrentPerform(iterations: stores.count) { index in
      for number in 0..<150 {
        do {
          let result = try stores[index].write {
            try $0.recordInbound(
              message("wamid.\(number)", "testo \(number)"), receivedAt: testTime)
          }
          results.append(result.isNew ? "new" : "dup")
        } catch {
          results.append("error: \(error)")
        }
      }
    }
    #expect(results.values.filter { $0 == "new" }.count == 150)
    #expect(results.values.filter { $0 == "dup" }.count == 450)
    #expect(try stores[0].database.scalarInt("SELECT count(*) FROM inbound_messages") == 150)
  }

  @Test func concurrentWritersNeverSeeDatabaseIsLocked() throws {
    let directory = try TemporaryDirectory()
    let path = directory.path("writers.db")
    let stores = try (0..<6).map { _ in try SQLiteDeskStore(path: path) }
    let results = ResultBox()
    DispatchQueue.concurrentPerform(iterations: stores.count) { index in
      for number in 0..<100 {
        do {
          try stores[index].write { transaction in
            let recorded = try transaction.recordInbound(
              message("w\(index).\(number)", "x", from: "39\(index)"), receivedAt: testTime)
            _ = try transaction.enqueueOutbound(
              NewOutboundMessage(
                citizenID: "39\(index)", channel: "whatsapp", content: .text("ok"),
                inboundID: recorded.id, createdAt: testTime))
            _ = try transaction.tickets(matching: TicketFilter())
          }
        } catch {
          results.append("\(error)")
        }
      }
    }
    #expect(results.values == [])
    #expect(try stores[0].database.scalarInt("SELECT count(*) FROM outbox") == 600)
  }

  @Test func pendingMessagesComeOutInArrivalOrder() throws {
    let directory = try TemporaryDirectory()
    let store = try SQLiteDeskStore(path: directory.path("d.db"))
    for number in 1...3 {
      _ = try store.write {
        try $0.recordInbound(message("m\(number)", "t\(number)"), receivedAt: testTime)
      }
    }
    let first = try #require(try store.read { try $0.nextPendingInbound() })
    #expect(first.message.messageID == "m1")
    try store.write {
      try $0.markProcessed(
        inboundID: first.id, outcome: "answer", intent: "x", ticketID: nil, at: testTime)
    }
    #expect(try store.read { try $0.nextPendingInbound() }?.message.messageID == "m2")
    #expect(try store.read { try $0.pendingInboundCount() } == 2)
  }

  @Test func pendingChoiceSurvivesReopening() throws {
    let directory = try TemporaryDirectory()
    let path = directory.path("d.db")
    let choice = StoredPendingChoice(options: ["a.b", "c"], askedAt: testTime)
    do {
      let store = try SQLiteDeskStore(path: path)
      _ = try store.write { try $0.recordInbound(message("m1", "t"), receivedAt: testTime) }
      try store.write { try $0.savePendingChoice(choice, for: "393331234567") }
    }
    let reopened = try SQLiteDeskStore(path: path)
    #expect(try reopened.read { try $0.pendingChoice(for: "393331234567") } == choice)
    try reopened.write { try $0.savePendingChoice(nil, for: "393331234567") }
    #expect(try reopened.read { try $0.pendingChoice(for: "393331234567") } == nil)
  }

  @Test func ticketsOpenListAndRecordTheirHistory() throws {
    let directory = try TemporaryDirectory()
    let store = try SQLiteDeskStore(path: directory.path("d.db"))
    let inbound = try store.write {
      try $0.recordInbound(message("m1", "ho un problema"), receivedAt: testTime)
    }
    let candidates = [TicketCandidate(intent: "tributi.tari", title: "TARI", score: 0.4)]
    let ticket = try store.write { transaction in
      let ticket = try transaction.openTicket(
        NewTicket(
          citizenID: "393331234567", displayName: "Maria", channel: "whatsapp", office: "tributi",
          reason: "no_match", firstWords: "ho un problema", candidates: candidates,
          openedAt: testTime))
      try transaction.attachInbound(inbound.id, toTicket: ticket.id)
      return ticket
    }
    #expect(ticket.status == .open)
    #expect(ticket.candidates == candidates)
    #expect(try store.read { try $0.activeTicket(for: "393331234567") }?.id == ticket.id)
    let later = testTime.addingTimeInterval(60)
    try store.write {
      try $0.updateTicket(
        id: ticket.id, status: .claimed, operatorName: "Giulia",
        event: TicketEvent(at: later, kind: .claimed, operatorName: "Giulia"))
      try $0.updateTicket(
        id: ticket.id, status: .answered, operatorName: "Giulia",
        event: TicketEvent(at: later.addingTimeInterval(60), kind: .replied, operatorName: "Giulia")
      )
    }
    let answered = try #require(try store.read { try $0.ticket(id: ticket.id) })
    #expect(answered.firstReplyAt == later.addingTimeInterval(60))
    #expect(
      try store.read { try $0.events(ofTicket: ticket.id) }.map(\.kind) == [
        .opened, .claimed, .replied,
      ])
    #expect(try store.read { try $0.tickets(matching: TicketFilter(status: .answered)) }.count == 1)
    #expect(try store.read { try $0.tickets(matching: TicketFilter(office: "anagrafe")) }.isEmpty)
    #expect(try store.read { try $0.ticketCount(matching: TicketFilter(office: "tributi")) } == 1)
    #expect(try store.read { try $0.thread(ofTicket: ticket.id) }.map(\.text) == ["ho un problema"])
  }

  @Test func outboxDeliversEachCitizensMessagesInOrder() throws {
    let directory = try TemporaryDirectory()
    let store = try SQLiteDeskStore(path: directory.path("d.db"))
    let ids = try store.write { transaction in
      try ["a1", "b1", "a2"].map { name in
        try transaction.enqueueOutbound(
          NewOutboundMessage(
            citizenID: String(name.prefix(1)), channel: "whatsapp", content: .text(name),
            createdAt: testTime))
      }
    }
    let firstBatch = try store.write {
      try $0.claimOutbound(channel: "whatsapp", limit: 10, now: testTime, lease: 30)
    }
    #expect(firstBatch.map(\.content.text) == ["a1", "b1"])
    let a1 = try #require(ids[0])
    try store.write {
      try $0.markFailed(
        outboundID: a1, error: "HTTP 500", retryAt: testTime.addingTimeInterval(5), at: testTime)
    }
    #expect(
      try store.write {
        try $0.claimOutbound(channel: "whatsapp", limit: 10, now: testTime, lease: 30)
      }.isEmpty)
    let retry = try store.write {
      try $0.claimOutbound(
        channel: "whatsapp", limit: 10, now: testTime.addingTimeInterval(5), lease: 30)
    }
    #expect(retry.map(\.content.text) == ["a1"])
    #expect(retry.first?.attempts == 1)
    try store.write {
      try $0.markSent(outboundID: a1, providerMessageID: "wamid.out", at: testTime)
    }
    let next = try store.write {
      try $0.claimOutbound(
        channel: "whatsapp", limit: 10, now: testTime.addingTimeInterval(6), lease: 30)
    }
    #expect(next.map(\.content.text) == ["a2"])
    #expect(
      try store.write {
        try $0.recordDeliveryStatus(
          providerMessageID: "wamid.out", status: "read", error: nil, at: testTime)
      })
    #expect(try store.read { try $0.outboundMessage(id: a1) }?.deliveryStatus == "read")
    #expect(try store.read { try $0.outboxCounts() } == [.sent: 1, .sending: 2])
  }

  @Test func noLaterMessageOfACitizenIsDueBeforeOneWaitingForARetry() throws {
    let directory = try TemporaryDirectory()
    let store = try SQLiteDeskStore(path: directory.path("d.db"))
    func enqueue(_ text: String, at time: Date) throws -> Int64 {
      try #require(
        try store.write {
          try $0.enqueueOutbound(
            NewOutboundMessage(
              citizenID: "a", channel: "whatsapp", content: .text(text), createdAt: time))
        })
    }
    let first = try enqueue("a1", at: testTime)
    let second = try enqueue("a2", at: testTime)
    _ = try store.write {
      try $0.claimOutbound(channel: "whatsapp", limit: 10, now: testTime, lease: 30)
    }
    let retryAt = testTime.addingTimeInterval(60)
    try store.write {
      try $0.markFailed(outboundID: first, error: "HTTP 503", retryAt: retryAt, at: testTime)
    }
    let third = try enqueue("a3", at: testTime.addingTimeInterval(1))
    let due = try [first, second, third].map { id in
      try #require(try store.read { try $0.outboundMessage(id: id) }).nextAttemptAt
    }
    #expect(due == [retryAt, retryAt, retryAt])
    let later = try enqueue("a4", at: testTime.addingTimeInterval(90))
    #expect(
      try store.read { try $0.outboundMessage(id: later) }?.nextAttemptAt
        == testTime.addingTimeInterval(90))
    let claimed = try store.write {
      try $0.claimOutbound(channel: "whatsapp", limit: 10, now: retryAt, lease: 30)
    }
    #expect(claimed.map(\.content.text) == ["a1"])
  }

  @Test func aReplyDoesNotWaitForABroadcastMessageScheduledLater() throws {
    let directory = try TemporaryDirectory()
    let store = try SQLiteDeskStore(path: directory.path("d.db"))
    _ = try store.write {
      try $0.createBroadcast(
        Broadcast(id: "b1", content: .text("news"), ratePerSecond: 1, createdAt: testTime))
    }
    func enqueue(_ text: String, broadcast: String? = nil, notBefore: Date? = nil) throws -> Int64 {
      try #require(
        try store.write {
          try $0.enqueueOutbound(
            NewOutboundMessage(
              citizenID: "a", channel: "whatsapp", content: .text(text), broadcastID: broadcast,
              ratePerSecond: broadcast == nil ? nil : 1, createdAt: testTime, notBefore: notBefore))
        })
    }
    func claim(at offset: TimeInterval) throws -> [String] {
      try store.write {
        try $0.claimOutbound(
          channel: "whatsapp", limit: 10, now: testTime.addingTimeInterval(offset), lease: 30)
      }.map(\.content.text)
    }
    let news = try enqueue("news", broadcast: "b1", notBefore: testTime.addingTimeInterval(100))
    let reply = try enqueue("reply")
    #expect(try claim(at: 0) == ["reply"])
    try store.write { try $0.markSent(outboundID: reply, providerMessageID: nil, at: testTime) }
    // A later reply is not held back when the broadcast message is retried either.
    #expect(try claim(at: 100) == ["news"])
    try store.write {
      try $0.markFailed(
        outboundID: news, error: "HTTP 503", retryAt: testTime.addingTimeInterval(300),
        at: testTime)
    }
    _ = try enqueue("second reply")
    #expect(try claim(at: 101) == ["second reply"])
  }

  @Test func aBroadcastMessageWaitsForTheRepliesBeforeIt() throws {
    let directory = try TemporaryDirectory()
    let store = try SQLiteDeskStore(path: directory.path("d.db"))
    _ = try store.write {
      try $0.createBroadcast(
        Broadcast(id: "b1", content: .text("news"), ratePerSecond: 1, createdAt: testTime))
    }
    let reply = try #require(
      try store.write {
        try $0.enqueueOutbound(
          NewOutboundMessage(
            citizenID: "a", channel: "whatsapp", content: .text("reply"), createdAt: testTime))
      })
    let news = try #require(
      try store.write {
        try $0.enqueueOutbound(
          NewOutboundMessage(
            citizenID: "a", channel: "whatsapp", content: .text("news"), broadcastID: "b1",
            ratePerSecond: 1, createdAt: testTime))
      })
    _ = try store.write {
      try $0.claimOutbound(channel: "whatsapp", limit: 10, now: testTime, lease: 30)
    }
    try store.write {
      try $0.markFailed(
        outboundID: reply, error: "HTTP 503", retryAt: testTime.addingTimeInterval(60),
        at: testTime)
    }
    #expect(
      try store.read { try $0.outboundMessage(id: news) }?.nextAttemptAt
        == testTime.addingTimeInterval(60))
    try store.write {
      try $0.postponeOutbound(outboundID: news, until: testTime.addingTimeInterval(90))
    }
    let due = try store.write {
      try $0.claimOutbound(
        channel: "whatsapp", limit: 10, now: testTime.addingTimeInterval(60), lease: 30)
    }
    #expect(due.map(\.content.text) == ["reply"])
    #expect(try store.read { try $0.outboundMessage(id: news) }?.attempts == 0)
  }

  @Test func expiredClaimIsClaimableAgain() throws {
    let directory = try TemporaryDirectory()
    let store = try SQLiteDeskStore(path: directory.path("d.db"))
    _ = try store.write {
      try $0.enqueueOutbound(
        NewOutboundMessage(
          citizenID: "a", channel: "whatsapp", content: .text("x"), createdAt: testTime))
    }
    #expect(
      try store.write {
        try $0.claimOutbound(channel: "whatsapp", limit: 1, now: testTime, lease: 30)
      }.count == 1)
    #expect(
      try store.write {
        try $0.claimOutbound(channel: "whatsapp", limit: 1, now: testTime, lease: 30)
      }.isEmpty)
    let again = try store.write {
      try $0.claimOutbound(
        channel: "whatsapp", limit: 1, now: testTime.addingTimeInterval(31), lease: 30)
    }
    #expect(again.count == 1)
    #expect(
      try store.write {
        try $0.claimOutbound(
          channel: "api", limit: 1, now: testTime.addingTimeInterval(99), lease: 30)
      }.isEmpty)
  }

  @Test func sameReplyOrBroadcastMessageIsEnqueuedOnce() throws {
    let directory = try TemporaryDirectory()
    let store = try SQLiteDeskStore(path: directory.path("d.db"))
    let inbound = try store.write { try $0.recordInbound(message("m1", "t"), receivedAt: testTime) }
    let reply = NewOutboundMessage(
      citizenID: "393331234567", channel: "whatsapp", content: .text("r"), inboundID: inbound.id,
      createdAt: testTime)
    #expect(try store.write { try $0.enqueueOutbound(reply) } != nil)
    #expect(try store.write { try $0.enqueueOutbound(reply) } == nil)
    let broadcast = Broadcast(
      id: "b1", content: .text("news"), ratePerSecond: 20, createdAt: testTime)
    _ = try store.write { try $0.createBroadcast(broadcast) }
    let item = NewOutboundMessage(
      citizenID: "393331234567", channel: "whatsapp", content: .text("news"), broadcastID: "b1",
      ratePerSecond: 20, createdAt: testTime)
    #expect(try store.write { try $0.enqueueOutbound(item) } != nil)
    #expect(try store.write { try $0.enqueueOutbound(item) } == nil)
    let changed = Broadcast(
      id: "b1", content: .text("other"), ratePerSecond: 5, createdAt: testTime)
    #expect(try store.write { try $0.createBroadcast(changed) } == broadcast)
  }

  @Test func subscribingTwiceIsHarmlessAndUnsubscribingKeepsTheRecord() throws {
    let directory = try TemporaryDirectory()
    let store = try SQLiteDeskStore(path: directory.path("d.db"))
    func consent(_ action: ConsentRecord.Action, _ words: String) -> ConsentRecord {
      ConsentRecord(
        citizenID: "39333", channel: "whatsapp", action: action, at: testTime, words: words,
        privacyNoticeVersion: "2026-01", inboundID: nil)
    }
    #expect(try store.write { try $0.subscribe(consent(.subscribe, "Iscrivimi")) })
    #expect(!(try store.write { try $0.subscribe(consent(.subscribe, "iscrivimi!")) }))
    #expect(try store.read { try $0.activeSubscribers() }.map(\.citizenID) == ["39333"])
    #expect(try store.write { try $0.unsubscribe(consent(.unsubscribe, "stop")) })
    #expect(try store.read { try $0.activeSubscribers() }.isEmpty)
    let records = try store.read { try $0.consentRecords(for: "39333") }
    #expect(records.map(\.words) == ["Iscrivimi", "iscrivimi!", "stop"])
    #expect(records.allSatisfy { $0.privacyNoticeVersion == "2026-01" })
  }

  @Test func purgeDeletesOldTextsAndKeepsTheRows() throws {
    let directory = try TemporaryDirectory()
    let store = try SQLiteDeskStore(path: directory.path("d.db"))
    let old = Date(timeIntervalSince1970: 1_700_000_000)
    let oldID = try store.write { try $0.recordInbound(message("old", "vecchio"), receivedAt: old) }
      .id
    let newID = try store.write {
      try $0.recordInbound(message("new", "nuovo"), receivedAt: testTime)
    }.id
    _ = try store.write {
      try $0.enqueueOutbound(
        NewOutboundMessage(
          citizenID: "393331234567", channel: "whatsapp", content: .text("risposta"),
          inboundID: oldID, createdAt: old))
    }
    let cutoff = Date(timeIntervalSince1970: 1_750_000_000)
    let dry = try store.write { try $0.purge(before: cutoff, dryRun: true, at: testTime) }
    #expect(dry == PurgeReport(inboundTexts: 1, outboundTexts: 1, tickets: 0, conflicts: 0))
    #expect(try store.read { try $0.inboundMessage(id: oldID) }?.message.text == "vecchio")
    let done = try store.write { try $0.purge(before: cutoff, dryRun: false, at: testTime) }
    #expect(done == dry)
    let purged = try #require(try store.read { try $0.inboundMessage(id: oldID) })
    #expect(purged.message.text == "")
    #expect(purged.isTextPurged)
    #expect(try store.read { try $0.inboundMessage(id: newID) }?.message.text == "nuovo")
    #expect(try store.database.scalarInt("SELECT count(*) FROM inbound_messages") == 2)
    #expect(
      try store.write { try $0.purge(before: cutoff, dryRun: false, at: testTime) }.inboundTexts
        == 0)
  }
}

/// Collects strings from several threads.
final class ResultBox: @unchecked Sendable {
  // Safe as @unchecked Sendable: `storage` is only touched while holding `lock`.
  private let lock = NSLock()
  private var storage: [String] = []

  func append(_ value: String) {
    lock.lock()
    storage.append(value)
    lock.unlock()
  }

  var values: [String] {
    lock.lock()
    defer { lock.unlock() }
    return storage
  }
}
