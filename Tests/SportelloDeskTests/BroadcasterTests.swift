import Foundation
import SportelloStore
import Testing

@testable import SportelloDesk

@Suite struct BroadcasterTests {
  func subscribe(_ citizens: [String], in store: SQLiteDeskStore) throws {
    for citizen in citizens {
      _ = try store.write {
        try $0.subscribe(
          ConsentRecord(
            citizenID: citizen, channel: "whatsapp", action: .subscribe, at: deskTime,
            words: "Iscrivimi", privacyNoticeVersion: "1", inboundID: nil))
      }
    }
  }

  @Test func broadcastReachesEveryActiveSubscriberOnce() throws {
    let directory = try TemporaryDirectory()
    let store = try SQLiteDeskStore(path: directory.path("d.db"))
    try subscribe(["391", "392", "393"], in: store)
    _ = try store.write {
      try $0.unsubscribe(
        ConsentRecord(
          citizenID: "392", channel: "whatsapp", action: .unsubscribe, at: deskTime, words: "stop",
          privacyNoticeVersion: "1", inboundID: nil))
    }
    let broadcaster = Broadcaster(store: store)
    let request = BroadcastRequest(
      id: "chiusura", content: .text("Il 24 dicembre siamo chiusi."), ratePerSecond: 5)
    #expect(try broadcaster.send(request, dryRun: true, at: deskTime).recipients == 2)
    #expect(try store.read { try $0.outboxCounts() } == [:])
    let first = try broadcaster.send(request, at: deskTime)
    #expect(first == BroadcastResult(id: "chiusura", recipients: 2, enqueued: 2))
    let again = try broadcaster.send(request, at: deskTime)
    #expect(again == BroadcastResult(id: "chiusura", recipients: 2, enqueued: 0))
    let messages = try store.read { try $0.outboundMessages(status: .pending, limit: 10) }
    #expect(messages.map(\.citizenID).sorted() == ["391", "393"])
    #expect(messages.allSatisfy { $0.ratePerSecond == 5 && $0.broadcastID == "chiusura" })
    try subscribe(["394"], in: store)
    #expect(try broadcaster.send(request, at: deskTime).enqueued == 1)
  }

  @Test func messagesAreSpreadOutAtTheBroadcastsRate() throws {
    let directory = try TemporaryDirectory()
    let store = try SQLiteDeskStore(path: directory.path("d.db"))
    try subscribe(["391", "392", "393", "394"], in: store)
    _ = try Broadcaster(store: store).send(
      BroadcastRequest(id: "avviso", content: .text("Avviso"), ratePerSecond: 4), at: deskTime)
    let messages = try store.read { try $0.outboundMessages(status: .pending, limit: 10) }
      .sorted { $0.id < $1.id }
    let offsets = messages.map { $0.nextAttemptAt.timeIntervalSince(deskTime) }
    #expect(offsets == [0, 0.25, 0.5, 0.75])
  }

  @Test func templateBroadcastKeepsItsNameAndParameters() throws {
    let directory = try TemporaryDirectory()
    let store = try SQLiteDeskStore(path: directory.path("d.db"))
    try subscribe(["391"], in: store)
    let content = OutboundContent.template(
      name: "avviso_scadenza", parameters: ["TARI", "16 dicembre"],
      text: "Scadenza TARI il 16 dicembre")
    _ = try Broadcaster(store: store).send(
      BroadcastRequest(id: "tari", content: content), at: deskTime)
    let message = try #require(
      try store.read { try $0.outboundMessages(status: nil, limit: 1) }.first)
    #expect(message.content == content)
    #expect(message.ratePerSecond == 20)
  }

  @Test func sameIdWithOtherContentIsRefused() throws {
    let directory = try TemporaryDirectory()
    let store = try SQLiteDeskStore(path: directory.path("d.db"))
    let broadcaster = Broadcaster(store: store)
    _ = try broadcaster.send(BroadcastRequest(id: "x", content: .text("uno")), at: deskTime)
    #expect(throws: DeskError.broadcastChanged(id: "x")) {
      try broadcaster.send(BroadcastRequest(id: "x", content: .text("due")), at: deskTime)
    }
    #expect(throws: DeskError.emptyText) {
      try broadcaster.send(BroadcastRequest(id: "y", content: .text("  ")), at: deskTime)
    }
  }

  @Test func derivedIdIsStableForTheSameContent() {
    let a = BroadcastRequest.derivedID(for: .text("ciao"))
    #expect(a == BroadcastRequest.derivedID(for: .text("ciao")))
    #expect(a != BroadcastRequest.derivedID(for: .text("ciao!")))
  }

  @Test func replayLineReadsIsoAndEpochTimes() throws {
    let iso = try ReplayLine.parse(
      #"{"id":"w1","from":"39333","time":"2026-12-03T09:30:00Z","text":"ciao"}"#)
    #expect(iso.message.sentAt == Date(timeIntervalSince1970: 1_796_290_200))
    #expect(iso.message.kind == .text)
    let voice = try ReplayLine.parse(
      #"{"id":"w2","from":"39333","time":1796290200,"type":"voice"}"#)
    #expect(voice.message.kind == .voice)
    let odd = try ReplayLine.parse(#"{"id":"w3","from":"39333","time":1,"type":"reaction"}"#)
    #expect(odd.message.kind == .unsupported)
    #expect(throws: DecodingError.self) { try ReplayLine.parse(#"{"id":"w4","time":1}"#) }
  }
}
