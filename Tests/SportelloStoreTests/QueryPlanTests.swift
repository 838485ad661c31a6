import Foundation
import Testing

@testable import SportelloStore

/// How SQLite runs the statements of the hot paths: every one an index search, so that no
/// statement costs the size of a table (as version 1's outbox claim did).
@Suite struct QueryPlanTests {
  /// Runs what the webhook, the processor and the outbox sender do for messages, delivery
  /// reports and subscriptions, so that the connection's cache holds every statement used.
  static func storeAfterTheHotPaths(in directory: TemporaryDirectory) throws -> SQLiteDeskStore {
    let store = try SQLiteDeskStore(path: directory.path("plans.db"))
    try store.write { transaction in
      let first = try transaction.recordInbound(message("wamid.1", "ciao"), receivedAt: testTime)
      _ = try transaction.recordInbound(message("wamid.1", "ciao"), receivedAt: testTime)
      _ = try transaction.recordInbound(message("wamid.1", "altro"), receivedAt: testTime)
      _ = try transaction.nextPendingInbound()
      _ = try transaction.pendingInbound(limit: 32)
      _ = try transaction.pendingInboundCount()
      _ = try transaction.inboundMessage(id: first.id)
      _ = try transaction.pendingChoice(for: "393331234567")
      try transaction.savePendingChoice(
        StoredPendingChoice(options: ["a", "b"], askedAt: testTime), for: "393331234567")
      let active = try transaction.activeTicket(for: "393331234567")
      #expect(active == nil)
      let ticket = try transaction.openTicket(
        NewTicket(
          citizenID: "393331234567", displayName: "Maria", channel: "whatsapp", office: nil,
          reason: "no_match", firstWords: "ciao", candidates: [], openedAt: testTime))
      try transaction.attachInbound(first.id, toTicket: ticket.id)
      try transaction.addTicketEvent(TicketEvent(at: testTime, kind: .joined), toTicket: ticket.id)
      try transaction.updateTicket(
        id: ticket.id, status: .claimed, operatorName: "Anna",
        event: TicketEvent(at: testTime, kind: .claimed, operatorName: "Anna"))
      let reply = try #require(
        try transaction.enqueueOutbound(
          NewOutboundMessage(
            citizenID: "393331234567", channel: "whatsapp", content: .text("ok"),
            inboundID: first.id, ticketID: ticket.id, createdAt: testTime)))
      _ = try transaction.outboundMessages(forInbound: first.id)
      try transaction.markProcessed(
        inboundID: first.id, outcome: "answer", intent: nil, ticketID: ticket.id, at: testTime)
      _ = try transaction.claimOutbound(channel: "whatsapp", limit: 32, now: testTime, lease: 60)
      try transaction.postponeOutbound(outboundID: reply, until: testTime)
      try transaction.markFailed(
        outboundID: reply, error: "503", retryAt: testTime.addingTimeInterval(2), at: testTime)
      try transaction.markFailed(outboundID: reply, error: "400", retryAt: nil, at: testTime)
      try transaction.markDryRun(outboundID: reply, at: testTime)
      try transaction.markSent(outboundID: reply, providerMessageID: "wamid.out", at: testTime)
      _ = try transaction.recordDeliveryStatus(
        providerMessageID: "wamid.out", status: "read", error: nil, at: testTime)
      _ = try transaction.outboxBacklog()
      let consent = ConsentRecord(
        citizenID: "393331234567", channel: "whatsapp", action: .subscribe, at: testTime,
        words: "iscrivimi", privacyNoticeVersion: "1", inboundID: first.id)
      _ = try transaction.subscribe(consent)
      _ = try transaction.isSubscribed("393331234567")
      _ = try transaction.unsubscribe(consent)
    }
    return store
  }

  /// Whether a plan line reads a whole table or a whole full index, or sorts.
  static func isCostly(_ line: String, partialIndexes: Set<String>) -> Bool {
    if line.hasPrefix("USE TEMP B-TREE") { return true }
    guard line.hasPrefix("SCAN ") else { return false }
    // Walking a partial index visits only the rows it holds (those pending, say).
    guard let range = line.range(of: "USING COVERING INDEX ") ?? line.range(of: "USING INDEX ")
    else { return true }
    let name = line[range.upperBound...].prefix { !$0.isWhitespace }
    return !partialIndexes.contains(String(name))
  }

  static func partialIndexes(of database: Database) throws -> Set<String> {
    let rows = try database.query(
      "SELECT name FROM sqlite_master WHERE type = 'index' AND sql LIKE '% WHERE %'")
    return Set(try rows.map { try $0.string("name") })
  }

  @Test func everyHotPathStatementIsAnIndexSearch() throws {
    let directory = try TemporaryDirectory()
    let store = try Self.storeAfterTheHotPaths(in: directory)
    let partial = try Self.partialIndexes(of: store.database)
    let statements = store.database.cachedStatements.filter { sql in
      ["SELECT", "INSERT", "UPDATE", "DELETE"].contains { sql.hasPrefix($0) }
        && !sql.contains("sqlite_master")
    }
    #expect(statements.count >= 25)
    for sql in statements.sorted() {
      let plan = try store.database.queryPlan(of: sql)
      let costly = plan.filter { Self.isCostly($0, partialIndexes: partial) }
      #expect(costly.isEmpty, "\(sql)\n  runs as \(plan)")
    }
  }

  @Test func theOutboxClaimAndLeaseResetSearchTheirIndexes() throws {
    let directory = try TemporaryDirectory()
    let store = try Self.storeAfterTheHotPaths(in: directory)
    let claim = try #require(
      store.database.cachedStatements.first { $0.contains("NOT EXISTS") })
    let plan = try store.database.queryPlan(of: claim)
    #expect(plan.first?.hasPrefix("SEARCH o USING INDEX outbox_due (next_attempt_at<?)") == true)
    #expect(
      plan.contains {
        $0.hasPrefix("SEARCH earlier USING INDEX outbox_unsent_by_citizen (citizen_id=? AND id<?)")
      }, "\(plan)")
    let reset = try #require(
      store.database.cachedStatements.first { $0.contains("lease_until < ?") })
    #expect(
      try store.database.queryPlan(of: reset)
        == ["SEARCH outbox USING INDEX outbox_leased (lease_until<?)"])
  }

  @Test func theCostlyCheckCatchesAWholeTableScan() throws {
    let directory = try TemporaryDirectory()
    let store = try Self.storeAfterTheHotPaths(in: directory)
    let partial = try Self.partialIndexes(of: store.database)
    let plan = try store.database.queryPlan(of: "SELECT * FROM outbox WHERE text = ?")
    #expect(plan == ["SCAN outbox"])
    #expect(plan.contains { Self.isCostly($0, partialIndexes: partial) })
    let fullIndex = try store.database.queryPlan(
      of: "SELECT count(*) FROM tickets INDEXED BY tickets_by_status")
    #expect(fullIndex.contains { Self.isCostly($0, partialIndexes: partial) }, "\(fullIndex)")
  }

  @Test func onTheVersionOneSchemaTheClaimWouldScanTheOutbox() throws {
    let directory = try TemporaryDirectory()
    let store = try Self.storeAfterTheHotPaths(in: directory)
    let claim = try #require(
      store.database.cachedStatements.first { $0.contains("NOT EXISTS") })
    let old = try Database(path: directory.path("v1.db"))
    try old.prepare(migrations: [DeskSchema.migrations[0]])
    let partial = try Self.partialIndexes(of: old)
    let plan = try old.queryPlan(of: claim)
    #expect(plan.contains { Self.isCostly($0, partialIndexes: partial) }, "\(plan)")
  }
}
