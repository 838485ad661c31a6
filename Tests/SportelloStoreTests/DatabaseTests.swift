import Foundation
import Testing

@testable import SportelloStore

@Suite struct DatabaseTests {
  @Test func preparedDatabaseUsesWriteAheadLogForeignKeysAndNormalSync() throws {
    let directory = try TemporaryDirectory()
    let database = try Database(path: directory.path("desk.db"))
    try database.prepare(migrations: DeskSchema.migrations)
    #expect(try database.queryOne("PRAGMA journal_mode")?.string("journal_mode") == "wal")
    #expect(try database.scalarInt("PRAGMA foreign_keys") == 1)
    #expect(try database.scalarInt("PRAGMA synchronous") == 1)
    #expect(try database.scalarInt("PRAGMA busy_timeout") == 10_000)
  }

  @Test func boundValuesRoundTripEveryStorageClass() throws {
    let directory = try TemporaryDirectory()
    let database = try Database(path: directory.path("values.db"))
    try database.execute("CREATE TABLE t (i INTEGER, r REAL, s TEXT, b BLOB, n TEXT)")
    let text = "perché 👍 \u{0}fine; DROP TABLE t; --'"
    try database.execute(
      "INSERT INTO t VALUES (?, ?, ?, ?, ?)",
      [.integer(Int64.max), .real(0.25), .text(text), .blob([0, 255, 7]), .null])
    let row = try #require(try database.queryOne("SELECT * FROM t"))
    #expect(try row.int64("i") == Int64.max)
    #expect(try row.double("r") == 0.25)
    #expect(try row.string("s") == text)
    #expect(try row.value("b") == .blob([0, 255, 7]))
    #expect(try row.optionalString("n") == nil)
    #expect(try database.scalarInt("SELECT count(*) FROM t") == 1)
  }

  @Test func transactionRollsBackWhenItsBodyThrows() throws {
    let directory = try TemporaryDirectory()
    let database = try Database(path: directory.path("rollback.db"))
    try database.execute("CREATE TABLE t (x INTEGER)")
    struct Abort: Error {}
    #expect(throws: Abort.self) {
      try database.transaction {
        try database.execute("INSERT INTO t VALUES (1)")
        throw Abort()
      }
    }
    #expect(try database.scalarInt("SELECT count(*) FROM t") == 0)
    try database.transaction { try database.execute("INSERT INTO t VALUES (2)") }
    #expect(try database.scalarInt("SELECT count(*) FROM t") == 1)
  }

  @Test func nestedTransactionRollsBackOnlyItsOwnWork() throws {
    let directory = try TemporaryDirectory()
    let database = try Database(path: directory.path("nested.db"))
    try database.execute("CREATE TABLE t (x INTEGER)")
    struct Abort: Error {}
    try database.transaction {
      try database.execute("INSERT INTO t VALUES (1)")
      _ = try? database.transaction {
        try database.execute("INSERT INTO t VALUES (2)")
        throw Abort()
      }
    }
    #expect(try database.query("SELECT x FROM t").map { try $0.int("x") } == [1])
  }

  @Test func sqliteErrorsCarryTheMessageAndExtendedCode() throws {
    let directory = try TemporaryDirectory()
    let database = try Database(path: directory.path("errors.db"))
    try database.execute("CREATE TABLE t (id INTEGER PRIMARY KEY)")
    try database.execute("INSERT INTO t VALUES (1)")
    do {
      try database.execute("INSERT INTO t VALUES (?)", [1])
      Issue.record("a duplicate key was accepted")
    } catch let error as StoreError {
      guard case .sqlite(let code, let extended, let message, let statement) = error else {
        Issue.record("unexpected \(error)")
        return
      }
      #expect(code == 19)
      #expect(extended == 1555)
      #expect(message == "UNIQUE constraint failed: t.id")
      #expect(statement == "INSERT INTO t VALUES (?)")
      #expect(error.isUniqueViolation)
      #expect(
        error.description
          == "sqlite error 19 (extended 1555): UNIQUE constraint failed: t.id "
          + "in 'INSERT INTO t VALUES (?)'")
    }
  }

  @Test func wrongNumberOfValuesIsAnError() throws {
    let directory = try TemporaryDirectory()
    let database = try Database(path: directory.path("count.db"))
    #expect(throws: StoreError.self) { try database.query("SELECT ?, ?", [1]) }
  }

  @Test func typedAccessorRejectsAnotherType() throws {
    let directory = try TemporaryDirectory()
    let database = try Database(path: directory.path("types.db"))
    let row = try #require(try database.queryOne("SELECT 'x' AS a"))
    #expect(throws: StoreError.typeMismatch(column: "a", expected: "integer", found: "text")) {
      try row.int("a")
    }
    #expect(throws: StoreError.missingColumn("b")) { try row.string("b") }
  }

  @Test func unopenablePathIsAClearError() throws {
    let directory = try TemporaryDirectory()
    let path = directory.path("missing/dir/x.db")
    #expect(throws: StoreError.self) { try Database(path: path) }
  }
}
