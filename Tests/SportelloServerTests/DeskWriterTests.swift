import Foundation
import SportelloLogging
import SportelloStore
import Testing

@testable import SportelloServer

/// The service's single writer: group commits of the callers' writes, processing between.
@Suite struct DeskWriterTests {
  /// A writer on a fresh file with the Comune's rules, not started.
  struct Fixture {
    let folder: TemporaryFolder
    let store: SQLiteDeskStore
    let writer: DeskWriter
    let metrics = ServiceMetrics()

    init() throws {
      folder = try TemporaryFolder()
      store = try SQLiteDeskStore(path: folder.url.appendingPathComponent("w.db").path)
      let rules = try RuleSetProvider(
        directory: Samples.packageRoot.appendingPathComponent("Rules"), store: store,
        logger: .disabled)
      writer = DeskWriter(store: store, rules: rules, metrics: metrics, logger: .disabled)
    }

    static func message(_ number: Int) -> InboundMessage {
      InboundMessage(
        channel: "whatsapp", citizenID: "39333\(100_000 + number % 700)",
        messageID: "wamid.W\(number)", sentAt: Date(timeIntervalSince1970: 1_796_290_200),
        text: "orari sportello anagrafe")
    }

    func pending() throws -> Int { try store.read { try $0.pendingInboundCount() } }
  }

  final class Results: @unchecked Sendable {
    // Safe as @unchecked Sendable: `values` is touched only while holding `lock`.
    private let lock = NSLock()
    private var values: [String] = []
    func append(_ value: String) { lock.withLock { values.append(value) } }
    var all: [String] { lock.withLock { values } }
  }

  @Test func concurrentCallersEachGetTheirOwnResultOnceCommitted() throws {
    let fixture = try Fixture()
    fixture.writer.start()
    defer { fixture.writer.stop() }
    let results = Results()
    let writer = fixture.writer
    DispatchQueue.concurrentPerform(iterations: 16) { caller in
      for number in 0..<20 {
        let message = Fixture.message(caller * 20 + number)
        do {
          let result = try writer.perform {
            try $0.recordInbound(message, receivedAt: Date())
          }
          results.append(result.isNew ? "new" : "again")
        } catch {
          results.append("\(error)")
        }
      }
    }
    #expect(results.all.count == 320)
    #expect(results.all.allSatisfy { $0 == "new" })
    #expect(
      try fixture.store.database.scalarInt("SELECT count(*) FROM inbound_messages") == 320)
  }

  @Test func aFailingWriteIsUndoneAloneAndTheOthersOfItsCommitAreKept() throws {
    let fixture = try Fixture()
    struct Refused: Error {}
    fixture.writer.start()
    defer { fixture.writer.stop() }
    let results = Results()
    let writer = fixture.writer
    DispatchQueue.concurrentPerform(iterations: 8) { caller in
      let message = Fixture.message(caller)
      do {
        try writer.perform { transaction in
          _ = try transaction.recordInbound(message, receivedAt: Date())
          if caller % 2 == 1 { throw Refused() }
        }
        results.append("kept")
      } catch is Refused {
        results.append("refused")
      } catch {
        results.append("\(error)")
      }
    }
    #expect(
      results.all.sorted() == Array(repeating: "kept", count: 4)
        + Array(repeating: "refused", count: 4))
    #expect(try fixture.store.database.scalarInt("SELECT count(*) FROM inbound_messages") == 4)
  }

  @Test func messagesLeftPendingAreDecidedAtStart() throws {
    let fixture = try Fixture()
    try fixture.store.write { transaction in
      for number in 0..<100 {
        _ = try transaction.recordInbound(Fixture.message(number), receivedAt: Date())
      }
    }
    fixture.writer.start()
    defer { fixture.writer.stop() }
    #expect(try eventually { try fixture.pending() == 0 })
    #expect(try fixture.store.database.scalarInt("SELECT count(*) FROM outbox") ?? 0 >= 100)
  }

  @Test func aWriteWaitsForOneBatchNotForTheWholeBacklog() throws {
    let fixture = try Fixture()
    try fixture.store.write { transaction in
      for number in 0..<3_000 {
        _ = try transaction.recordInbound(Fixture.message(number), receivedAt: Date())
      }
    }
    fixture.writer.start()
    defer { fixture.writer.stop() }
    #expect(try eventually { try fixture.pending() < 3_000 })
    let started = Date()
    let recorded = try fixture.writer.perform {
      try $0.recordInbound(Fixture.message(9_999), receivedAt: Date())
    }
    let waited = Date().timeIntervalSince(started)
    #expect(recorded.isNew)
    // Deciding the backlog takes far longer than a batch: the write did not wait for it.
    #expect(try fixture.pending() > 1_000, "waited \(waited) s")
  }

  @Test func afterStopWritesAreRefusedAndPendingMessagesStayPending() throws {
    let fixture = try Fixture()
    fixture.writer.start()
    _ = try fixture.writer.perform { try $0.recordInbound(Fixture.message(1), receivedAt: Date()) }
    fixture.writer.stop()
    #expect(throws: ServiceError.stopped) {
      try fixture.writer.perform { try $0.recordInbound(Fixture.message(2), receivedAt: Date()) }
    }
    #expect(try fixture.store.database.scalarInt("SELECT count(*) FROM inbound_messages") == 1)
  }
}
