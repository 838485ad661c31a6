import Testing

@testable import SportelloStore

@Suite struct SportelloStorePlaceholderTests {
  @Test func moduleLoads() {
    #expect(String(describing: SportelloStoreModule.self) == "SportelloStoreModule")
  }
}
