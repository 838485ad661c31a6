import Foundation
import Testing

@testable import SportelloStore

@Suite struct MigrationTests {
  @Test func freshDatabaseGetsEveryMigrationOnce() throws {
    let directory = try TemporaryDirectory()
    let path = directory.path("fresh.db")
    let first = try Database(path: path)
    #expect(try first.prepare(migrations: DeskSchema.migrations) == [1, 2, 3, 4])
    #expect(try first.schemaVersion() == DeskSchema.currentVersion)
    let second = try Database(path: path)
    #expect(try second.prepare(migrations: DeskSchema.migrations) == [])
  }

  @Test func databaseFromANewerVersionIsRefusedAndLeftUntouched() throws {
    let directory = try TemporaryDirectory()
    let path = directory.path("newer.db")
    do {
      let writer = try Database(path: path)
      try writer.execute("CREATE TABLE future (x INTEGER)")
      try writer.execute("PRAGMA user_version = 99")
    }
    let before = try Data(contentsOf: URL(fileURLWithPath: path))
    let supported = DeskSchema.currentVersion
    #expect(throws: StoreError.newerSchema(path: path, found: 99, supported: supported)) {
      try SQLiteDeskStore(path: path)
    }
    let after = try Data(contentsOf: URL(fileURLWithPath: path))
    #expect(before == after)
    #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
    #expect(
      StoreError.newerSchema(path: path, found: 99, supported: 2).description
        == "database '\(path)' has schema version 99, newer than this sportello supports (2); "
        + "it was not modified: upgrade sportello to use it")
  }

  @Test func failingMigrationLeavesNothingBehind() throws {
    let directory = try TemporaryDirectory()
    let database = try Database(path: directory.path("broken.db"))
    let migrations = [
      Migration(version: 1, summary: "good", statements: ["CREATE TABLE a (x INTEGER)"]),
      Migration(version: 2, summary: "bad", statements: ["CREATE TABLE b (x INTEGER"]),
    ]
    #expect(throws: StoreError.self) { try database.prepare(migrations: migrations) }
    #expect(try database.schemaVersion() == 0)
    #expect(try database.scalarInt("SELECT count(*) FROM sqlite_master WHERE name = 'a'") == 0)
  }

  @Test func defaultLocationIsUnderTheWorkingDirectoryAndCreatesIt() throws {
    let directory = try TemporaryDirectory()
    let path = try DatabaseLocation.resolve(
      option: nil, environment: [:], workingDirectory: directory.url.path)
    #expect(path == directory.path(".sportello/sportello.db"))
    var isDirectory: ObjCBool = false
    #expect(
      FileManager.default.fileExists(
        atPath: directory.path(".sportello"), isDirectory: &isDirectory))
    #expect(isDirectory.boolValue)
  }

  @Test func optionWinsOverEnvironment() throws {
    let directory = try TemporaryDirectory()
    let fromEnvironment = try DatabaseLocation.resolve(
      option: nil, environment: ["SPORTELLO_DB": directory.path("env/e.db")],
      workingDirectory: directory.url.path)
    #expect(fromEnvironment == directory.path("env/e.db"))
    let fromOption = try DatabaseLocation.resolve(
      option: directory.path("opt/o.db"), environment: ["SPORTELLO_DB": directory.path("env/e.db")],
      workingDirectory: directory.url.path)
    #expect(fromOption == directory.path("opt/o.db"))
  }
}
