import Foundation
import Testing

@testable import SportelloStore

/// Version 4: each citizen's unsent messages by due time, so that a new message finds the
/// latest due time of those before it without reading them all.
@Suite struct DeskSchemaVersion4Tests {
  static let at = Date(timeIntervalSince1970: 1_800_000_000)

  static func reply(_ number: Int) -> NewOutboundMessage {
    NewOutboundMessage(
      citizenID: "39A", channel: "chat", content: .text("risposta \(number)"), createdAt: at)
  }

  @Test func versionThreeFileGainsTheIndexAndKeepsItsMessages() throws {
    let directory = try TemporaryDirectory()
    let path = directory.path("v3.db")
    do {
      let database = try Database(path: path)
      #expect(
        try database.prepare(migrations: Array(DeskSchema.migrations.prefix(3))) == [1, 2, 3])
      try database.execute(
        """
        INSERT INTO outbox (id, citizen_id, channel, kind, text, status, created_at,
          next_attempt_at)
        VALUES (1, '39A', 'chat', 'text', 'in attesa', 'pending', ?1, ?1)
        """,
        [.date(Self.at)])
    }

    let store = try SQLiteDeskStore(path: path)

    #expect(try store.database.schemaVersion() == 4)
    let index = try store.database.scalarInt(
      "SELECT count(*) FROM sqlite_master WHERE name = 'outbox_unsent_due_by_citizen'")
    #expect(index == 1)
    let kept = try #require(try store.read { try $0.outboundMessage(id: 1) })
    #expect(kept.content == .text("in attesa"))
    // A new reply still waits for the one before it.
    let later = Self.at.addingTimeInterval(-60)
    var early = Self.reply(2)
    early.createdAt = later
    let id = try #require(try store.write { try $0.enqueueOutbound(early) })
    let queued = try #require(try store.read { try $0.outboundMessage(id: id) })
    #expect(queued.nextAttemptAt == Self.at)
  }

  @Test func aNewReplyCostsTheSameHoweverManyRepliesAreUnsent() throws {
    let directory = try TemporaryDirectory()
    let store = try SQLiteDeskStore(path: directory.path("backlog.db"))
    // The steps SQLite runs for one enqueued reply, after `unsent` replies not sent.
    func stepsOfAReply(after unsent: Int) throws -> Int {
      try store.write { transaction in
        for number in 0..<unsent { _ = try transaction.enqueueOutbound(Self.reply(number)) }
      }
      let insert = try #require(
        store.database.cachedStatements.first { $0.contains("INSERT INTO outbox") })
      let before = try #require(store.database.virtualMachineSteps(ofCached: insert))
      _ = try store.write { try $0.enqueueOutbound(Self.reply(unsent)) }
      return try #require(store.database.virtualMachineSteps(ofCached: insert)) - before
    }

    let withFew = try stepsOfAReply(after: 3)
    let withMany = try stepsOfAReply(after: 2_000)

    // Reading every unsent reply would take thousands of steps more.
    #expect(withMany < withFew + 50, "\(withFew) steps with 4 unsent, \(withMany) with 2,004")
  }
}
