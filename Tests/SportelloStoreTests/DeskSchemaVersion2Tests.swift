import Foundation
import Testing

@testable import SportelloStore

/// Upgrading a real version-1 database file in place to version 2.
@Suite struct DeskSchemaVersion2Tests {
  static let askedAt = Date(timeIntervalSince1970: 1_800_000_000.25)
  static let choice = StoredPendingChoice(
    options: ["anagrafe.residenza", "anagrafe.carta_identita", "tributi.tari"], askedAt: askedAt)

  /// A file on disk at schema version 1 (WAL mode, version 1's own statements), holding
  /// what version 1 wrote: a pending choice as JSON, and an outbox where a citizen's later
  /// message is due before an earlier one that waits for a retry.
  static func versionOneFile(in directory: TemporaryDirectory, pendingChoice: SQLValue) throws
    -> String
  {
    let path = directory.path("v1.db")
    let database = try Database(path: path)
    #expect(try database.prepare(migrations: [DeskSchema.migrations[0]]) == [1])
    let at = SQLValue.date(askedAt)
    try database.execute(
      """
      INSERT INTO citizens (id, channel, first_seen_at, last_seen_at, pending_choice)
      VALUES ('39A', 'whatsapp', ?1, ?1, ?2), ('39B', 'whatsapp', ?1, ?1, NULL)
      """,
      [at, pendingChoice])
    let later = SQLValue.date(askedAt.addingTimeInterval(100))
    let expired = SQLValue.date(askedAt.addingTimeInterval(-1))
    try database.execute(
      """
      INSERT INTO outbox (id, citizen_id, channel, kind, text, status, created_at,
        next_attempt_at, lease_until)
      VALUES
        (1, '39A', 'whatsapp', 'text', 'first, retried later', 'pending', ?1, ?2, NULL),
        (2, '39A', 'whatsapp', 'text', 'second', 'pending', ?1, ?1, NULL),
        (3, '39B', 'whatsapp', 'text', 'lease expired', 'sending', ?1, ?1, ?3),
        (4, '39B', 'whatsapp', 'text', 'already sent', 'sent', ?1, ?1, NULL)
      """,
      [at, later, expired])
    return path
  }

  static func indexes(of database: Database) throws -> Set<String> {
    let rows = try database.query(
      "SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL")
    return Set(try rows.map { try $0.string("name") })
  }

  static func columns(of table: String, in database: Database) throws -> [String] {
    // PRAGMA takes no parameters; the table name is one of our constants.
    try database.query("PRAGMA table_info(\(table))").map { try $0.string("name") }
  }

  @Test func versionOneFileIsUpgradedInPlaceKeepingItsData() throws {
    let directory = try TemporaryDirectory()
    let path = try Self.versionOneFile(in: directory, pendingChoice: .json(Self.choice))

    let store = try SQLiteDeskStore(path: path)

    #expect(try store.database.schemaVersion() == DeskSchema.currentVersion)
    #expect(try Self.columns(of: "citizens", in: store.database).contains("pending_options"))
    #expect(!(try Self.columns(of: "citizens", in: store.database).contains("pending_choice")))
    let indexes = try Self.indexes(of: store.database)
    for name in ["outbox_due", "outbox_leased", "outbox_unsent_by_citizen", "outbox_failed"] {
      #expect(indexes.contains(name), "missing \(name)")
    }
    #expect(!indexes.contains("outbox_unsent"))
    #expect(!indexes.contains("outbox_by_citizen"))
    let restored = try #require(try store.read { try $0.pendingChoice(for: "39A") })
    #expect(restored.options == Self.choice.options)
    #expect(abs(restored.askedAt.timeIntervalSince(Self.askedAt)) < 1e-6)
    #expect(try store.read { try $0.pendingChoice(for: "39B") } == nil)
    #expect(try store.database.scalarInt("SELECT count(*) FROM outbox") == 4)
    // 39A's second message is no longer due before the first, which waits for its retry.
    let second = try #require(try store.read { try $0.outboundMessage(id: 2) })
    #expect(
      second.nextAttemptAt == Date(timeIntervalSince1970: Self.askedAt.timeIntervalSince1970 + 100))
    #expect(
      try store.database.queryOne("PRAGMA integrity_check")?.string("integrity_check") == "ok")
  }

  @Test func upgradedOutboxStillSendsEachCitizensMessagesInOrder() throws {
    let directory = try TemporaryDirectory()
    let path = try Self.versionOneFile(in: directory, pendingChoice: .null)
    let store = try SQLiteDeskStore(path: path)
    let soon = Self.askedAt.addingTimeInterval(50)
    let first = try store.write {
      try $0.claimOutbound(channel: "whatsapp", limit: 10, now: soon, lease: 60)
    }
    // 39A's second message waits behind the first, which is not due yet; 39B's expired
    // lease is claimable again.
    #expect(first.map(\.id) == [3])
    let due = Self.askedAt.addingTimeInterval(100)
    let second = try store.write {
      try $0.claimOutbound(channel: "whatsapp", limit: 10, now: due, lease: 60)
    }
    #expect(second.map(\.id) == [1])
    try store.write { try $0.markSent(outboundID: 1, providerMessageID: nil, at: due) }
    let third = try store.write {
      try $0.claimOutbound(channel: "whatsapp", limit: 10, now: due, lease: 60)
    }
    #expect(third.map(\.id) == [2])
  }

  @Test func failedUpgradeRollsBackAndLeavesVersionOne() throws {
    let directory = try TemporaryDirectory()
    let path = try Self.versionOneFile(in: directory, pendingChoice: .text("{not json"))
    #expect(throws: StoreError.self) { try SQLiteDeskStore(path: path) }
    let database = try Database(path: path)
    #expect(try database.schemaVersion() == 1)
    #expect(try Self.columns(of: "citizens", in: database).contains("pending_choice"))
    #expect(!(try Self.columns(of: "citizens", in: database).contains("pending_options")))
    let indexes = try Self.indexes(of: database)
    #expect(indexes.contains("outbox_unsent"))
    #expect(!indexes.contains("outbox_due"))
    #expect(
      try database.queryOne("SELECT pending_choice FROM citizens WHERE id = '39A'")?
        .string("pending_choice") == "{not json")
  }

  @Test func optionsThatCouldNotBeReadBackAreRefused() throws {
    let directory = try TemporaryDirectory()
    let store = try SQLiteDeskStore(path: directory.path("d.db"))
    _ = try store.write {
      try $0.recordInbound(message("m1", "ciao", from: "39A"), receivedAt: testTime)
    }
    for options in [["a", "b\nc"], ["a", ""]] {
      #expect(throws: StoreError.self) {
        try store.write {
          try $0.savePendingChoice(
            StoredPendingChoice(options: options, askedAt: testTime), for: "39A")
        }
      }
    }
  }
}
