import Foundation
import Testing

@testable import SportelloStore

@Suite struct DatabaseTests {
  @Test func opens() throws {
    let directory = try TemporaryDirectory()
    let database = try Database(path: directory.path("a.db"))
    #expect(try database.schemaVersion() == 0)
  }
}
