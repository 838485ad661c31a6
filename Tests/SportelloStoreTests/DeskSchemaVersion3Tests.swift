import Foundation
import Testing

@testable import SportelloStore

/// Version 3: the outbox keeps how many parts of a long text were delivered.
@Suite struct DeskSchemaVersion3Tests {
  @Test func versionTwoFileIsUpgradedWithNoPartsSent() throws {
    let directory = try TemporaryDirectory()
    let path = directory.path("v2.db")
    let at = Date(timeIntervalSince1970: 1_800_000_000)
    do {
      let database = try Database(path: path)
      #expect(try database.prepare(migrations: Array(DeskSchema.migrations.prefix(2))) == [1, 2])
      try database.execute(
        """
        INSERT INTO outbox (id, citizen_id, channel, kind, text, status, created_at,
          next_attempt_at)
        VALUES (1, '39A', 'whatsapp', 'text', 'in attesa', 'pending', ?1, ?1)
        """,
        [.date(at)])
    }

    let store = try SQLiteDeskStore(path: path)

    #expect(try store.database.schemaVersion() == DeskSchema.currentVersion)
    let message = try #require(try store.read { try $0.outboundMessage(id: 1) })
    #expect(message.partsSent == 0)
    #expect(message.content == .text("in attesa"))
  }

  @Test func partsSentAreKeptAcrossAFailureWithTheFirstPartsID() throws {
    let directory = try TemporaryDirectory()
    let store = try SQLiteDeskStore(path: directory.path("parts.db"))
    let at = Date(timeIntervalSince1970: 1_800_000_000)
    let id = try #require(
      try store.write {
        try $0.enqueueOutbound(
          NewOutboundMessage(
            citizenID: "39A", channel: "whatsapp", content: .text("lungo"), createdAt: at))
      })

    try store.write {
      _ = try $0.claimOutbound(channel: "whatsapp", limit: 1, now: at, lease: 60)
      try $0.recordPartsSent(outboundID: id, count: 1, providerMessageID: "wamid.PART1")
      try $0.markFailed(outboundID: id, error: "HTTP 500", retryAt: at, at: at)
    }
    let retried = try #require(
      try store.write { try $0.claimOutbound(channel: "whatsapp", limit: 1, now: at, lease: 60) }
        .first)
    #expect(retried.partsSent == 1)
    try store.write {
      // A lower count from a stale attempt never moves the progress back.
      try $0.recordPartsSent(outboundID: id, count: 0, providerMessageID: nil)
      try $0.markSent(outboundID: id, providerMessageID: "wamid.PART2", at: at)
    }
    let sent = try #require(try store.read { try $0.outboundMessage(id: id) })
    #expect(sent.status == .sent)
    #expect(sent.partsSent == 1)
    #expect(sent.providerMessageID == "wamid.PART1")
  }
}
